-- A comparison whose operand holds op ANY/ALL (array) over a derived
-- table's column (a.b = ((a.id % 32767) < ANY(ARRAY[...]))) was a syntax
-- error: the run-time comparison copied its operands before the ANY's
-- subquery opened on its left operand (the fuzz tester's seed 782197).
CREATE TABLE fz2_aa (id int PRIMARY KEY, b bool, n numeric, i4 int);
INSERT INTO fz2_aa VALUES (1, true, 1.5, 10), (2, false, -2, 3), (3, NULL, NULL, NULL), (4, true, 0, -5);
SELECT a.id FROM (SELECT * FROM fz2_aa) a WHERE (a.b = ((a.id % 32767) < ANY(ARRAY[-2147483648, NULL]))) ORDER BY 1;
SELECT a.id, a.b = ((a.id % 3) < ANY(ARRAY[1, 2])) AS x, a.n > (a.i4 >= ALL(ARRAY[3, 4]))::int AS y FROM (SELECT * FROM fz2_aa) a ORDER BY 1;
WITH d AS (SELECT * FROM fz2_aa) SELECT a.id, a.b IS DISTINCT FROM (a.i4 = ANY(ARRAY[3, 10])) AS x, a.n = (CASE WHEN a.i4 > ALL(ARRAY[0]) THEN 1.5 ELSE 0 END) AS y FROM d a ORDER BY 1;
DROP TABLE fz2_aa;
