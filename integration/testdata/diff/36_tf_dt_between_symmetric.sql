-- col BETWEEN SYMMETRIC a AND b with bounds of another date/time type
-- than the bare column: each bound enters the column's text domain
-- (pg_dt_as) before the bounds are copied into min/max, as for plain
-- BETWEEN (pgdialect/datetime_zone.go dateBetweenColumn). The
-- SYMMETRIC keyword stopped the bounds from being read, so they were
-- compared as stored texts.
SET TIME ZONE 'America/New_York';
CREATE TABLE tf_bsy (id int, ts timestamp, d date);
INSERT INTO tf_bsy VALUES (1, '2024-01-01 00:00', '2024-01-01'), (2, '2024-01-01 12:00', '2024-01-02'), (3, NULL, NULL);
SELECT id FROM tf_bsy WHERE ts BETWEEN SYMMETRIC '2024-01-01 18:00+00'::timestamptz AND '2024-01-01 04:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_bsy WHERE ts NOT BETWEEN SYMMETRIC '2024-01-01 18:00+00'::timestamptz AND '2024-01-01 06:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_bsy WHERE d NOT BETWEEN SYMMETRIC '2024-01-01 12:00'::timestamp AND '2023-01-01'::timestamptz ORDER BY 1;
SELECT id FROM tf_bsy WHERE d BETWEEN SYMMETRIC '2024-01-02'::timestamptz AND '2024-01-01 00:00'::timestamp ORDER BY 1;
SELECT id FROM tf_bsy WHERE ts BETWEEN ASYMMETRIC '2024-01-01 04:00+00'::timestamptz AND '2024-01-01 18:00+00'::timestamptz ORDER BY 1;
DROP TABLE tf_bsy;
