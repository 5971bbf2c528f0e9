-- octet_length of character(n) counts the padded value (bpcharoctetlen);
-- length, char_length, character_length and bit_length read it as text,
-- without its trailing blanks
CREATE TABLE arr_ch (id int, c char(5), one char, u char(4), b bpchar, v varchar(5));
INSERT INTO arr_ch VALUES (1, 'ab', 'x', 'é', 'ab  ', 'ab  '), (2, '', '', '', '', ''), (3, NULL, NULL, NULL, NULL, NULL), (4, 'abcde', 'z', 'ééé', 'q', 'q');
SELECT id, octet_length(c) AS o, length(c) AS l, char_length(c) AS cl, character_length(c) AS chl, bit_length(c) AS bl FROM arr_ch ORDER BY id;
SELECT id, octet_length(one) AS o1, length(one) AS l1, octet_length(u) AS ou, length(u) AS lu, bit_length(u) AS bu FROM arr_ch ORDER BY id;
-- differs: a bare bpchar keeps its trailing blanks in PostgreSQL (octet_length 4); raftsql stores it without them (docs/sql-dialect.md)
SELECT id, octet_length(b) AS ob, length(b) AS lb, octet_length(v) AS ov, length(v) AS lv FROM arr_ch ORDER BY id;
SELECT octet_length('ab'::char(5)) AS a, octet_length(CAST('ab' AS character(4))) AS b, octet_length('x'::char) AS c, length('ab '::char(5)) AS e, octet_length('é'::char(3)) AS f;
SELECT sum(octet_length(c)) AS s FROM arr_ch;
DROP TABLE arr_ch;
