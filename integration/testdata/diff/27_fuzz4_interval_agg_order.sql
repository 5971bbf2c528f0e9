-- fuzz4_interval_agg_order: ORDER BY an aggregate of a conditional with
-- an interval column among its branches (sum(CASE WHEN b THEN iv ELSE
-- INTERVAL '1 mon' END)) sorts by value, as ORDER BY sum(iv) does: the
-- aggregate's result has no collation, so the intervals' text ordered 1
-- year ... before 36:00:00 (found by the differential fuzz tester, seed
-- 3100504).
CREATE TABLE n27fuzz4_ia (id int PRIMARY KEY, b bool, ts timestamp, iv interval);
INSERT INTO n27fuzz4_ia VALUES
 (1, false, '2024-02-29 12:00:00', '1 mon -1 day'),
 (2, true, '2000-01-01 00:00:00', '-2 hours'),
 (3, true, 'infinity', '1 year 2 mons 3 days 04:05:06'),
 (4, false, '-infinity', '00:00:00'),
 (5, NULL, '1999-12-31 23:59:59.5', '-1 mon 1 day'),
 (6, NULL, NULL, NULL),
 (7, true, '2023-03-31 10:30:00', '36 hours');
SELECT id, sum(CASE WHEN b THEN iv ELSE INTERVAL '1 mon' END) AS s FROM n27fuzz4_ia GROUP BY id ORDER BY s, id;
SELECT id, max(coalesce(iv, INTERVAL '1 day')) AS m FROM n27fuzz4_ia GROUP BY id ORDER BY 2 DESC, id;
SELECT (a.ts)::date AS c1, sum(CASE WHEN a.b THEN a.iv ELSE INTERVAL '1 mon' END) AS c2, array_agg(a.id ORDER BY a.id DESC) AS c3 FROM n27fuzz4_ia a WHERE a.b GROUP BY 1 ORDER BY 2 NULLS LAST, 1, 3 DESC NULLS FIRST;
