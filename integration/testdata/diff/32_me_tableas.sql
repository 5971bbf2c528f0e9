-- CREATE TABLE ... AS and SELECT ... INTO make their columns of the
-- query's result types (sqlexec/tableas.go): SQLite's own CREATE TABLE
-- AS declared them by affinity, so 1.500 of a numeric(10,3) column was
-- stored 1.5, and later rows were neither checked nor rounded ('abcdef'
-- into a varchar(5) copy, 2.2555 into numeric(10,3)). Column lists, WITH
-- NO DATA and SELECT ... INTO were syntax errors.
CREATE TYPE me_ta_mood AS ENUM ('happy', 'sad');
CREATE TABLE me_ta_src (id serial PRIMARY KEY, n numeric(10,3), v varchar(5), ts timestamptz, d date, b boolean, j jsonb, c char(3), iv interval, f real, arr int[], m me_ta_mood, vc varchar(3)[], t3 timestamp(3), bt bit(3), mo money, big bigserial, js json);
INSERT INTO me_ta_src (n, v, ts, d, b, j, c, iv, f, arr, m, vc, t3, bt, mo, js) VALUES (1.500, 'ab', '2024-01-01 10:00+00', '2024-02-03', true, '{"b":1,"a":2}', 'x', '1 day', 1.5, '{1,2}', 'happy', '{ab}', '2024-01-01 10:00:00.1234', '101', 1, '{"b":1, "a":2}');
CREATE TABLE me_ta1 AS SELECT * FROM me_ta_src;
SELECT attname, format_type(atttypid, atttypmod), attnotnull FROM pg_attribute WHERE attrelid = 'me_ta1'::regclass AND attnum > 0 ORDER BY attnum;
SELECT id, n, v, ts, d, b, j, c, iv, f, arr, m::text, vc, t3, bt, mo, big, js FROM me_ta1;
SELECT n, n * 2, n / 3 FROM me_ta1;
INSERT INTO me_ta1 (id, n, v) VALUES (2, 2.25, 'abcdef');
INSERT INTO me_ta1 (id, n, v) VALUES (3, 2.2555, 'abc');
INSERT INTO me_ta1 (id, n) VALUES (4, 'abc');
INSERT INTO me_ta1 (id, m) VALUES (5, 'angry');
INSERT INTO me_ta1 (id, d) VALUES (6, 'garbage');
SELECT id, n, v FROM me_ta1 ORDER BY id;
-- expressions: numeric without a modifier, literals text, aggregates
CREATE TABLE me_ta2 AS SELECT id, n + 1 AS n1, sum(n) OVER () s, 'lit' l, 1.50 x, NULL AS z, count(*) OVER () cnt, 10 / 3 dv, ts + interval '1 day' AS t2, v || 'z' AS vz FROM me_ta_src;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'me_ta2'::regclass AND attnum > 0 ORDER BY attnum;
SELECT * FROM me_ta2;
-- column lists, WITH [NO] DATA, TABLE, VALUES, set operations
CREATE TABLE me_ta3 (a, b) AS SELECT id, n FROM me_ta_src;
SELECT * FROM me_ta3;
CREATE TABLE me_ta4 (a, b, c) AS SELECT 1, 2;
CREATE TABLE me_ta4 (a) AS SELECT 1, 2;
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'me_ta4'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE me_ta5 AS SELECT * FROM me_ta_src WITH NO DATA;
SELECT count(*) FROM me_ta5;
CREATE TABLE me_ta6 AS SELECT 1 AS x WITH DATA;
CREATE TABLE me_ta7 AS TABLE me_ta6;
CREATE TABLE me_ta8 AS VALUES (1, 'a'), (2, 'b');
SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'me_ta8'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE me_ta9 AS SELECT 1 AS x UNION SELECT 2 ORDER BY 1;
SELECT * FROM me_ta9;
CREATE TABLE me_ta10 AS WITH w AS (SELECT 1 AS k) SELECT * FROM w;
CREATE TABLE me_ta11 AS (SELECT 1 AS x);
CREATE TABLE me_ta12 (x) WITH (fillfactor=70) AS SELECT 1;
-- errors
CREATE TABLE me_ta13 AS SELECT 1 a, 2 a;
CREATE TABLE me_ta13 AS SELECT 1, 2;
CREATE TABLE me_ta13 AS SELECT 1 x INTO me_ta14;
CREATE TABLE me_ta13 AS SELECT nope FROM me_ta_src;
CREATE TABLE me_ta1 AS SELECT 1;
CREATE TABLE IF NOT EXISTS me_ta1 AS SELECT 1;
CREATE SEQUENCE me_ta_seq;
CREATE TABLE IF NOT EXISTS me_ta_seq AS SELECT 1;
-- SELECT ... INTO
SELECT id, n INTO me_ta15 FROM me_ta_src;
SELECT * FROM me_ta15;
SELECT * INTO TABLE me_ta16 FROM me_ta9 WHERE x > 1;
SELECT * FROM me_ta16;
SELECT 1 AS k INTO me_ta17 UNION SELECT 2;
SELECT count(*) FROM me_ta17;
SELECT 1 UNION SELECT 2 INTO me_ta18;
SELECT x INTO me_ta19 FROM me_ta9 ORDER BY x LIMIT 1;
SELECT * FROM me_ta19;
-- inside a transaction: the table and its rows, typed, then rolled back
BEGIN;
CREATE TABLE me_ta20 AS SELECT id, m, n FROM me_ta_src;
INSERT INTO me_ta20 VALUES (2, 'sad', 0.0005);
SELECT id, m::text, n FROM me_ta20 ORDER BY id;
SELECT * INTO me_ta21 FROM me_ta20;
SELECT count(*) FROM me_ta21;
ROLLBACK;
SELECT count(*) FROM pg_class WHERE relname IN ('me_ta20', 'me_ta21');
-- a temporary table
CREATE TEMP TABLE me_ta22 AS SELECT id, n, t3 FROM me_ta_src;
INSERT INTO me_ta22 VALUES (9, 1.23456, '2024-01-01 00:00:00.00055');
SELECT * FROM me_ta22 ORDER BY id;
CREATE TEMP TABLE me_ta23 AS SELECT * FROM me_ta22 WHERE id > 1;
SELECT * FROM me_ta23;
DROP TABLE me_ta22, me_ta23;
DROP TABLE me_ta1, me_ta2, me_ta3, me_ta4, me_ta5, me_ta6, me_ta7, me_ta8, me_ta9, me_ta10, me_ta11, me_ta12, me_ta15, me_ta16, me_ta17, me_ta19;
DROP SEQUENCE me_ta_seq;
DROP TABLE me_ta_src;
DROP TYPE me_ta_mood;
