-- float NaN (issue 11): PostgreSQL reads 'NaN' in any case, NaN = NaN is
-- true and NaN sorts above every number. SQLite has no float NaN (it
-- becomes NULL), so raftsql refuses every NaN with 0A000 rather than store
-- or answer NULL; numeric's NaN is supported
CREATE TABLE n26floatspecial_n (id int PRIMARY KEY, f float8, r real);
INSERT INTO n26floatspecial_n VALUES (1, 'Infinity', 'Infinity'), (2, '-Infinity', '-Infinity'), (3, 1, 1);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'NaN'::float8, 'nan'::float8, 'NAN'::real;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT '-nan'::float8;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT '+NaN'::float8;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'NaN'::float8 = 'NaN'::float8, 'NaN'::float8 > 'Infinity'::float8;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'Infinity'::float8 - 'Infinity'::float8;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'Infinity'::float8 * 0;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'Infinity'::float8 / 'Infinity'::float8;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'NaN'::numeric::float8;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT 'NaN'::numeric::real;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT '{NaN}'::float8[];
-- differs: float NaN is refused (0A000): SQLite has no float NaN
INSERT INTO n26floatspecial_n VALUES (4, 'NaN', 1);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
INSERT INTO n26floatspecial_n VALUES (5, 1, 'nan');
-- differs: float NaN is refused (0A000): SQLite has no float NaN
UPDATE n26floatspecial_n SET f = f - f WHERE id = 1;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
INSERT INTO n26floatspecial_n (id, f) SELECT 6, sum(f) FROM n26floatspecial_n WHERE id IN (1, 2);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT sum(f) FROM n26floatspecial_n;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT avg(f) FROM n26floatspecial_n;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT sum(r), avg(r) FROM n26floatspecial_n;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT stddev(f) FROM n26floatspecial_n WHERE id IN (1, 3);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT var_pop(f) FROM n26floatspecial_n WHERE id = 1;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT id, sum(f) OVER (ORDER BY id) FROM n26floatspecial_n ORDER BY id;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT f - f FROM n26floatspecial_n ORDER BY id;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT f * 0 FROM n26floatspecial_n WHERE id = 2;
SELECT power(f, 'NaN'::numeric) FROM n26floatspecial_n WHERE id = 3;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT power(1::float8, 'NaN'::numeric::float8);
-- numeric's NaN and infinities are supported
SELECT 'NaN'::numeric, 'NaN'::numeric = 'NaN'::numeric, 'NaN'::numeric > 'Infinity'::numeric, x::numeric FROM (VALUES ('Infinity'::float8), ('-Infinity'), (1)) v(x);
-- differs: the NaN writes above were refused, so the rows are the first three
SELECT * FROM n26floatspecial_n ORDER BY id;
-- aggregates and expressions over infinities that PostgreSQL answers NaN
CREATE TABLE n26floatspecial_m (id int PRIMARY KEY, f float8, r real);
INSERT INTO n26floatspecial_m VALUES (1, 'Infinity', 'Infinity'), (2, '-Infinity', '-Infinity'), (3, 1, 1);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f) FROM n26floatspecial_m WHERE id IN (1, 2);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT percentile_cont(0.25) WITHIN GROUP (ORDER BY x) FROM (VALUES ('-Infinity'::float8), (1), (2)) v(x);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT percentile_cont(ARRAY[0.5, 1]) WITHIN GROUP (ORDER BY f) FROM n26floatspecial_m WHERE id IN (1, 2);
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT corr(f, f), covar_pop(f, f) FROM n26floatspecial_m;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT a.f + b.f FROM n26floatspecial_m a, n26floatspecial_m b WHERE a.id = 1 AND b.id = 2;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT x - x FROM (SELECT f AS x FROM n26floatspecial_m WHERE id = 1) s;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT r * 0 FROM n26floatspecial_m WHERE id = 1;
SELECT percentile_cont(0.75) WITHIN GROUP (ORDER BY x), percentile_disc(0.5) WITHIN GROUP (ORDER BY x) FROM (VALUES ('Infinity'::float8), (1), (2)) v(x);
SELECT max(f) - min(f), sum(f) FILTER (WHERE id <> 2), max(f) FILTER (WHERE id <> 1) FROM n26floatspecial_m;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT '-nan'::float8, '+NaN'::real;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT sum(DISTINCT f) FROM n26floatspecial_m;
-- differs: float NaN is refused (0A000): SQLite has no float NaN
SELECT sum(DISTINCT r) FROM n26floatspecial_m;
SELECT sum(DISTINCT f), sum(DISTINCT r), avg(DISTINCT f) FROM n26floatspecial_m WHERE id <> 2;
