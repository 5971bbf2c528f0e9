-- greatest/least of interval arithmetic over columns (typed at run time)
-- order by value: the ORDER BY key that sorts a text result by its bytes
-- covered them, so 36:00:00 sorted above 1 year 2 mons 3 days (the
-- differential fuzz tester, seed 842200).
CREATE TABLE fz3_mi (id int4, iv interval, ts timestamp);
INSERT INTO fz3_mi VALUES (1, '1 mon -1 day', '2024-02-29 12:00:00'), (2, '-2 hours', '2000-01-01 00:00:00'), (3, '1 year 2 mons 3 days 04:05:06', '1999-12-31 23:59:59.5'),
 (4, '00:00:00', '2023-03-31 10:30:00'), (5, '36 hours', '2024-01-31 00:00:00'), (6, '1 day', NULL), (7, NULL, NULL);
SELECT greatest(((iv * 2) / 2), ((iv - iv) + (-iv))) AS c1 FROM fz3_mi ORDER BY 1 DESC;
SELECT id, greatest(iv * 2, -iv) AS c1 FROM fz3_mi ORDER BY 2, 1;
SELECT least(ts - TIMESTAMP '2000-01-01', iv * 3) AS c1 FROM fz3_mi ORDER BY 1 NULLS FIRST;
DROP TABLE fz3_mi;
