-- a precision 0 of timestamp, timestamptz, time and timetz is described
-- to clients with typmod 0, as PostgreSQL does (not -1: no precision)
CREATE TABLE jsv_tz (id int, a timestamptz(0), b timestamp(0), c time(0), d timetz(0), e timestamptz(3), f timestamptz, g timestamp(0)[], h numeric(1,0), i varchar(1));
INSERT INTO jsv_tz VALUES (1, '2024-01-02 03:04:05.6+00', '2024-01-02 03:04:05.6', '03:04:05.6', '03:04:05.6+00', '2024-01-02 03:04:05.6789+00', '2024-01-02 03:04:05.6+00', '{"2024-01-02 03:04:05.6"}', 1, 'x');
SELECT a, b, c, d, e, f, g, h, i FROM jsv_tz;
SELECT * FROM jsv_tz WHERE id = 1;
SELECT a FROM jsv_tz UNION ALL SELECT a FROM jsv_tz;
SELECT now()::timestamptz(0) IS NOT NULL, '2024-01-02 03:04:05.6'::timestamp(0), '03:04:05.6'::time(0), CAST('03:04:05' AS time(0));
UPDATE jsv_tz SET b = b RETURNING a, b, c;
DROP TABLE jsv_tz;
