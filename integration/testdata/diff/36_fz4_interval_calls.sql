-- date_trunc of an interval orders, groups and compares as an interval
-- (by value: '-1 mons +1 day' before '-02:00:00'), not as its text (fuzz
-- seeds 800836, 802050); greatest/least with an interval, date or
-- timestamp argument is of that type in the arithmetic around it:
-- (least(iv, INTERVAL '1 year') * 2) + INTERVAL '-7 hours' read the
-- product '00:00:00' as a time (17:00:00; seed 801569).
CREATE TABLE fz4_ic (id int PRIMARY KEY, iv interval, ts timestamp, d date);
INSERT INTO fz4_ic VALUES (1, '1 mon -1 day', '2024-02-29 12:00:00', '2024-02-29'), (2, '-2 hours', '2000-01-01 00:00:00', '2000-01-01'), (3, '1 year 2 mons 3 days 04:05:06', 'infinity', 'infinity'), (4, '00:00:00', '-infinity', '-infinity'), (5, '-1 mon 1 day', '1999-12-31 23:59:59.5', '1999-12-31'), (6, NULL, NULL, NULL), (7, '36 hours', '2023-03-31 10:30:00', '2023-03-31'), (8, '1 day', '2024-01-31 00:00:00', '2024-01-31');
SELECT date_trunc('hour', iv) AS c1 FROM fz4_ic ORDER BY 1;
SELECT date_trunc('day', iv) AS c1, count(*) AS n FROM fz4_ic GROUP BY 1 ORDER BY 1 DESC;
SELECT id FROM fz4_ic WHERE date_trunc('hour', iv) > interval '1 day' ORDER BY id;
SELECT date_trunc('hour', ts) AS a FROM fz4_ic ORDER BY 1;
SELECT date_trunc('month', d) AS a FROM fz4_ic ORDER BY 1 DESC;
SELECT date_trunc('day', coalesce(iv, INTERVAL '36 hours')) AS c, date_trunc('hour', coalesce(ts, ts)) AS t FROM fz4_ic ORDER BY 1, 2;
SELECT max(date_trunc('hour', iv)) AS a, min(date_trunc('hour', iv)) AS b FROM fz4_ic;
SELECT id, (least(iv, INTERVAL '1 year') * 2) + INTERVAL '-7 hours' AS y, greatest(iv, interval '1 hour') + interval '1 day' AS z FROM fz4_ic ORDER BY id;
SELECT id, least(d, date '2024-01-01') + 1 AS w, greatest(ts, timestamp '2020-01-01') - interval '1 day' AS v, greatest(d, date '2000-01-01') - date '2000-01-01' AS t FROM fz4_ic ORDER BY id;
SELECT id, (least(a.iv, INTERVAL '1 year') * 2) + ((INTERVAL '2 hours 30 minutes' * 3) * -1) AS c2 FROM (SELECT * FROM fz4_ic) a ORDER BY 2 DESC, 1;
DROP TABLE fz4_ic;
