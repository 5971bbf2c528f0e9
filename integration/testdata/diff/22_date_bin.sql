-- date_bin(stride, source, origin) over literals and columns, in reads and
-- writes; timestamptz binned in absolute time; NULLs, infinities, errors.
-- Then array_append/array_remove/array_replace over ARRAY[...] literals
-- (described as the array type).
CREATE TABLE db_t (id int PRIMARY KEY, ts timestamp, tz timestamptz, d date, iv interval);
INSERT INTO db_t VALUES
 (1, '2024-01-01 10:07:31.5', '2024-01-01 10:07:31.5+00', '2024-01-02', '15 minutes'),
 (2, '1999-12-31 23:59:59.999999', '2024-03-10 06:59:00-05', '1999-12-31', '1 day 2 hours'),
 (3, '2000-01-01 00:00', '2000-01-01 00:00+00', '2000-01-01', '1 microsecond'),
 (4, 'infinity', '-infinity', 'infinity', '7 days'),
 (5, NULL, NULL, NULL, NULL);
SELECT date_bin('15 minutes', timestamp '2024-01-01 10:07:31', timestamp '2001-01-01');
SELECT date_bin('15 minutes', timestamptz '2024-01-01 10:07:31+00', timestamptz '2001-01-01 00:00+00');
SELECT date_bin('15 minutes', '2024-01-01 10:07', '2001-01-01');
SELECT date_bin(interval '1 day 2 hours', timestamp '1999-01-01 01:00', timestamp '2001-01-01 00:00:00.5');
SELECT date_bin('1 hour', timestamp '2000-01-01 00:00', timestamp '2000-01-01 01:00');
SELECT date_bin('1 hour', timestamp '2000-01-01 00:30', timestamp '2000-01-01 01:00');
SELECT date_bin('5 seconds', timestamp '1900-06-01 12:00:03', timestamp '2100-01-01 00:00:01');
SELECT date_bin('1 microsecond', timestamp '2024-05-05 05:05:05.123456', timestamp '1970-01-01');
SELECT date_bin('1 day', date '2024-01-01', timestamp '2001-01-01 06:00');
SELECT date_bin('1 day', timestamp '2024-01-01 03:00', date '2001-01-01');
SELECT date_bin('1 day', timestamp '2024-01-01 03:00', timestamptz '2001-01-01 06:00+00');
SELECT date_bin('10 days', timestamp '0044-03-15 BC 12:00', timestamp '2001-01-01');
SELECT date_bin('100000 days', timestamp '294276-12-31', timestamp '294270-01-01');
SELECT date_bin('1 day', NULL, timestamp '2000-01-01'), date_bin(NULL, timestamp '2000-01-01', timestamp '2000-01-01'), date_bin('1 day', timestamp '2000-01-01', NULL);
SELECT date_bin('1 day', timestamp 'infinity', timestamp '2000-01-01'), date_bin('1 day', timestamptz '-infinity', timestamptz '2000-01-01');
SELECT date_bin('1 month', timestamp '2024-01-01', timestamp '2001-01-01');
SELECT date_bin('1 year 1 day', timestamptz '2024-01-01', timestamptz '2001-01-01');
SELECT date_bin('0', timestamp '2024-01-01', timestamp '2001-01-01');
SELECT date_bin('-1 second', timestamp '2024-01-01', timestamp '2001-01-01');
SELECT date_bin('1 day -24 hours', timestamp '2024-01-01', timestamp '2001-01-01');
SELECT date_bin('1 day', timestamp '2020-01-01', timestamp 'infinity');
SELECT date_bin('106751992 days', timestamp '2000-01-01', timestamp '2000-01-01');
SELECT date_bin('1 microsecond', timestamp '294276-12-31 23:59:59', timestamp '4713-01-01 BC');
SELECT date_bin('7 days', timestamp '4714-11-24 BC 00:00', timestamp '2000-01-01');
SELECT date_bin('1 day', timestamp 'garbage', timestamp '2000-01-01');
SELECT date_bin('garbage', timestamp '2000-01-01', timestamp '2000-01-01');
SELECT id, date_bin('15 minutes', ts, timestamp '2000-01-01'), date_bin('15 minutes', tz, timestamptz '2000-01-01 00:00+00') FROM db_t ORDER BY id;
SELECT id, date_bin(iv, ts, timestamp '2000-01-01 00:00:00.25') FROM db_t ORDER BY id;
SELECT id, date_bin('1 day', d, timestamp '2000-01-01 12:00') FROM db_t WHERE id < 4 ORDER BY id;
SELECT id, date_bin('1 hour', ts, tz) FROM db_t WHERE id < 4 ORDER BY id;
SELECT date_bin('1 hour', ts, timestamp '2000-01-01') AS bin, count(*) FROM db_t WHERE id < 4 GROUP BY 1 ORDER BY 1;
SELECT id FROM db_t WHERE date_bin('1 day', ts, timestamp '2000-01-01') = timestamp '2024-01-01' ORDER BY id;
SELECT max(date_bin('1 day', tz, timestamptz '2000-01-01 00:00+00')) FROM db_t;
SELECT id, date_bin('1 day', ts, timestamp '2000-01-01') + interval '1 hour' FROM db_t WHERE id < 4 ORDER BY id;
UPDATE db_t SET ts = date_bin('1 hour', ts, timestamp '2000-01-01'), tz = date_bin('1 hour', tz, timestamptz '2000-01-01 00:30+00') WHERE id < 4 RETURNING id, ts, tz, date_bin('1 day', ts, timestamp '2000-01-01');
INSERT INTO db_t (id, ts, tz) VALUES (6, date_bin('1 day', timestamp '2024-06-06 18:00', timestamp '2000-01-01'), date_bin('1 day', timestamptz '2024-06-06 18:00+00', timestamptz '2000-01-01 00:00+00')) RETURNING *;
SELECT id, ts, tz FROM db_t ORDER BY id;
UPDATE db_t SET iv = '1 mon' WHERE id = 1;
SELECT date_bin(iv, ts, timestamp '2000-01-01') FROM db_t WHERE id = 1;
SET TimeZone = 'America/New_York';
SELECT date_bin('1 day', timestamptz '2024-03-10 12:00', timestamptz '2001-01-01');
SELECT date_bin('1 day', timestamptz '2024-03-11 12:00', timestamptz '2001-01-01');
SELECT date_bin('1 day', timestamp '2024-03-11 12:00', timestamptz '2001-01-01');
SELECT date_bin('1 day', date '2024-03-11', timestamptz '2001-01-01 00:00+00');
SELECT id, date_bin('1 day', tz, timestamptz '2000-01-01') FROM db_t WHERE id < 4 ORDER BY id;
SELECT id, date_bin('6 hours', tz, timestamptz '2000-01-01 00:00+00') FROM db_t ORDER BY id;
RESET TimeZone;
SELECT array_append(ARRAY[1, 2], 3), array_remove(ARRAY[1, 2, 1], 1), array_replace(ARRAY[1, 2, 1], 1, 9);
SELECT array_append(ARRAY['a', 'b'], 'c'), array_remove(ARRAY['a', 'b'], 'a'), array_replace(ARRAY['a', NULL], NULL, 'z');
SELECT array_append(ARRAY[1.5, 2], 3), array_remove(ARRAY[true, false], true);
SELECT id, date_bin('1 hour', ts, '2000-01-01 00:30+05'), date_bin('1 hour', '2024-01-01 10:45+05', ts) FROM db_t WHERE id < 4 ORDER BY id;
SELECT id, date_bin('1 hour', tz, '2000-01-01 00:30+05'), date_bin('1 hour', d, '2000-01-01 00:30') FROM db_t WHERE id < 4 ORDER BY id;
SELECT date_bin('1 day', 'abc', timestamp '2000-01-01');
SELECT date_bin('1 day', 5, timestamp '2000-01-01');
SELECT date_bin('1 day', timestamp '2000-01-01');
SELECT date_bin(interval '1 day', id, ts) FROM db_t WHERE id = 1;
