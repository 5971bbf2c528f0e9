-- Date arithmetic compared with a timestamptz: date - integer is a date,
-- which PostgreSQL promotes to the timestamptz of its midnight in the
-- session TimeZone. The arithmetic's type is read at run time, so the
-- date it made was compared as text with the timestamptz's UTC text
-- (tz = ANY (ARRAY[d2 - 1]), d + 0 = tz never true); once the statement
-- is compiled its type is read as a column's
-- (pgdialect/datetime_arith_compiled.go). ANY (ARRAY[d - 1]::date[])
-- nested its date conversion inside the cast's call (42883).
SET TIME ZONE 'America/New_York';
CREATE TABLE arrjson_dp (id int PRIMARY KEY, i int, d date, tz timestamptz, ts timestamp);
INSERT INTO arrjson_dp VALUES (1, 1, '2024-01-02', '2024-01-01 00:00:00-05', '2024-01-01 00:00'), (2, 1, '2024-01-02', '2024-01-01 00:00:00+00', '2024-01-01 12:00'), (3, 1, '2024-01-01', '2024-01-01 00:00:00-05', '2024-01-01 00:00'), (4, NULL, NULL, NULL, NULL);
SELECT id, tz = ANY (ARRAY[d - 1]), tz = ANY (ARRAY[d - 1, d]), d - 1 = ANY (ARRAY[tz]), d - 1 <> ALL (ARRAY[tz]) FROM arrjson_dp ORDER BY id;
SELECT id, d + 0 = tz, (d - 1) = tz, tz = d - 1, tz < d - 1, tz >= d + 0, d + i - 1 = tz FROM arrjson_dp ORDER BY id;
SELECT id, tz IN (d - 1), d - 1 IN (tz), d - 1 BETWEEN tz AND tz, tz IS DISTINCT FROM d - 1 FROM arrjson_dp ORDER BY id;
SELECT id, d - 1 IN (SELECT tz FROM arrjson_dp u WHERE u.id = 1), (d - 1) IN (SELECT tz FROM arrjson_dp u WHERE u.id = 1) FROM arrjson_dp ORDER BY id;
SELECT id, tz = ANY (ARRAY[d - 1]::date[]), d = ANY ('{2024-01-01}'::timestamp[]), d - 1 = ts, ts < d + 1 FROM arrjson_dp ORDER BY id;
SELECT id FROM arrjson_dp WHERE tz = ANY (ARRAY[d - 1]) OR d + 0 = tz ORDER BY id;
SET TIME ZONE 'UTC';
SELECT id, tz = ANY (ARRAY[d - 1]), d + 0 = tz, tz < d - 1 FROM arrjson_dp ORDER BY id;
DROP TABLE arrjson_dp;
RESET TimeZone;
