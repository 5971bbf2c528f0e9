-- bpc_regex_precedence: PostgreSQL parses ~, ~*, !~, !~* and ~~, !~~*
-- (LIKE's operator names) as "any other operator", of ||'s precedence and
-- left-associative, above comparison: 'ABC' ~* 'b' || 'c' is
-- ('ABC' ~* 'b') || 'c', the text truec (SQLite's REGEXP and LIKE bind
-- looser than ||: it matched 'bc'), and x = 'abc' ~ 'b' compares x with
-- the match (SQLite read (x = 'abc') REGEXP 'b').
SELECT 'ABC' ~* 'b' || 'c' AS a;
SELECT 'ABC' !~ 'B' || 'C' AS a, 'x' || 'ABC' ~* 'b' AS b;
SELECT 'abc' ~~ 'a%' || 'x' AS a, 'abc' !~~* 'A%' || 'y' AS b;
SELECT true = 'abc' ~ 'b' AS a, false = 'abc' ~ 'z' AS b;
CREATE TABLE bpc_re (id int PRIMARY KEY, name text);
INSERT INTO bpc_re VALUES (1, 'Bob'), (2, 'alice');
SELECT id, name ~* '^b' || '!' AS m FROM bpc_re ORDER BY id;
SELECT id FROM bpc_re WHERE true = name ~ '^a' ORDER BY id;
DROP TABLE bpc_re;
