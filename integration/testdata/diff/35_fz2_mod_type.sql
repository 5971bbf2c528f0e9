-- mod(x, y) of a column is of its arguments' type (int2/int4/int8 or
-- numeric), so the arithmetic around it is typed: mod(i2, 5) * n of a
-- numeric column ordered as text, 300 before 2.5 (the fuzz tester's seed
-- 782441).
CREATE TABLE fz2_md (id int PRIMARY KEY, i2 int2, i4 int, n numeric);
INSERT INTO fz2_md VALUES (1, 3, 10, 100), (2, 1, -7, 2.5), (3, 7, 3, 2340.000), (4, NULL, NULL, NULL), (5, 0, 5, 1);
SELECT mod(a.i2, 5) * a.n AS c1 FROM fz2_md a ORDER BY 1;
SELECT abs(mod(a.i2, 5) * a.n) AS c1 FROM fz2_md a ORDER BY 1 DESC;
WITH d AS (SELECT * FROM fz2_md) SELECT DISTINCT abs((mod(a.i2, -2147483648) * least(a.n, a.n))) AS c1 FROM d a ORDER BY 1;
SELECT id, mod(a.n, 3) + a.i4 AS c1, mod(a.i4, a.i2) / 2 AS c2 FROM fz2_md a WHERE a.i2 <> 0 ORDER BY 2, 1;
DROP TABLE fz2_md;
