-- Date, timestamp and timestamptz columns matched to one type are
-- converted to the widest (a date at midnight): COALESCE, GREATEST, LEAST,
-- CASE results and a set operation's column (coalesce(d, ts) printed the
-- date, SELECT d UNION ALL SELECT ts cut the timestamps to dates).
CREATE TABLE kn_dc (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz);
INSERT INTO kn_dc VALUES (1, '2024-01-02', '2024-01-03 04:05:06', '2024-01-03 04:05:06+00'), (2, NULL, '2024-02-03 04:05:06', NULL), (3, '2024-05-05', '2024-05-05 00:00:00', '2024-05-05 10:00:00+00');
SELECT id, coalesce(d, ts) FROM kn_dc ORDER BY id;
SELECT id, coalesce(ts, d) FROM kn_dc ORDER BY id;
SELECT id, coalesce(d, tz) FROM kn_dc ORDER BY id;
SELECT id, coalesce(d, ts, tz) FROM kn_dc ORDER BY id;
SELECT id, coalesce(d, '2024-07-07 10:00') FROM kn_dc ORDER BY id;
SELECT id, greatest(d, ts) FROM kn_dc ORDER BY id;
SELECT id, least(d, ts) FROM kn_dc ORDER BY id;
SELECT id, least(ts, tz) FROM kn_dc ORDER BY id;
SELECT id, CASE WHEN id = 1 THEN d ELSE ts END FROM kn_dc ORDER BY id;
SELECT id, CASE id WHEN 1 THEN d WHEN 2 THEN NULL ELSE tz END AS c FROM kn_dc ORDER BY id;
SELECT id, CASE WHEN id = 1 THEN d END FROM kn_dc ORDER BY id;
SELECT d FROM kn_dc UNION ALL SELECT ts FROM kn_dc ORDER BY 1;
SELECT ts FROM kn_dc UNION ALL SELECT d FROM kn_dc ORDER BY 1;
SELECT d AS x FROM kn_dc UNION SELECT ts FROM kn_dc ORDER BY 1;
SELECT id, d FROM kn_dc UNION ALL SELECT id, NULL FROM kn_dc UNION ALL SELECT id, tz FROM kn_dc ORDER BY 1, 2;
SELECT count(*) FROM (SELECT d FROM kn_dc INTERSECT SELECT ts FROM kn_dc) s;
SELECT coalesce(d, ts) AS c, count(*) FROM kn_dc GROUP BY 1 ORDER BY 1;
DROP TABLE kn_dc;
