-- round, trunc, ceil, floor and sign of one numeric column are numeric,
-- so the arithmetic around them is numeric's: round(n2) / 2 was SQLite's
-- integer division (1.25 gave 0, PostgreSQL 0.50000000000000000000;
-- the fuzz tester's seed 778679 printed 0 for 0.00000000000000000000),
-- 7 / round(n2) 0 for -8; of a float8 or integer column they are float8.
CREATE TABLE fz2_rd (id int PRIMARY KEY, f8 float8, n numeric, n2 numeric(10,2), i4 int);
INSERT INTO fz2_rd VALUES (1, 0, 0, 0.00, 0), (2, 1.5, 3, 1.25, 3), (3, -7.5, -7.5, -7.55, -7), (4, NULL, NULL, NULL, NULL);
SELECT id, round(n2) / 2 AS a, round(n) / 2 AS b, trunc(n2) / 2 AS c FROM fz2_rd ORDER BY id;
SELECT id, ceil(n2) / 2 AS a, ceiling(n) / 4 AS b, floor(n2) / 2 AS c, sign(n) / 2 AS d FROM fz2_rd ORDER BY id;
SELECT id, round(n2) / i4 AS a FROM fz2_rd WHERE i4 <> 0 ORDER BY id;
SELECT id, 7 / round(n2) AS a FROM fz2_rd WHERE n2 <> 0 ORDER BY id;
SELECT id, (round(n2) + 0) / 2 AS a, round(n2) * 1 / 2 AS b, coalesce(round(n), 0) / 2 AS c FROM fz2_rd ORDER BY id;
SELECT id, max(round(n)) / 2 AS a, sum(trunc(n2)) / 4 AS b FROM fz2_rd GROUP BY id ORDER BY id;
SELECT id, round(f8) / 2 AS a, sign(f8) / 2 AS b, ceil(i4) / 2 AS c, floor(i4) - 1 AS d, round(i4) / 2 AS e FROM fz2_rd ORDER BY id;
SELECT id, round(n2) + 1 AS a, trunc(n) * 3 AS b, sign(n2) - 1 AS c, 1 - ceil(n2) AS d FROM fz2_rd ORDER BY id;
SELECT (round((a.n2 - a.n2)) / 2) AS c1 FROM fz2_rd a ORDER BY 1 DESC NULLS LAST;
DROP TABLE fz2_rd;
