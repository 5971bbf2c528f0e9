-- numscale_values: numeric scale and integer rounding (issue 11). A
-- decimal constant keeps its scale in CASE/coalesce/nullif/greatest/least,
-- VALUES, UNION arms, ARRAY[...] and unnest of a numeric[] the statement
-- shows; a value entering an integer column takes PostgreSQL's assignment
-- cast (numeric rounds half away from zero, float8 half to even, 22003
-- past the range), also as a DEFAULT; arrays the query builds sort element
-- by element; numeric NaN and float8 infinities.
SELECT CASE WHEN true THEN 0.0 ELSE 1 END, CASE WHEN false THEN 1 ELSE 2.50 END;
SELECT CASE WHEN true THEN 1.50 ELSE 2.000 END, CASE 1 WHEN 1 THEN 2.00 END;
SELECT coalesce(NULL, 1.50), coalesce(NULL, 1, 1.50), coalesce(2.50, 1);
SELECT nullif(1.50, 2), nullif(1, 2.50), nullif(2.50, 2.5), nullif(2.50, 2.500), nullif(1, 1.0);
SELECT nullif(1.0, 2)::text, nullif(-0.50, 1);
SELECT greatest(1.50, 1), greatest(1, 1.50, 0.5), least(2.50, 3), least(2.50, 3.0, 1.00);
VALUES (1), (1.50), (2.0);
SELECT * FROM (VALUES (1), (1.50), (2.0)) v(x) ORDER BY x;
SELECT 1 AS x UNION ALL SELECT 1.50 UNION ALL SELECT 2.0;
SELECT 1 UNION ALL SELECT 2.50 ORDER BY 1;
CREATE TABLE n25numscale_t (id int PRIMARY KEY, i int, n numeric, f float8, a numeric[]);
INSERT INTO n25numscale_t VALUES (1, 5, 2.50, 1.5, '{1.50,2.0}'), (2, NULL, NULL, NULL, ARRAY[3.000, 4]);
SELECT id, CASE WHEN id = 1 THEN 0.0 ELSE 1 END, CASE WHEN id = 1 THEN 1.50 ELSE 2.000 END FROM n25numscale_t ORDER BY id;
SELECT id, coalesce(n, 1.50), coalesce(f, 1.50) FROM n25numscale_t ORDER BY id;
SELECT id, coalesce(i, -1.50) FROM n25numscale_t ORDER BY id;
SELECT id, coalesce(i, 1.50) AS c FROM n25numscale_t ORDER BY c, id;
SELECT id FROM n25numscale_t WHERE coalesce(i, 1.50) < 2 ORDER BY id;
SELECT max(coalesce(i, 1.50)), min(coalesce(i, 1.50)), max(coalesce(n, 1.50)), min(coalesce(n, 1.50)) FROM n25numscale_t;
SELECT DISTINCT coalesce(n, 2.5) FROM n25numscale_t;
SELECT id, CASE WHEN id = 1 THEN n ELSE 7.50 END, CASE WHEN id = 2 THEN f ELSE 2.50 END FROM n25numscale_t ORDER BY id;
SELECT id, nullif(n, 1.50), nullif(1.50, i), nullif(n, 2.5) FROM n25numscale_t ORDER BY id;
SELECT id, greatest(i, 1.50), least(i, 7.50) FROM n25numscale_t ORDER BY id;
SELECT id FROM n25numscale_t WHERE coalesce(n, 1.50) > 2 ORDER BY id;
SELECT a FROM n25numscale_t ORDER BY id;
SELECT ARRAY[1.50, 2.0], ARRAY[1, 2.50], ARRAY[1.5::float8, 2.50], ARRAY[-0.50, NULL];
SELECT id, ARRAY[n, 2.50], ARRAY[f, 2.50], ARRAY[i, 2.50] FROM n25numscale_t ORDER BY id;
SELECT unnest(ARRAY[1.50, 2.0]);
SELECT unnest('{1.50,2.0}'::numeric[]);
SELECT * FROM unnest(ARRAY[1.50, 2.0]);
SELECT * FROM unnest('{1.50,2.0,10.5}'::numeric[]) u(x) ORDER BY x DESC;
SELECT x FROM unnest(ARRAY[9.5, 10.25, 2]) AS u(x) WHERE x > 3 ORDER BY x;
SELECT id, x FROM n25numscale_t, unnest(ARRAY[1.50, 2.0]) AS u(x) ORDER BY id, u.x;
SELECT sum(x), max(x) FROM unnest(ARRAY[1.50, 2.0, 10]) u(x);
SELECT * FROM unnest(ARRAY[1.50, 2.0]) WITH ORDINALITY;
SELECT 1.50 = ANY(ARRAY[1.5, 2.0]), 3 = ANY(ARRAY[1.5, 3.0]);
SELECT unnest(a) FROM n25numscale_t ORDER BY id;
SELECT x FROM n25numscale_t, unnest(a) AS u(x) ORDER BY id, x;
CREATE TABLE n25numscale_i (id int PRIMARY KEY, a int2, b int4 DEFAULT 1.5, c int8);
INSERT INTO n25numscale_i (id, a, c) VALUES (1, 1.5, 2.5);
INSERT INTO n25numscale_i VALUES (2, -2.5, 2.5, -1.5);
INSERT INTO n25numscale_i VALUES (3, 0.5::float8, 2.5::float8, 1.49999);
INSERT INTO n25numscale_i VALUES (4, 3.5, 4.5::float8, 7/2.0);
INSERT INTO n25numscale_i VALUES (5, 2.50000000000000000001, -2.49999999999999999999, 3.5::real);
UPDATE n25numscale_i SET b = 1.5 WHERE id = 1;
UPDATE n25numscale_i SET c = c * 1.5 WHERE id = 2;
UPDATE n25numscale_i SET a = a * 2.5, b = b * 2.5::float8 WHERE id = 4;
SELECT * FROM n25numscale_i ORDER BY id;
INSERT INTO n25numscale_i (id, a) VALUES (6, 32767.5);
INSERT INTO n25numscale_i (id, a) VALUES (6, -32768.5);
INSERT INTO n25numscale_i (id, b) VALUES (6, 2147483647.5);
INSERT INTO n25numscale_i (id, c) VALUES (6, 9223372036854775807.5);
INSERT INTO n25numscale_i (id, b) VALUES (6, 1e10::float8);
INSERT INTO n25numscale_i (id, b) VALUES (6, 'Infinity'::float8);
INSERT INTO n25numscale_i (id, b) VALUES (6, 'NaN'::numeric);
INSERT INTO n25numscale_i (id, b) VALUES (6, 'Infinity'::numeric);
INSERT INTO n25numscale_i (id, b) VALUES (6, '1.5');
INSERT INTO n25numscale_i (id, a) VALUES (6, 32767.4);
UPDATE n25numscale_i SET a = a * 1000.5 WHERE id = 1;
UPDATE n25numscale_i SET a = a * 100000 WHERE id = 1;
CREATE TABLE n25numscale_src (k int, x float8, n numeric, r real);
INSERT INTO n25numscale_src VALUES (7, 2.5, 3.5, 4.5), (8, -0.5, -1.5, 1e10);
INSERT INTO n25numscale_i (id, b, c) SELECT k, x, n FROM n25numscale_src;
INSERT INTO n25numscale_i (id, a) SELECT k + 10, r FROM n25numscale_src;
INSERT INTO n25numscale_i (id, a) SELECT k + 20, r FROM n25numscale_src WHERE r < 10;
INSERT INTO n25numscale_i (id, b) SELECT 30, 5.5 UNION ALL SELECT 31, 6.5::float8;
INSERT INTO n25numscale_i (id, c) VALUES (40, CASE WHEN true THEN 2.5 ELSE 1 END);
INSERT INTO n25numscale_i (id, c) VALUES (41, 0) ON CONFLICT (id) DO NOTHING;
INSERT INTO n25numscale_i (id, c) VALUES (41, 9) ON CONFLICT (id) DO UPDATE SET c = excluded.c * 0.5, a = 10.5::float8;
SELECT * FROM n25numscale_i ORDER BY id;
CREATE TABLE n25numscale_d (k int PRIMARY KEY, a int2 DEFAULT 99999.5, b int DEFAULT 2.5, c int8 DEFAULT -2.5, e int DEFAULT '7', f int DEFAULT 1e1);
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n25numscale_d' ORDER BY column_name;
INSERT INTO n25numscale_d (k, a) VALUES (1, 1);
INSERT INTO n25numscale_d (k) VALUES (2);
ALTER TABLE n25numscale_d ALTER COLUMN e SET DEFAULT 3.5;
ALTER TABLE n25numscale_d ADD COLUMN h int DEFAULT 4.5;
INSERT INTO n25numscale_d (k, a) VALUES (3, 2);
SELECT * FROM n25numscale_d ORDER BY k;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n25numscale_d' AND column_name IN ('e', 'h') ORDER BY column_name;
CREATE TABLE n25numscale_d2 (k int, a int DEFAULT 1.5::float8);
-- differs: a DEFAULT expression other than a decimal constant on an integer column is stored as SQLite evaluates it, which the column's check refuses (42804) where PostgreSQL rounds
INSERT INTO n25numscale_d2 (k) VALUES (1);
CREATE TABLE n25numscale_a (g int, x int, n numeric, t text, d date);
INSERT INTO n25numscale_a VALUES (1, 10, 10.5, 'b', '2024-01-10'), (2, 9, 9.25, 'a', '2024-01-09'), (3, 100, -1, 'ab', '2023-12-31'), (3, 1, 2, 'a', '2024-02-01');
SELECT g, array_agg(x ORDER BY x) FROM n25numscale_a GROUP BY g ORDER BY array_agg(x ORDER BY x);
SELECT g, array_agg(x ORDER BY x) AS a FROM n25numscale_a GROUP BY g ORDER BY a DESC;
SELECT g, array_agg(n ORDER BY n) AS a FROM n25numscale_a GROUP BY g ORDER BY 2;
SELECT g, array_agg(t ORDER BY t) AS a FROM n25numscale_a GROUP BY g ORDER BY 2, 1;
SELECT g, array_agg(d ORDER BY d) AS a FROM n25numscale_a GROUP BY g ORDER BY 2;
SELECT g, array_agg(x * 2 ORDER BY x) AS a FROM n25numscale_a GROUP BY g ORDER BY a;
SELECT ARRAY(SELECT x FROM n25numscale_a WHERE g = s.g ORDER BY x) AS a FROM (VALUES (1), (2), (3)) s(g) ORDER BY 1;
SELECT ARRAY[x] AS a FROM n25numscale_a ORDER BY 1;
SELECT ARRAY[x, g] AS a FROM n25numscale_a ORDER BY a;
SELECT ARRAY[n] AS a FROM n25numscale_a ORDER BY a DESC;
SELECT a FROM (VALUES (ARRAY[10]), (ARRAY[9]), (ARRAY[9, 1])) v(a) ORDER BY a;
-- differs: max/min of a built array (here of a FROM subquery's array_agg column) compares as text
SELECT max(a) FROM (SELECT array_agg(x) AS a FROM n25numscale_a GROUP BY g) s;
-- differs: < > between a built array and another compare the texts ('{10}' < '{9}')
SELECT g, array_agg(x) > ARRAY[9] FROM n25numscale_a GROUP BY g ORDER BY g;
SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric;
SELECT 'NaN'::numeric = 'NaN'::numeric, 'NaN'::numeric > 1e300, 'Infinity'::numeric + 1, 'NaN'::numeric + 1;
SELECT 'Infinity'::float8, '-Infinity'::float8, 'inf'::float8 > 1e308, -'Infinity'::float8;
SELECT 'Infinity'::float8::int;
SELECT 'Infinity'::numeric::int;
SELECT 'NaN'::numeric::int;
CREATE TABLE n25numscale_nan (f float8, n numeric);
INSERT INTO n25numscale_nan VALUES ('Infinity', 'NaN'), ('-Infinity', 'Infinity'), (1, 1), (NULL, '-Infinity');
SELECT f, n FROM n25numscale_nan ORDER BY n;
SELECT f FROM n25numscale_nan ORDER BY f DESC;
SELECT max(n), min(n), max(f), min(f) FROM n25numscale_nan;
-- differs: float8 NaN is refused with 0A000 (SQLite stores NaN as NULL; numeric NaN is supported)
SELECT 'NaN'::float8;
-- differs: float8 NaN is refused with 0A000 (SQLite stores NaN as NULL)
SELECT 'Infinity'::float8 - 'Infinity'::float8;
-- differs: float8 NaN is refused with 0A000 (SQLite stores NaN as NULL)
INSERT INTO n25numscale_nan (f) VALUES ('NaN');
-- differs: float8 NaN is refused with 0A000 (SQLite stores NaN as NULL)
SELECT 'NaN'::numeric::float8;
