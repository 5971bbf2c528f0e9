-- fuzz_interval_order: ORDER BY an aggregate or conditional of an
-- interval column (by position, alias or expression) sorts by the
-- intervals' values: the aggregate's result has no collation, and
-- SQLite ordered its text ('-02:00:00' before '-1 mons +1 day'; found
-- by the differential fuzz tester, seeds 500000 and 700000).
CREATE TABLE n25fuzz_i (id int PRIMARY KEY, g text, iv interval, iv2 interval);
INSERT INTO n25fuzz_i VALUES (1, 'a', '-2 hours', '1 day'), (2, 'b', '-1 mon 1 day', NULL), (3, 'c', '1 year 2 mons', '-3 days'), (4, 'd', '36 hours', '2 days'), (5, 'e', '00:00:00', NULL), (6, 'f', NULL, '1 mon'), (7, 'a', '1 day', '-1 day');
SELECT g, max(iv) AS m FROM n25fuzz_i GROUP BY 1 ORDER BY 2, 1;
SELECT g, min(iv) AS m FROM n25fuzz_i GROUP BY 1 ORDER BY m DESC, 1;
SELECT g, sum(iv) FROM n25fuzz_i GROUP BY 1 ORDER BY sum(iv), 1;
SELECT id, coalesce(iv2, iv) FROM n25fuzz_i ORDER BY 2 NULLS FIRST, 1;
SELECT id, greatest(iv, iv2) AS x FROM n25fuzz_i ORDER BY x DESC, 1;
SELECT id, CASE WHEN id > 3 THEN iv ELSE iv2 END AS x FROM n25fuzz_i ORDER BY 2, 1;
