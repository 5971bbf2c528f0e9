-- fuzz5_datetruncinterval: date_trunc of an interval column or interval
-- expression whose value has hours alone ('36:00:00' reads as a time of
-- day from its text): typed by the statement or the column's declared
-- type (differential fuzz tester: 42883 date_trunc(unknown, time without
-- time zone)).
CREATE TABLE n28fuzz5_dt (id int PRIMARY KEY, iv interval, ts timestamp, tz timestamptz, d date);
INSERT INTO n28fuzz5_dt VALUES (1, '1 mon -1 day', '2024-02-29 12:00:00', '2024-02-29 12:00:00+00', '2024-02-29'), (2, '-2 hours', '2000-01-01 00:00:00', '2000-01-01 00:00:00+00', '2000-01-01'), (3, '1 year 2 mons 3 days 04:05:06', 'infinity', 'infinity', 'infinity'), (4, '00:00:00', '1999-12-31 23:59:59.5', '1999-12-31 23:59:59.5+00', '1999-12-31'), (5, '36 hours', NULL, NULL, NULL), (6, NULL, '2023-03-31 10:30:00', '2023-03-31 10:30:00+00', '2023-03-31');
SELECT id, date_trunc('hour', iv) AS h, date_trunc('day', iv) AS d, date_trunc('month', iv) AS m, date_trunc('year', iv) AS y FROM n28fuzz5_dt ORDER BY id;
SELECT date_trunc('day', INTERVAL '2 hours 30 minutes') AS a, date_trunc('hour', INTERVAL '36 hours 20 minutes') AS b, date_trunc('minute', '-02:30:45'::interval) AS c;
SELECT id, date_trunc('month', justify_days(iv)) AS m, date_trunc('day', coalesce(iv, INTERVAL '36 hours')) AS c FROM n28fuzz5_dt ORDER BY id;
SELECT id, tz + date_trunc('year', iv) AS a, date_trunc('day', iv) + ts AS b, date_trunc('hour', ts) AS t, date_trunc('day', tz) AS z, date_trunc('year', d) AS y FROM n28fuzz5_dt ORDER BY id;
SELECT id FROM n28fuzz5_dt WHERE date_trunc('hour', iv) > INTERVAL '1 day' ORDER BY id;
