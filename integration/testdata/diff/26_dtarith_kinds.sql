-- dtarith_kinds: nested date/time arithmetic over columns of each
-- date/time type (timestamptz in a zone with daylight saving time, time,
-- date) inside out, in WHERE, ORDER BY (an interval by value), aggregates,
-- casts and with NULLs; CASE and coalesce operands take their results'
-- type.
CREATE TABLE n26dtarith_k (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, tm time, iv interval, n int, f float8, ts2 timestamp);
INSERT INTO n26dtarith_k VALUES
 (1, '2024-01-31', '2024-01-31 10:00', '2024-01-31 10:00+00', '10:30', '1 day 02:00', 3, 1.5, '2023-11-15 08:00'),
 (2, '2024-03-01', '2024-03-10 01:30', '2024-03-10 06:30+00', '23:00', '-3 hours', 0, 0.25, '2024-03-01 00:00'),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (4, '2023-12-25', '2023-12-25 00:00:01.5', '2023-12-25 12:00+00', '00:00', '1 mon 40 days 30:00:00', 10, -2, '2022-01-01 00:00'),
 (5, '2024-02-29', '2024-02-29 23:59:59', '2024-11-03 05:30:00+00', '12:00', '10:30:00', -1, 3, '2024-02-28 12:00');
SET TimeZone = 'America/New_York';
-- timestamptz
-- a timestamp beside a timestamptz is its wall time in the session zone
SELECT id, tz - ts AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz - timestamp '2024-01-01 00:00' AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz - ts2 - iv AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz - iv - iv AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz - (tz - iv) AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (tz - iv) - ts AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz - (ts - iv) AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz + iv * n AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tz + iv * n::int AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (tz + iv) AT TIME ZONE 'UTC' AS a FROM n26dtarith_k ORDER BY id;
SELECT id FROM n26dtarith_k WHERE tz - iv * 2 > tz - interval '1 day' ORDER BY id;
SELECT id, (tz - iv)::date AS a FROM n26dtarith_k ORDER BY id;
RESET TimeZone;
-- time
SELECT id, tm + iv - iv AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (tm - tm) * 2 AS a FROM n26dtarith_k ORDER BY id;
SELECT id, tm - (tm - iv) AS a FROM n26dtarith_k ORDER BY id;
SELECT id, d + tm - iv AS a FROM n26dtarith_k ORDER BY id;
-- date
SELECT id, d - n - n AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (d - d) + n AS a FROM n26dtarith_k ORDER BY id;
SELECT id, d + (n * 2) AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (d + 1) - (d - 1) AS a FROM n26dtarith_k ORDER BY id;
-- negation, CASE and coalesce operands
SELECT id, -iv + ts AS a FROM n26dtarith_k ORDER BY id;
SELECT id, -(ts - ts2) AS a FROM n26dtarith_k ORDER BY id;
SELECT id, CASE WHEN n > 1 THEN iv ELSE iv * 2 END + ts AS a FROM n26dtarith_k ORDER BY id;
SELECT id, ts + CASE WHEN n > 1 THEN iv END AS a FROM n26dtarith_k ORDER BY id;
SELECT id, ts + coalesce(iv, interval '0') * 2 AS a FROM n26dtarith_k ORDER BY id;
-- interval by numbers
SELECT id, (ts - ts2) - (ts - ts2) / 2 AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (ts - ts2) * f AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (ts - ts2) * 1.5 AS a FROM n26dtarith_k ORDER BY id;
SELECT id, iv / f AS a FROM n26dtarith_k ORDER BY id;
SELECT id, (iv * 2) * 3 AS a FROM n26dtarith_k ORDER BY id;
SELECT id, n * iv + ts AS a FROM n26dtarith_k ORDER BY id;
SELECT id, date_trunc('day', ts) - iv AS a FROM n26dtarith_k ORDER BY id;
-- ORDER BY, BETWEEN, aggregates, extract
SELECT id, iv * 2 AS a FROM n26dtarith_k WHERE iv * 2 BETWEEN interval '-1 day' AND interval '3 days' ORDER BY 2;
SELECT id, ts - iv AS a FROM n26dtarith_k ORDER BY ts - iv - iv DESC NULLS LAST;
SELECT id, iv * 2 - iv AS a FROM n26dtarith_k ORDER BY iv * 2 - iv NULLS FIRST, id;
SELECT max((ts - ts2) * 2), min(iv * 2 - iv) FROM n26dtarith_k;
SELECT id, extract(epoch FROM ts - iv - iv) AS a FROM n26dtarith_k ORDER BY id;
-- an interval column beside a typed operand is read as an interval, also
-- when its text looks like a time of day (10:30:00)
SELECT id FROM n26dtarith_k WHERE iv > interval '10 hours' ORDER BY id;
SELECT id, age(ts, ts2) + iv > interval '1 day' AS a FROM n26dtarith_k ORDER BY id;
SELECT id, timestamp '2024-01-01 00:00' + iv AS a FROM n26dtarith_k ORDER BY id;
