-- rowsource_names: the unaliased items of a derived table's or a CTE's
-- select list have PostgreSQL's column names (count, upper, ?column?),
-- as a statement's own do; they were named by their translated SQLite
-- text, so s.count or min(array_agg) were 42703
CREATE TABLE n26rsn (x int, t text);
INSERT INTO n26rsn VALUES (1, 'a'), (2, 'b'), (2, 'c');
SELECT * FROM (SELECT count(*), max(t), sum(x) FROM n26rsn) s;
SELECT s.count, s.max FROM (SELECT count(*), max(t) FROM n26rsn) s;
WITH c AS (SELECT x, count(*), upper(min(t)) FROM n26rsn GROUP BY x) SELECT * FROM c ORDER BY x;
WITH c AS (SELECT x, count(*) FROM n26rsn GROUP BY x) SELECT x, count FROM c WHERE count > 1;
SELECT min(array_agg) FROM (SELECT array_agg(x ORDER BY x) FROM n26rsn) s;
SELECT * FROM (SELECT 1, 'a', x + 1, x::text, CASE WHEN x > 1 THEN 'big' END FROM n26rsn ORDER BY x LIMIT 1) s;
SELECT * FROM (SELECT count(*) FROM n26rsn UNION ALL SELECT 5) s ORDER BY 1;
SELECT * FROM n26rsn a JOIN (SELECT x, count(*) FROM n26rsn GROUP BY x) b ON a.x = b.x ORDER BY a.t;
SELECT t FROM n26rsn WHERE x IN (SELECT x + 0 FROM n26rsn WHERE t > 'a') ORDER BY t;
SELECT (SELECT max(x) FROM n26rsn) AS m, EXISTS (SELECT 1 FROM n26rsn) AS e;
