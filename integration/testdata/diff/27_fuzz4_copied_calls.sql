-- fuzz4_copied_calls: mod, power and the numeric functions inside an
-- operand of + or - beside a column are translated before the operand's
-- text is copied into the date/time CASE form (the column may be a
-- date/time value): (mod(2.5, n2))::float8 - i4 called SQLite's own mod,
-- NULL for a zero divisor, where PostgreSQL raises 22012 (found by the
-- differential fuzz tester, seeds 2000410, 2600045).
CREATE TABLE n27fuzz4_cc (id int PRIMARY KEY, i4 int4, i8 int8, n2 numeric(10,2), f8 float8, tz timestamptz);
INSERT INTO n27fuzz4_cc VALUES (1, 0, 0, 0.00, 0, '2024-02-29 12:00:00+00'), (2, -7, 3, 1.50, 1.5, '2000-01-01 00:00:00+00'), (3, 10, 7, -2.50, NULL, NULL);
SELECT id, (mod(2.5, n2))::float8 - i4 FROM n27fuzz4_cc WHERE id > 1 ORDER BY id;
SELECT id, (mod(2.5, n2))::float8 - i4 FROM n27fuzz4_cc ORDER BY id;
SELECT id, (mod(0.1, n2))::real + f8 FROM n27fuzz4_cc ORDER BY id;
SELECT id, i4 + mod(i8, 4), mod(7, i8) - i4 FROM n27fuzz4_cc WHERE id > 1 ORDER BY id;
SELECT id, i4 - mod(7, i8) FROM n27fuzz4_cc ORDER BY id;
SELECT id, i4 + sqrt(n2) FROM n27fuzz4_cc WHERE id = 2;
SELECT ((mod(2.5, a.n2))::float8 - a.i4) AS c1, a.tz AS c3 FROM n27fuzz4_cc a WHERE EXISTS (SELECT 1 FROM n27fuzz4_cc x WHERE x.i8 = a.i8) ORDER BY 2, 1 DESC NULLS FIRST;
