-- fz_trunc: date_trunc of a date/time column is of its column's type
-- (a date's timestamptz) for an operator over it: an interval column's
-- truncation whose text reads as a time of day ('00:00:00', '12:00:00')
-- added to an interval was time arithmetic (date_trunc('year', iv) + iv
-- of '1 mon -1 days' was 00:00:00; found by the differential fuzz
-- tester, issue 11). date_trunc of a time casts it to interval, as
-- PostgreSQL's implicit cast does, and so does date_trunc of nested
-- arithmetic whose value reads as a time of day (date_trunc('hour',
-- iv + iv), date_trunc('hour', ts - ts)): both were 42883.
CREATE TABLE n29fz_t (id int PRIMARY KEY, iv interval, ts timestamp, d date, tz timestamptz);
INSERT INTO n29fz_t VALUES (1, '1 mon -1 day', '2024-02-29 12:00:00', '2024-02-29', '2024-02-29 12:00:00+00'), (2, '-2 hours', '2000-01-01 00:00:00', '2000-01-01', '2000-01-01 00:00:00+00'), (3, '36 hours', 'infinity', 'infinity', 'infinity'), (4, '1 year 2 mons 3 days 04:05:06', '1999-12-31 23:59:59.5', '1999-12-31', '1999-12-31 23:59:59.5+00'), (5, NULL, NULL, NULL, NULL);
SELECT id, date_trunc('year', iv) + iv, iv + date_trunc('year', iv), date_trunc('hour', iv) - iv FROM n29fz_t ORDER BY id;
SELECT id, justify_hours(date_trunc('year', iv) + iv), date_trunc('day', iv) + interval '1 hour' FROM n29fz_t ORDER BY id;
SELECT id, date_trunc('day', ts) + iv, date_trunc('month', d) + iv, date_trunc('hour', tz) - iv FROM n29fz_t ORDER BY id;
SELECT id FROM n29fz_t WHERE date_trunc('day', iv) + iv > interval '1 day' ORDER BY id;
SELECT date_trunc('hour', time '10:30'), date_trunc('minute', '10:30:45'::time), date_trunc('hour', time '10:30') + interval '1 hour';
SELECT date_trunc('hour', (INTERVAL '2 hours 30 minutes' + INTERVAL '0')), date_trunc('hour', interval '30:10:00' - interval '1 day');
SELECT id, date_trunc('month', date_trunc('hour', iv + iv)), date_trunc('hour', ts - ts), date_trunc('day', iv * 2) FROM n29fz_t WHERE id <> 3 ORDER BY id;
