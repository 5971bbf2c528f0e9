-- Casts between the date/time types: PostgreSQL has only the casts of
-- pg_cast (date to timestamp[tz]; time to timetz and interval; timetz to
-- time; timestamp[tz] to date, time and each other; timestamptz to timetz;
-- interval to time); any other pair is 42846. The cast functions read
-- the operand's text, so timestamp::timetz was answered and date::time
-- was 22007; interval::time was 22007 where PostgreSQL takes its time of
-- day (pgdialect/datetime_casts.go).
SET TIME ZONE 'UTC';
CREATE TABLE arr_dtc (d date, t time, tt timetz, ts timestamp, tz timestamptz, iv interval);
INSERT INTO arr_dtc VALUES ('2024-01-02', '03:04:05', '03:04:05+02', '2024-01-02 03:04:05', '2024-01-02 03:04:05+00', '1 day 02:03:04');
SELECT d::time, CAST(d AS time) FROM arr_dtc;
SELECT d::timetz, CAST(d AS timetz) FROM arr_dtc;
SELECT d::timestamp, CAST(d AS timestamp) FROM arr_dtc;
SELECT d::timestamptz, CAST(d AS timestamptz) FROM arr_dtc;
SELECT d::interval, CAST(d AS interval) FROM arr_dtc;
SELECT t::date, CAST(t AS date) FROM arr_dtc;
SELECT t::timetz, CAST(t AS timetz) FROM arr_dtc;
SELECT t::timestamp, CAST(t AS timestamp) FROM arr_dtc;
SELECT t::timestamptz, CAST(t AS timestamptz) FROM arr_dtc;
SELECT t::interval, CAST(t AS interval) FROM arr_dtc;
SELECT tt::date, CAST(tt AS date) FROM arr_dtc;
SELECT tt::time, CAST(tt AS time) FROM arr_dtc;
SELECT tt::timestamp, CAST(tt AS timestamp) FROM arr_dtc;
SELECT tt::timestamptz, CAST(tt AS timestamptz) FROM arr_dtc;
SELECT tt::interval, CAST(tt AS interval) FROM arr_dtc;
SELECT ts::date, CAST(ts AS date) FROM arr_dtc;
SELECT ts::time, CAST(ts AS time) FROM arr_dtc;
SELECT ts::timetz, CAST(ts AS timetz) FROM arr_dtc;
SELECT ts::timestamptz, CAST(ts AS timestamptz) FROM arr_dtc;
SELECT ts::interval, CAST(ts AS interval) FROM arr_dtc;
SELECT tz::date, CAST(tz AS date) FROM arr_dtc;
SELECT tz::time, CAST(tz AS time) FROM arr_dtc;
SELECT tz::timetz, CAST(tz AS timetz) FROM arr_dtc;
SELECT tz::timestamp, CAST(tz AS timestamp) FROM arr_dtc;
SELECT tz::interval, CAST(tz AS interval) FROM arr_dtc;
SELECT iv::date, CAST(iv AS date) FROM arr_dtc;
SELECT iv::time, CAST(iv AS time) FROM arr_dtc;
SELECT iv::timetz, CAST(iv AS timetz) FROM arr_dtc;
SELECT iv::timestamp, CAST(iv AS timestamp) FROM arr_dtc;
SELECT iv::timestamptz, CAST(iv AS timestamptz) FROM arr_dtc;
SELECT iv::time FROM (VALUES (interval '-1 hour'), (interval '25:00:00'), (interval '1 mon 2 days'), (interval '-49:30:00'), (NULL)) v(iv);
SELECT t::interval, tt::time, (ts + iv)::date, (d + 1)::timestamp FROM arr_dtc;
SELECT count(*) FROM arr_dtc WHERE ts::date = d AND iv::time = t - interval '1 hour';
-- positions
SELECT date '2024-01-02'::time;
SELECT date '2024-01-02'::timetz;
SELECT date '2024-01-02'::timestamp;
SELECT date '2024-01-02'::timestamptz;
SELECT date '2024-01-02'::interval;
SELECT time '03:04:05'::date;
SELECT time '03:04:05'::timetz;
SELECT time '03:04:05'::timestamp;
SELECT time '03:04:05'::timestamptz;
SELECT time '03:04:05'::interval;
SELECT '03:04:05+02'::timetz::date;
SELECT '03:04:05+02'::timetz::time;
SELECT '03:04:05+02'::timetz::timestamp;
SELECT '03:04:05+02'::timetz::timestamptz;
SELECT '03:04:05+02'::timetz::interval;
SELECT timestamp '2024-01-02 03:04:05'::date;
SELECT timestamp '2024-01-02 03:04:05'::time;
SELECT timestamp '2024-01-02 03:04:05'::timetz;
SELECT timestamp '2024-01-02 03:04:05'::timestamptz;
SELECT timestamp '2024-01-02 03:04:05'::interval;
SELECT '2024-01-02 03:04:05+00'::timestamptz::date;
SELECT '2024-01-02 03:04:05+00'::timestamptz::time;
SELECT '2024-01-02 03:04:05+00'::timestamptz::timetz;
SELECT '2024-01-02 03:04:05+00'::timestamptz::timestamp;
SELECT '2024-01-02 03:04:05+00'::timestamptz::interval;
SELECT interval '1 day 02:03:04'::date;
SELECT interval '1 day 02:03:04'::time;
SELECT interval '1 day 02:03:04'::timetz;
SELECT interval '1 day 02:03:04'::timestamp;
SELECT interval '1 day 02:03:04'::timestamptz;
SELECT CAST(timestamp '2024-01-02 03:04:05' AS timetz);
SELECT now()::interval;
DROP TABLE arr_dtc;
RESET TIME ZONE;
