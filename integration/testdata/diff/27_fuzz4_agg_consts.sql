-- fuzz4_agg_consts: a decimal constant aggregated by array_agg keeps its
-- digits, as sum's and min's (array_agg is renamed before constants are
-- typed, and its ORDER BY was not looked past): array_agg(0.0 ORDER BY
-- 0.0) was {0}, PostgreSQL's {0.0} (found by the differential fuzz
-- tester, seed 2600765). array_agg(DISTINCT 1.50) too: the ORDER BY
-- DISTINCT implies goes before the ")".
CREATE TABLE n27fuzz4_ac (id int PRIMARY KEY, d date, n numeric);
INSERT INTO n27fuzz4_ac VALUES (1, '2024-02-29', 1.5), (2, '2000-01-01', NULL), (3, NULL, -2.50), (4, '2000-01-01', 0);
SELECT array_agg(0.0 ORDER BY 0.0), array_agg(1.50), array_agg(-1.50 ORDER BY id), array_agg(DISTINCT 1.50) FROM n27fuzz4_ac;
SELECT array_agg(DISTINCT n), array_agg(DISTINCT n ORDER BY n DESC), min(DISTINCT 1.50), sum(DISTINCT 0.10), sum(0.10) FROM n27fuzz4_ac;
SELECT a.d AS c1, array_agg(0.0 ORDER BY 0.0) AS c2 FROM n27fuzz4_ac a GROUP BY 1 ORDER BY 2 DESC NULLS LAST, 1 DESC;
