-- Dates, times, timestamps and intervals the way applications use them.
-- The connection's TimeZone is UTC unless a SET below changes it.
CREATE TABLE dt_ev (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, t time, iv interval);
INSERT INTO dt_ev VALUES
 (1, '2024-01-31', '2024-01-31 10:15:30', '2024-01-31 10:15:30+00', '10:15:30', '1 day'),
 (2, '2024-02-29', '2024-02-29 23:59:59.999999', '2024-02-29 23:59:59+02', '23:59:59.999999', '1 mon 2 days'),
 (3, '2023-03-12', '2023-03-12 02:30:00', '2023-03-12 07:30:00+00', '00:00:00', '-3 hours'),
 (4, '1999-12-31', '1999-12-31 00:00:00', '1999-12-31 00:00:00-05', '12:00', '1 year 2 mons'),
 (5, NULL, NULL, NULL, NULL, NULL),
 (6, 'infinity', 'infinity', '-infinity', '01:02:03.5', '90 minutes');
SELECT * FROM dt_ev ORDER BY id;
SELECT id, d + 1, d - 1 FROM dt_ev WHERE id <= 4 ORDER BY id;
SELECT id, d - date '2024-01-01' FROM dt_ev WHERE id <= 4 ORDER BY id;
SELECT id, d + interval '1 month' FROM dt_ev WHERE id <= 4 ORDER BY id;
-- differs: timestamp column + interval column is refused (22P02): column-by-column date/time arithmetic
SELECT id, ts + iv, ts - iv FROM dt_ev WHERE id <= 4 ORDER BY id;
SELECT id, tz + interval '1 day' FROM dt_ev ORDER BY id;
SELECT id FROM dt_ev WHERE d > '2020-01-01' ORDER BY id;
SELECT id FROM dt_ev WHERE ts >= date '2024-01-01' ORDER BY id;
SELECT id FROM dt_ev WHERE tz < timestamptz '2024-01-01 00:00:00+00' ORDER BY id;
SELECT id, d FROM dt_ev ORDER BY d NULLS FIRST, id;
SELECT id, ts FROM dt_ev ORDER BY ts DESC, id;
SELECT id, t FROM dt_ev ORDER BY t, id;
SELECT min(d), max(d), min(ts), max(tz) FROM dt_ev;
SELECT count(*) FROM dt_ev WHERE d BETWEEN '2000-01-01' AND '2024-12-31';
SELECT date '2024-01-31' + 1, date '2024-03-01' - date '2024-02-01', date '2023-03-01' - date '2023-02-01';
SELECT date '2024-01-31' + interval '1 month', date '2023-01-31' + interval '1 month', date '2024-02-29' + interval '1 year';
SELECT timestamp '2024-03-31 12:00' - interval '1 month', timestamp '2024-05-31' + interval '1 month' * 3;
SELECT date '2024-02-29' - interval '1 year', date '2024-12-31' + 1;
SELECT timestamp '2024-01-01 00:00' - timestamp '2023-12-25 12:30', timestamp '2024-03-01' - timestamp '2024-02-01';
SELECT timestamptz '2024-01-01 00:00+00' - timestamptz '2023-01-01 00:00+00';
-- differs-type: time +/- interval and time - time are described as text
SELECT time '10:00' + interval '3 hours', time '23:00' + interval '2 hours', time '10:00' - time '08:30';
-- differs-type: date + time is described as text
SELECT date '2024-06-15' + time '08:30';
SELECT interval '1 day' * 2.5, interval '1 month' / 3, interval '3 hours' * 0.5, interval '1 year' / 7;
SELECT interval '1 day' + interval '25 hours', interval '2 hours' - interval '3 hours', -interval '1 day 2 hours';
SELECT justify_days(interval '35 days'), justify_hours(interval '27 hours'), justify_interval(interval '1 mon -1 hour');
SELECT justify_interval(interval '-1 mon 35 days 30 hours');
SELECT interval '1 year 2 months 3 days 04:05:06.789';
SELECT interval 'P1Y2M3DT4H5M6S', interval '1.5 hours', interval '-1 day +2 hours', interval '100 seconds';
SELECT interval '1 day' = interval '24 hours', interval '1 mon' = interval '30 days', interval '1 day' > interval '23 hours';
SELECT date_trunc('month', timestamp '2024-02-29 13:14:15'), date_trunc('year', timestamp '2024-02-29 13:14:15'), date_trunc('hour', timestamp '2024-02-29 13:14:15.5');
SELECT date_trunc('week', timestamp '2024-03-03 10:00'), date_trunc('quarter', timestamp '2024-08-15'), date_trunc('day', timestamptz '2024-06-15 23:30+00');
SELECT date_trunc('month', date '2024-05-17');
SELECT date_trunc('minute', interval '1 day 03:04:05.6'), date_trunc('day', interval '40 days 5 hours');
SELECT extract(year FROM date '2024-02-29'), extract(month FROM timestamp '2024-02-29 10:00'), extract(day FROM date '2024-02-29');
SELECT extract(dow FROM date '2024-06-16'), extract(isodow FROM date '2024-06-16'), extract(doy FROM date '2024-12-31'), extract(week FROM date '2024-12-30');
SELECT extract(epoch FROM timestamp '2024-01-01 00:00:00'), extract(epoch FROM timestamptz '1970-01-02 00:00+00'), extract(epoch FROM interval '1 day 1 second');
SELECT extract(hour FROM time '13:45:10.25'), extract(second FROM time '13:45:10.25'), extract(microseconds FROM time '13:45:10.25');
SELECT extract(quarter FROM date '2024-08-01'), extract(century FROM date '2000-01-01'), extract(millennium FROM date '2001-01-01'), extract(decade FROM date '1999-12-31');
SELECT extract(days FROM interval '40 days 3 hours'), extract(hours FROM interval '40 days 27 hours'), extract(month FROM interval '14 months');
SELECT date_part('year', date '2024-02-29'), date_part('epoch', timestamp '2000-01-01'), date_part('dow', timestamp '2024-06-15 12:00');
SELECT extract(isoyear FROM date '2021-01-01'), extract(julian FROM date '2024-01-01');
SELECT age(timestamp '2024-03-31', timestamp '2024-02-29'), age(timestamp '2024-01-01', timestamp '1990-06-15 12:00'), age(date '2024-02-29', date '2023-03-01');
SELECT age(timestamp '2020-01-01', timestamp '2024-05-10');
SELECT to_char(timestamp '2024-03-05 14:07:09.123456', 'YYYY-MM-DD HH24:MI:SS.US'), to_char(timestamp '2024-03-05 14:07:09', 'DD/MM/YYYY HH12:MI AM');
SELECT to_char(date '2024-03-05', 'Day, DD Month YYYY'), to_char(date '2024-03-05', 'FMDay FMDD FMMonth'), to_char(date '2024-03-05', 'Dy Mon YY');
SELECT to_char(date '2024-12-30', 'IYYY-IW'), to_char(date '2024-03-05', 'Q DDD D WW'), to_char(timestamp '2024-03-05 00:00', 'HH HH12 PM');
SELECT to_char(interval '25 hours 3 minutes', 'HH24:MI:SS'), to_char(timestamptz '2024-03-05 14:07:09+00', 'YYYY-MM-DD HH24:MI:SS TZ');
SELECT to_date('05 Mar 2024', 'DD Mon YYYY'), to_date('2024-03-05', 'YYYY-MM-DD'), to_date('20240229', 'YYYYMMDD');
SELECT to_timestamp('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp(1700000000), to_timestamp(0.5);
SELECT to_date('2023-02-29', 'YYYY-MM-DD');
SELECT make_date(2024, 2, 29), make_time(23, 59, 59.5), make_timestamp(2024, 1, 31, 10, 15, 30.25);
-- differs: make_interval with named arguments (=>) is a syntax error
SELECT make_interval(years => 1, months => 2, days => 3, hours => 4, mins => 5, secs => 6.5), make_interval(days => 10);
SELECT make_timestamptz(2024, 7, 1, 12, 0, 0, 'Europe/Berlin');
SELECT make_date(2023, 2, 29);
SELECT make_date(-44, 3, 15);
SELECT ts FROM generate_series(timestamp '2024-01-29', timestamp '2024-02-02', interval '1 day') AS g(ts);
SELECT ts FROM generate_series(timestamp '2024-01-31', timestamp '2024-06-30', interval '1 month') AS g(ts);
SELECT count(*) FROM generate_series(timestamptz '2024-01-01 00:00+00', timestamptz '2024-01-02 00:00+00', interval '1 hour');
SELECT d::date FROM generate_series(date '2024-02-27', date '2024-03-02', interval '1 day') AS g(d);
SELECT timestamp '2024-07-01 12:00' AT TIME ZONE 'America/New_York', timestamptz '2024-07-01 12:00+00' AT TIME ZONE 'America/New_York';
SELECT timestamptz '2024-01-15 12:00+00' AT TIME ZONE 'Europe/Berlin', timestamp '2024-01-15 12:00' AT TIME ZONE 'UTC';
SELECT timestamptz '2024-03-10 06:59:59+00' AT TIME ZONE 'America/New_York', timestamptz '2024-03-10 07:00:00+00' AT TIME ZONE 'America/New_York';
SELECT timestamp '2024-03-10 02:30' AT TIME ZONE 'America/New_York', timestamp '2024-11-03 01:30' AT TIME ZONE 'America/New_York';
SELECT timestamp '2024-03-31 02:30' AT TIME ZONE 'Europe/Berlin', timestamp '2024-10-27 02:30' AT TIME ZONE 'Europe/Berlin';
SELECT timestamptz '2024-06-01 12:00:00+05:30', timestamptz '2024-06-01 12:00:00 America/New_York';
SET TimeZone = 'America/New_York';
SELECT timestamptz '2024-03-10 01:59:59', timestamptz '2024-03-10 03:00:00', timestamptz '2024-11-03 01:30:00';
SELECT timestamptz '2024-03-09 12:00' + interval '1 day', timestamptz '2024-03-09 12:00' + interval '24 hours';
SELECT timestamptz '2024-11-02 12:00' + interval '1 day', timestamptz '2024-11-03 00:00' + interval '3 hours';
SELECT date_trunc('day', timestamptz '2024-03-10 15:00'), extract(hour FROM timestamptz '2024-07-01 12:00+00');
SELECT id, tz FROM dt_ev ORDER BY id;
SELECT timestamptz '2024-07-01 12:00+00'::date, timestamptz '2024-07-01 02:00+00'::date, timestamptz '2024-07-01 02:00+00'::timestamp;
SELECT timestamp '2024-07-01 12:00'::timestamptz, date '2024-07-01'::timestamptz;
SELECT to_char(timestamptz '2024-07-01 12:00+00', 'YYYY-MM-DD HH24:MI TZ');
SET TimeZone = 'Europe/Berlin';
SELECT timestamptz '2024-03-31 01:30', timestamptz '2024-03-31 03:30', timestamptz '2024-10-27 02:30';
SELECT timestamptz '2024-03-30 12:00' + interval '1 day', timestamptz '2024-10-26 12:00' + interval '1 day';
SELECT now() = current_timestamp, current_date = now()::date;
RESET TimeZone;
SELECT timestamptz '2024-03-31 01:30';
SELECT date 'infinity' > date '2024-01-01', date '-infinity' < date '0001-01-01', timestamp 'infinity' + interval '1 day';
-- differs: isfinite() is missing
SELECT isfinite(date 'infinity'), isfinite(date '2024-01-01'), isfinite(timestamp '-infinity'), isfinite(interval '1 day');
SELECT date 'infinity' - date '2024-01-01';
SELECT date '0001-01-01' - 1, date '0044-03-15 BC', timestamp '0001-12-31 23:00 BC' + interval '2 hours';
SELECT extract(year FROM date '0044-03-15 BC'), to_char(date '0044-03-15 BC', 'YYYY-MM-DD BC');
SELECT date '2023-02-29';
SELECT date '2024-02-29', date '2000-02-29', date '1900-02-28' + 1;
SELECT timestamp '2024-13-01 00:00';
SELECT time '24:00:00', time '00:00:00.000001';
SELECT time '24:00:01';
SELECT interval 'one day';
SELECT date '2024-01-01' + 2147483647;
-- differs: date input in DD-Mon-YYYY form ('31-Jan-2024') is refused
SELECT '2024-01-31'::date, 'January 31, 2024'::date, '31-Jan-2024'::date, '2024/1/31'::date, '20240131'::date;
SELECT '2024-01-31 10:15:30.1234567'::timestamp, '2024-01-31T10:15:30Z'::timestamptz, 'epoch'::timestamp, 'allballs'::time;
SELECT '10:15:30.1234567'::time, '10:15 PM'::time, '2024-01-31 10:15:30'::timestamp(0), '10:15:30.555'::time(1);
SELECT cast(timestamp '2024-01-31 10:15:30.75' AS date), cast(timestamp '2024-01-31 10:15:30.75' AS time), cast(date '2024-01-31' AS timestamp);
SELECT cast(interval '1 day 02:00' AS text), cast('1 day 02:00' AS interval), cast(time '10:00' AS interval);
SELECT date '2024-01-31'::text, timestamp '2024-01-31 10:15:30'::text, length(date '2024-01-31'::text);
-- differs: OVERLAPS is not supported
SELECT overlaps_ok FROM (SELECT (date '2024-01-01', date '2024-01-10') OVERLAPS (date '2024-01-05', date '2024-01-20') AS overlaps_ok) s;
SELECT id, d FROM dt_ev WHERE d = '2024-02-29';
SELECT id FROM dt_ev WHERE ts::date = date '2024-02-29';
-- differs: isfinite() is missing
SELECT date_trunc('month', d) AS m, count(*) FROM dt_ev WHERE d IS NOT NULL AND isfinite(d) GROUP BY 1 ORDER BY 1;
-- differs: isfinite() is missing
SELECT extract(year FROM d) AS y, count(*) FROM dt_ev WHERE d IS NOT NULL AND isfinite(d) GROUP BY 1 ORDER BY 1;
SELECT id, iv FROM dt_ev WHERE iv IS NOT NULL ORDER BY id;
-- differs: sum/avg/min/max over an interval column are refused (22P02); interval ordering is branch json11
SELECT sum(iv), avg(iv), max(iv), min(iv) FROM dt_ev;
UPDATE dt_ev SET d = d + 7, ts = ts + interval '1 hour' WHERE id = 1;
SELECT d, ts FROM dt_ev WHERE id = 1;
INSERT INTO dt_ev (id, d) VALUES (7, 'not a date');
INSERT INTO dt_ev (id, ts) VALUES (8, '2024-02-30 00:00');
INSERT INTO dt_ev (id, t, iv) VALUES (9, '25:00', '1 fortnight');
INSERT INTO dt_ev (id, d, ts) VALUES (10, '2024-01-31 23:59', '2024-01-31') RETURNING d, ts;
SELECT current_date - current_date, pg_typeof(current_date - current_date), pg_typeof(date '2024-01-01' + interval '1 day');
SELECT pg_typeof(timestamp '2024-01-01' - timestamp '2023-01-01'), pg_typeof(date '2024-01-01' + 1), pg_typeof(now());
