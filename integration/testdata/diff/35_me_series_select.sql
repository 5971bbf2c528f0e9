-- generate_series in a select list with arguments that read the row's
-- columns (SELECT id, generate_series(1, n) FROM t) was refused with
-- 0A000; PostgreSQL repeats each row once per value of its own series.
CREATE TABLE me_ss (id int PRIMARY KEY, n int, b bigint, amt numeric(6,2), ts timestamp, tz timestamptz, tags text[], value int);
INSERT INTO me_ss VALUES (1, 3, 5000000000, 1.50, '2024-01-01 00:00', '2024-01-01 00:00+00', '{a,b}', 2), (2, 0, 5000000001, 0.25, '2024-02-28 22:00', '2024-03-31 00:30+00', '{c}', 1), (3, NULL, NULL, NULL, NULL, NULL, NULL, 4), (4, -2, 1, 2.00, '2024-12-31 23:00', '2024-10-27 00:00+00', '{}', 3);
SELECT id, generate_series(1, n) FROM me_ss ORDER BY 1, 2;
SELECT id, generate_series(1, n) AS g FROM me_ss WHERE id < 3 ORDER BY id, g DESC;
SELECT id, generate_series(n, 1, -1) AS g FROM me_ss ORDER BY id, g;
SELECT id, generate_series(b, b + 1) AS g FROM me_ss ORDER BY id, g;
SELECT id, generate_series(0, amt, 0.5) AS g FROM me_ss ORDER BY id, g;
SELECT id, generate_series(ts, ts + interval '2 hours', interval '1 hour') AS g FROM me_ss ORDER BY id, g;
SELECT id, generate_series(1, n), unnest(tags) FROM me_ss ORDER BY 1, 2, 3;
SELECT id, generate_series(1, value) AS g, key FROM (SELECT id, value, 'k' || id AS key FROM me_ss) s ORDER BY 1, 2;
SELECT id, generate_series(1, n) * 10 AS g FROM me_ss ORDER BY 1, 2;
SELECT id, value, generate_series(value, 3) AS g FROM me_ss ORDER BY id, g LIMIT 4;
SELECT id, generate_series(1, 3, n) AS g FROM me_ss WHERE id = 2;
CREATE TABLE me_ss2 (id int, g int);
INSERT INTO me_ss2 SELECT id, generate_series(1, n) FROM me_ss;
SELECT * FROM me_ss2 ORDER BY id, g;
DROP TABLE me_ss2;
DROP TABLE me_ss;
