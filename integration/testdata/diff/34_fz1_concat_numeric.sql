-- || of a column whose type shows at run time and a numeric constant
-- prints the constant as numeric's output (3.00, not SQLite's REAL 3.0),
-- parenthesised too; the text it makes is compared as text (a numeric
-- collation inside nullif('' || -id, ...) ordered it -8 before -1).
CREATE TABLE fz1_cn (id int PRIMARY KEY, vc varchar(10), t text, n numeric);
INSERT INTO fz1_cn VALUES (1, 'hello', 'x', 1.50), (2, '', NULL, -2.5), (3, 'ünï', 'y', 100), (8, 'ABC', 'z', 0);
SELECT vc || 3.00, vc || (2.50), 1e2 || vc, vc || -3.00 FROM fz1_cn ORDER BY id;
SELECT a.vc || 3.00 AS c FROM (SELECT * FROM fz1_cn) a ORDER BY a.id;
SELECT nullif(substr('42', 0, 0) || (-a.id), trim(a.t)) AS c1 FROM fz1_cn a ORDER BY 1 NULLS FIRST;
SELECT t || -id AS c FROM fz1_cn ORDER BY 1;
SELECT coalesce(vc || -id, 'z') AS c FROM fz1_cn ORDER BY 1 DESC;
DROP TABLE fz1_cn;
