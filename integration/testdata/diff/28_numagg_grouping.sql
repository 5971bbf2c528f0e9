-- numagg_grouping: GROUP BY, DISTINCT, DISTINCT ON and count(DISTINCT) of
-- a numeric expression group numerically equal values together (1.0,
-- 1.00 and 1 are one group): coalesce(v, 0) and CASE ... ELSE 1 END of a
-- numeric column are converted to their common type with the numeric
-- collation (branch_consts.go), where SQLite's equality kept them apart.
CREATE TABLE n28numagg_x (id int PRIMARY KEY, g int, v numeric);
INSERT INTO n28numagg_x VALUES (1, 1, 1.5), (2, 1, 1.50), (3, 2, -0.5), (4, 2, -3), (5, 3, 100.00), (6, 3, 3.00), (7, 4, 3.75), (8, 5, NULL), (9, 6, 1.0), (10, 6, 1.00), (11, 7, 1);
SELECT coalesce(v, 0) AS x, count(*) FROM n28numagg_x GROUP BY coalesce(v, 0) ORDER BY 1;
SELECT coalesce(v, 0) AS x, count(*) FROM n28numagg_x GROUP BY 1 ORDER BY 1;
SELECT coalesce(v, 0) AS x, count(*) FROM n28numagg_x GROUP BY x ORDER BY x DESC;
SELECT coalesce(v, 0) AS x, count(*) FROM n28numagg_x GROUP BY coalesce(v, 0) HAVING count(*) > 1 ORDER BY 1;
SELECT CASE WHEN g > 2 THEN v ELSE 1 END AS x, count(*) FROM n28numagg_x GROUP BY 1 ORDER BY 1;
SELECT v * 1 AS x, count(*) FROM n28numagg_x GROUP BY v * 1 ORDER BY 1;
SELECT (v * 1) AS x, count(*) FROM n28numagg_x GROUP BY (v * 1) ORDER BY 1;
SELECT abs(v) AS x, count(*) FROM n28numagg_x GROUP BY abs(v) ORDER BY 1;
SELECT nullif(v, 3) AS x, count(*) FROM n28numagg_x GROUP BY 1 ORDER BY 1;
SELECT greatest(v, 0) AS x, count(*) FROM n28numagg_x GROUP BY 1 ORDER BY 1;
SELECT DISTINCT coalesce(v, 0) AS x FROM n28numagg_x ORDER BY 1;
SELECT DISTINCT v * 1 AS x FROM n28numagg_x ORDER BY 1;
SELECT DISTINCT ON (coalesce(v, 0)) coalesce(v, 0) AS x, id FROM n28numagg_x ORDER BY coalesce(v, 0), id;
SELECT DISTINCT ON (coalesce(v, 0)) id, g FROM n28numagg_x ORDER BY coalesce(v, 0) DESC, id DESC;
SELECT DISTINCT ON (v * 1) v * 1 AS x, id FROM n28numagg_x ORDER BY v * 1, id;
SELECT count(DISTINCT coalesce(v, 0)) FROM n28numagg_x;
SELECT count(DISTINCT v * 1), count(DISTINCT v), count(DISTINCT abs(v)) FROM n28numagg_x;
SELECT g, count(DISTINCT coalesce(v, 0)) FROM n28numagg_x GROUP BY g ORDER BY g;
SELECT sum(DISTINCT coalesce(v, 0)) FROM n28numagg_x;
SELECT count(*) FROM (SELECT DISTINCT coalesce(v, 0) FROM n28numagg_x) s;
SELECT coalesce(v, 0) + 1 AS x, count(*) FROM n28numagg_x GROUP BY 1 ORDER BY 1;
