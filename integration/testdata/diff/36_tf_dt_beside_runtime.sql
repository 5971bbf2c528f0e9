-- A bare date/time column compared with a value whose date/time type is
-- read at run time (tz_col + interval '1 day', date_trunc('day',
-- tz_col)): the value enters the column's text domain with that
-- run-time type (pg_dt_as(value, <type>, <column type>),
-- pgdialect/datetime_zone.go dateBesideColumn). A date column was
-- compared as text with the sum's UTC text: ship_date < placed_at +
-- interval '1 day' held for rows PostgreSQL excludes.
SET TIME ZONE 'America/Chicago';
CREATE TABLE tf_br (id int, placed_at timestamptz, ship_date date, ts timestamp);
INSERT INTO tf_br VALUES (1, '2024-03-09 22:00', '2024-03-11', '2024-03-10 01:00'), (2, '2024-03-10 01:30', NULL, '2024-03-10 03:30'), (3, '2024-03-10 03:30', '2024-03-10', '2024-03-11 00:00'), (4, '2024-11-03 01:30', '2024-11-04', '2024-11-03 23:00'), (5, '2024-12-31 23:59:59', '2025-01-02', '2025-01-01 00:00');
SELECT id FROM tf_br WHERE ship_date < placed_at + interval '1 day' ORDER BY id;
SELECT id FROM tf_br WHERE ship_date >= placed_at + interval '1 day' ORDER BY id;
SELECT id FROM tf_br WHERE placed_at - interval '2 hours' < ship_date ORDER BY id;
SELECT id FROM tf_br WHERE ship_date = date_trunc('day', placed_at) ORDER BY id;
SELECT id FROM tf_br WHERE ship_date > date_trunc('day', placed_at) ORDER BY id;
SELECT id FROM tf_br WHERE ts < placed_at + interval '3 hours' ORDER BY id;
SELECT id FROM tf_br WHERE ts >= date_trunc('hour', placed_at) ORDER BY id;
SELECT id, ship_date < placed_at + interval '1 day', ts = date_trunc('day', placed_at) + interval '1 day' FROM tf_br ORDER BY id;
DROP TABLE tf_br;
