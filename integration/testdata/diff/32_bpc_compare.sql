-- bpc_compare: character(n) beside varchar. PostgreSQL compares char(n)
-- with varchar (and with a quoted literal, which becomes char(n)) as
-- bpchar, ignoring trailing blanks: a char(4) 'a' equals a varchar 'a  '.
-- Beside text it compares texts (the char(n) value without its blanks).
-- A char(n) value is kept without its trailing blanks, so these compared
-- 'a' with 'a  ' and answered false.
SELECT 'a'::char(3) = 'a  ' AS a, 'a '::char(3) = 'a' AS b, 'a'::char(3) IN ('a  ', 'b') AS c, 'a'::char(3) = 'a  '::text AS d;
SELECT 'a'::char(3) = 'a  '::varchar(5) AS a, 'a'::char(3) < 'a '::varchar(5) AS b, 'a  '::varchar(5) <> 'a'::char(2) AS c;
CREATE TABLE bpc_t (id int PRIMARY KEY, c char(4), v varchar(6), t text);
INSERT INTO bpc_t VALUES (1, 'a', 'a  ', 'a  '), (2, 'b', 'b', 'b'), (3, 'a ', 'a', 'a'), (4, NULL, 'c ', 'c');
SELECT id, c = v AS eq, c < v AS lt, c <= v AS le, c <> v AS ne, v = c AS veq, c = t AS teq FROM bpc_t ORDER BY id;
SELECT id FROM bpc_t WHERE c IN (v, 'x') ORDER BY id;
SELECT id FROM bpc_t WHERE v IN (c) ORDER BY id;
SELECT id, c IS DISTINCT FROM v AS d, c IS NOT DISTINCT FROM v AS nd FROM bpc_t ORDER BY id;
SELECT id FROM bpc_t WHERE c IN (SELECT v FROM bpc_t WHERE id = 1) ORDER BY id;
SELECT id FROM bpc_t WHERE v NOT IN (SELECT c FROM bpc_t WHERE id = 1) ORDER BY id;
SELECT id, nullif(c, v) AS n, CASE WHEN c = v THEN 1 ELSE 0 END AS k FROM bpc_t ORDER BY id;
SELECT a.id AS a, b.id AS b FROM bpc_t a JOIN bpc_t b ON a.c = b.v ORDER BY 1, 2;
SELECT id FROM bpc_t WHERE c = 'a  '::varchar(5) ORDER BY id;
DROP TABLE bpc_t;
