-- col [NOT] IN (values) where the values are of another date/time type
-- than the bare column: each value is compared as PostgreSQL compares
-- it with the column (pg_dt_as, as for =; pgdialect/datetime_zone.go
-- dateInColumn). The values' text was compared with the column's: ts IN
-- (a timestamptz) read UTC text against local time, tz IN (a date) the
-- date against UTC text, and no row matched.
SET TIME ZONE 'America/New_York';
CREATE TABLE tf_il (id int, d date, ts timestamp, tz timestamptz);
INSERT INTO tf_il VALUES (1, '2024-01-01', '2024-01-01 00:00', '2024-01-01 00:00-05'), (2, '2024-01-02', '2024-01-01 12:00', '2024-01-01 12:00-05'), (3, NULL, NULL, NULL);
SELECT id FROM tf_il WHERE ts IN ('2024-01-01 05:00+00'::timestamptz, '2024-01-05'::timestamptz) ORDER BY 1;
SELECT id FROM tf_il WHERE ts NOT IN ('2024-01-01 05:00+00'::timestamptz) ORDER BY 1;
SELECT id FROM tf_il WHERE d IN ('2024-01-01 00:00'::timestamptz, timestamp '2024-01-02 00:00') ORDER BY 1;
SELECT id FROM tf_il WHERE d IN ('2024-01-01 12:00'::timestamptz) ORDER BY 1;
SELECT id FROM tf_il WHERE tz IN ('2024-01-01'::date, '2024-01-01 12:00'::timestamp) ORDER BY 1;
SELECT id FROM tf_il WHERE tz NOT IN (date '2024-01-01', '2024-01-05') ORDER BY 1;
SELECT id, ts IN ('2024-01-01 17:00+00'::timestamptz), d NOT IN ('2024-01-02'::timestamp) FROM tf_il ORDER BY 1;
SELECT id FROM tf_il WHERE ts IN ('2024-01-01 00:00', '2024-01-01 12:00:00') ORDER BY 1;
DROP TABLE tf_il;
