-- ARRAY[...] over columns of different types: integer beside text is
-- 42804 (it answered an array of both), an unknown literal is read by the
-- common type (22P02); date, timestamp and timestamptz elements are
-- converted to their common type, the widest (ARRAY[d, ts] is
-- timestamp[] with the date at midnight; it kept each value as stored),
-- in the value and the described type.
CREATE TABLE kn_at (id int PRIMARY KEY, a int, b text, n numeric, d date, ts timestamp, tz timestamptz);
INSERT INTO kn_at VALUES (1, 1, 'x', 1.50, '2024-01-02', '2024-01-03 04:05:06', '2024-01-03 04:05:06+00'), (2, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT ARRAY[a, b] FROM kn_at;
SELECT ARRAY[b, a] FROM kn_at WHERE false;
SELECT ARRAY[a, 'x'] FROM kn_at;
SELECT id, ARRAY[a, '7'] FROM kn_at ORDER BY id;
SELECT ARRAY[1, true];
SELECT ARRAY[1, 'a'::text];
SELECT ARRAY[d, 1] FROM kn_at;
SELECT id, ARRAY[a, n] FROM kn_at ORDER BY id;
SELECT id, ARRAY[d, ts] FROM kn_at ORDER BY id;
SELECT id, ARRAY[ts, d] FROM kn_at ORDER BY id;
SELECT id, ARRAY[d, ts, NULL] FROM kn_at ORDER BY id;
SELECT id, ARRAY[NULL, d, tz] FROM kn_at ORDER BY id;
SELECT id, ARRAY[ts, tz] FROM kn_at ORDER BY id;
SELECT id, ARRAY[tz, ts, d] FROM kn_at ORDER BY id;
SELECT id, ARRAY[d, '2024-05-05 10:00'] FROM kn_at ORDER BY id;
SELECT id, ARRAY[ts, '2024-05-05'] FROM kn_at ORDER BY id;
SELECT id, ARRAY[d, d] FROM kn_at ORDER BY id;
SELECT id, ARRAY[d, ts]::text FROM kn_at ORDER BY id;
SELECT id, (ARRAY[d, ts])[1] FROM kn_at ORDER BY id;
SELECT x.id, ARRAY[x.d, y.ts] FROM kn_at x JOIN kn_at y ON y.id = x.id ORDER BY 1;
SET TimeZone = 'America/New_York';
-- differs: timestamptz[] elements print in UTC, not in the session's TimeZone (docs: arrays' date/time elements); the instants are PostgreSQL's
SELECT id, ARRAY[d, tz] FROM kn_at ORDER BY id;
-- differs: timestamptz[] elements print in UTC, not in the session's TimeZone (docs: arrays' date/time elements); the instants are PostgreSQL's
SELECT id, ARRAY[ts, tz] FROM kn_at ORDER BY id;
RESET TimeZone;
DROP TABLE kn_at;
