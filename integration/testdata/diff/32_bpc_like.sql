-- bpc_like: LIKE, ILIKE, SIMILAR TO and the regular expression operators
-- over a character(n) value match it as stored, padded to n (bpcharlike,
-- bpcharregexeq: a char(4) 'a' is 'a   '), and concat, concat_ws and
-- format print it padded (its output function); || and length() read it
-- as text, without the blanks. A char(n) value is kept without its
-- trailing blanks, so these matched and printed 'a'.
SELECT 'a'::char(3) LIKE 'a' AS a, 'a'::char(3) LIKE 'a %' AS b, 'a'::char(3) ~ '^a$' AS c, 'a'::char(3) || 'x' AS d;
SELECT concat('a'::char(3), 'x') AS a, concat_ws('-', 'b'::char(2), 'c') AS b, format('[%s]', 'a'::character(4)) AS c;
CREATE TABLE bpc_l (id int PRIMARY KEY, c char(4), v varchar(6));
INSERT INTO bpc_l VALUES (1, 'a', 'a  '), (2, 'b', 'b'), (3, NULL, 'c');
SELECT id, c LIKE 'a' AS a, c LIKE 'a %' AS b, c NOT LIKE 'a%' AS c, c ILIKE 'A' AS d, c ~ 'a $' AS e, c ~ '^a$' AS f, c SIMILAR TO 'a' AS g, c !~* 'A   ' AS h FROM bpc_l ORDER BY id;
SELECT id FROM bpc_l WHERE c LIKE 'a %' ORDER BY id;
SELECT id, concat(c, 'x') AS a, concat_ws('-', c, v) AS b, format('%s|', c) AS c, c || 'x' AS d, length(c) AS e FROM bpc_l ORDER BY id;
DROP TABLE bpc_l;
