-- A date/time column compared with the values of a set or a row whose
-- items are columns of another date/time type, under a session TimeZone
-- other than UTC: ts = ANY (ARRAY[tz, ...]), ts IN (SELECT tz ...), ts <
-- ALL (SELECT tz ...), row comparisons (d, n) = (tz, n). PostgreSQL
-- promotes the lower type (session zone); the items' stored texts were
-- compared with the column's as they are. Each item is now taken into
-- the column's text domain when the declared types differ
-- (pgdialect/datetime_column_pair.go: dtSetColumn, dtRowPairs).
SET TimeZone = 'America/New_York';
CREATE TABLE dtmix_s (id int, d date, ts timestamp, tz timestamptz);
INSERT INTO dtmix_s VALUES (1, '2024-06-01', '2024-06-01 00:00', '2024-06-01 00:00'), (2, '2024-06-01', '2024-06-01 00:00:01', '2024-06-01 04:00+00'), (3, '2024-06-02', '2024-06-01 23:00', '2024-06-01 23:30'), (4, '2024-11-03', '2024-11-03 01:30', '2024-11-03 05:30+00'), (5, NULL, '2024-01-01', '2024-01-01');
CREATE TABLE dtmix_t (id int, tz timestamptz, d date, ts timestamp);
INSERT INTO dtmix_t VALUES (1, '2024-06-01 00:00', '2024-06-01', '2024-06-02 00:00'), (2, '2024-06-02 00:00', '2024-06-03', '2024-06-01 23:30'), (3, '2024-11-03 01:30-04', '2024-11-03', NULL);
SELECT id FROM dtmix_s WHERE ts = ANY (ARRAY[tz, tz]) ORDER BY id;
SELECT id FROM dtmix_s WHERE d = ANY (ARRAY[tz]) ORDER BY id;
SELECT id FROM dtmix_s WHERE ts < ANY (ARRAY[tz]) ORDER BY id;
SELECT id FROM dtmix_s WHERE d >= ALL (ARRAY[tz, ts]) ORDER BY id;
SELECT id FROM dtmix_s WHERE ts <> ALL (ARRAY[tz]) ORDER BY id;
SELECT id FROM dtmix_s WHERE ts IN (SELECT tz FROM dtmix_t) ORDER BY id;
SELECT id FROM dtmix_s WHERE d IN (SELECT tz FROM dtmix_t) ORDER BY id;
SELECT id FROM dtmix_s WHERE d NOT IN (SELECT tz FROM dtmix_t WHERE tz IS NOT NULL) ORDER BY id;
SELECT id FROM dtmix_s WHERE tz IN (SELECT ts FROM dtmix_t) ORDER BY id;
SELECT id FROM dtmix_s WHERE tz IN (SELECT d FROM dtmix_t) ORDER BY id;
SELECT id FROM dtmix_s WHERE ts = ANY (SELECT tz FROM dtmix_t) ORDER BY id;
SELECT id FROM dtmix_s WHERE d < ALL (SELECT tz FROM dtmix_t) ORDER BY id;
SELECT id FROM dtmix_s WHERE (d, id) = (tz, id) ORDER BY id;
SELECT id FROM dtmix_s WHERE (d, ts) < (tz, ts) ORDER BY id;
SELECT id FROM dtmix_s WHERE ROW(ts, id) <> ROW(tz, id) ORDER BY id;
SELECT id, (d, 1) = (tz, 1) FROM dtmix_s ORDER BY id;
SELECT id FROM dtmix_s WHERE (d, id) IN (SELECT tz, id FROM dtmix_s) ORDER BY id;
SELECT id FROM dtmix_s WHERE (ts, d) NOT IN (SELECT tz, d FROM dtmix_t WHERE tz IS NOT NULL) ORDER BY id;
DROP TABLE dtmix_s;
DROP TABLE dtmix_t;
