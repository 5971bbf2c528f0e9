-- numorder_uncovered: numeric values that were ordered, grouped or
-- compared as text or by SQLite's equality: an aggregate as a set
-- operation's item, sum of arithmetic compared with a number, max of a
-- scalar subquery, GROUP BY and DISTINCT of coalesce (closed by the
-- numagg work: corpus 28_numagg_*).
CREATE TABLE n27numorder_x (id int PRIMARY KEY, g int, v numeric);
INSERT INTO n27numorder_x VALUES (1, 1, 1.5), (2, 1, 1.50), (3, 2, -0.5), (4, 2, -3), (5, 3, 100.00), (6, 3, 3.00), (7, 4, 3.75), (8, 5, NULL);
SELECT g, sum(v) FROM n27numorder_x GROUP BY g ORDER BY 2, 1;
SELECT v * 2 AS x, count(*) FROM n27numorder_x GROUP BY v * 2 ORDER BY 1;
SELECT DISTINCT round(v, 1) AS x FROM n27numorder_x ORDER BY 1;
SELECT sum(v) AS s FROM n27numorder_x GROUP BY g UNION SELECT max(v) FROM n27numorder_x ORDER BY s;
SELECT g FROM n27numorder_x GROUP BY g HAVING sum(v * 1) > 5 ORDER BY 1;
SELECT max((SELECT sum(v) FROM n27numorder_x k WHERE k.g = x.g)) FROM n27numorder_x x;
SELECT coalesce(v, 0) AS x, count(*) FROM n27numorder_x GROUP BY coalesce(v, 0) ORDER BY 1;
SELECT DISTINCT coalesce(v, 0) AS x FROM n27numorder_x ORDER BY 1;
