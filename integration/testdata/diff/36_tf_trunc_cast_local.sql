-- date_trunc of a timestamptz column cast to date, time or timestamp
-- takes the local date and time in the session zone, as PostgreSQL's
-- cast of the timestamptz does. date_trunc over a column is of a type
-- read at run time, and the cast took the fields of the stored UTC
-- text: in Europe/Berlin date_trunc('week', created_at)::date was the
-- Sunday before (pgdialect/datetime_zone.go tstzLocalWrap).
SET TIME ZONE 'Europe/Berlin';
CREATE TABLE tf_tc (id int, created_at timestamptz, ts timestamp, d date);
INSERT INTO tf_tc VALUES (1, '2024-03-30 23:30+01', '2024-03-31 02:30', '2024-03-31'), (2, '2024-03-31 12:00+02', '2024-03-31 03:30', '2024-04-01'), (3, '2024-04-07 08:00+02', '2024-04-01 00:00', NULL);
SELECT date_trunc('week', created_at)::date AS wk, count(*) FROM tf_tc GROUP BY 1 ORDER BY 1;
SELECT id, date_trunc('day', created_at)::date, date_trunc('month', created_at)::date, CAST(date_trunc('hour', created_at) AS timestamp), date_trunc('day', created_at)::time FROM tf_tc ORDER BY id;
SELECT id, date_trunc('week', ts)::date, date_trunc('day', d)::date, date_trunc('month', d)::timestamp FROM tf_tc ORDER BY id;
SELECT id FROM tf_tc WHERE date_trunc('week', created_at)::date = '2024-03-25' ORDER BY id;
SET TIME ZONE 'America/Los_Angeles';
SELECT id, date_trunc('day', created_at)::date, date_trunc('day', d)::date FROM tf_tc ORDER BY id;
DROP TABLE tf_tc;
