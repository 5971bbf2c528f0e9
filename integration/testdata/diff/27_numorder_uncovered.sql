-- numorder_uncovered: numeric values still ordered, grouped or compared
-- as text or by SQLite's equality (docs/sql-dialect.md, "Differences from
-- PostgreSQL"); each case fails when it starts to match.
CREATE TABLE n27numorder_x (id int PRIMARY KEY, g int, v numeric);
INSERT INTO n27numorder_x VALUES (1, 1, 1.5), (2, 1, 1.50), (3, 2, -0.5), (4, 2, -3), (5, 3, 100.00), (6, 3, 3.00), (7, 4, 3.75), (8, 5, NULL);
SELECT g, sum(v) FROM n27numorder_x GROUP BY g ORDER BY 2, 1;
SELECT v * 2 AS x, count(*) FROM n27numorder_x GROUP BY v * 2 ORDER BY 1;
SELECT DISTINCT round(v, 1) AS x FROM n27numorder_x ORDER BY 1;
-- differs: an aggregate of a numeric column as a set operation's item orders as text (103.00 before 3.75)
SELECT sum(v) AS s FROM n27numorder_x GROUP BY g UNION SELECT max(v) FROM n27numorder_x ORDER BY s;
-- differs: sum of arithmetic over a numeric column compared with a number compares as SQLite does (text after every number)
SELECT g FROM n27numorder_x GROUP BY g HAVING sum(v * 1) > 5 ORDER BY 1;
-- differs: max of a scalar subquery's numeric value compares text
SELECT max((SELECT sum(v) FROM n27numorder_x k WHERE k.g = x.g)) FROM n27numorder_x x;
-- differs: GROUP BY coalesce of a numeric column groups by SQLite's equality (1.5 and 1.50 apart)
SELECT coalesce(v, 0) AS x, count(*) FROM n27numorder_x GROUP BY coalesce(v, 0) ORDER BY 1;
-- differs: DISTINCT coalesce of a numeric column keeps 1.5 and 1.50 apart
SELECT DISTINCT coalesce(v, 0) AS x FROM n27numorder_x ORDER BY 1;
