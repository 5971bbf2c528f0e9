-- A quoted literal compared with a date/time value whose type is read
-- at run time (date_trunc of a column, date/time arithmetic over
-- columns) is of that value's type in PostgreSQL. It was compared as
-- its spelling: date_trunc('day', ts) = '2024-10-27' never held
-- ('2024-10-27 00:00:00' against '2024-10-27'), a timestamptz's UTC
-- text was compared with a local time, d1 - d2 > '5' compared a number
-- with text. Now it goes through the type's input, pg_in_decl(literal,
-- the run-time type) (pgdialect/datetime_unknown.go castComparedLiteral,
-- datetime_columns.go columnDTCompare).
SET TIME ZONE 'Europe/Berlin';
CREATE TABLE tf_rl (id int, at timestamptz, ts timestamp, d date, d2 date, iv interval, q int, n numeric);
INSERT INTO tf_rl VALUES (1, '2024-10-27 00:30+02', '2024-10-27 00:00', '2024-10-27', '2024-10-20', '1 day', 3, 2.5), (2, '2024-10-27 02:30+01', '2024-10-27 13:45:10', '2024-10-28', '2024-10-27', '25 hours', 20, 10), (3, '2024-10-26 23:30+02', '2024-11-01 00:00', '2024-11-01', '2024-11-01', '-3 hours', 0, 0), (4, '2024-11-15 10:00+01', '2024-11-15 10:00', '2024-11-15', NULL, '2 mons', NULL, NULL);
SELECT id FROM tf_rl WHERE date_trunc('day', at) = '2024-10-27' ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('day', ts) = '2024-10-27' ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('day', d) = '2024-10-27' ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('month', at) = '2024-11-01' ORDER BY 1;
SELECT id FROM tf_rl WHERE '2024-11-01 00:00' = date_trunc('month', ts) ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('month', at) >= '2024-11-01' ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('hour', ts) <> '2024-10-27 13:00' ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('day', iv) = '1 day' ORDER BY 1;
SELECT id FROM tf_rl WHERE date_trunc('day', at) = 'garbage' ORDER BY 1;
SELECT date_trunc('month', at) AS m, count(*) FROM tf_rl GROUP BY 1 HAVING date_trunc('month', at) = '2024-10-01' ORDER BY 1;
SELECT id, date_trunc('day', at) = '2024-10-27', date_trunc('day', ts) < '2024-10-28' FROM tf_rl ORDER BY 1;
SELECT id FROM tf_rl WHERE at + iv > '2024-10-28' ORDER BY 1;
SELECT id FROM tf_rl WHERE ts + iv = '2024-10-28 00:00' ORDER BY 1;
SELECT id FROM tf_rl WHERE ts - iv < '2024-10-27' ORDER BY 1;
SELECT id FROM tf_rl WHERE d - d2 > '5' ORDER BY 1;
SELECT id FROM tf_rl WHERE d - d2 = '1' ORDER BY 1;
SELECT id FROM tf_rl WHERE d + q = '2024-10-30' ORDER BY 1;
SELECT id FROM tf_rl WHERE n + q > '10' ORDER BY 1;
SELECT id FROM tf_rl WHERE '25' < q + n ORDER BY 1;
SELECT id FROM tf_rl WHERE iv * q > '1 day' ORDER BY 1;
SELECT id FROM tf_rl WHERE d - d2 > 'x' ORDER BY 1;
DROP TABLE tf_rl;
