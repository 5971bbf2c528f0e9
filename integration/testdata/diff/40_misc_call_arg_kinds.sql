-- Functions PostgreSQL has for one kind of argument only: sqrt, exp,
-- ln, log, log10 and cbrt take numbers (sqrt(text) is 42883: no implicit
-- cast from text to a number), repeat, lpad, rpad, left and right a
-- string and an integer (repeat(text, bigint) is 42883: bigint reaches
-- integer by an assignment cast only). SQLite's functions read any value
-- (sqrt of a text column '4' answered 2).
CREATE TABLE misc_ak (id int, t text, v varchar(9), c char(3), i2 int2, i4 int, i8 int8, n numeric(6,2), f4 real, f8 float8, b bool, d date);
INSERT INTO misc_ak VALUES (1, 'ab', 'xy', 'q', 2, 3, 4, 2.25, 4, 9, true, '2024-01-01'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, sqrt(i2) AS a, sqrt(i4) AS b, sqrt(i8) AS c, sqrt(n) AS d, sqrt(f4) AS e, sqrt(f8) AS f FROM misc_ak ORDER BY id;
SELECT id, exp(i4) AS a, ln(n) AS b, log(n) AS c, log(2, n) AS d, cbrt(f8) AS e FROM misc_ak ORDER BY id;
SELECT id, repeat(t, i4) AS a, repeat(v, i2) AS b, repeat(c, 2) AS c, lpad(t, i4, v) AS d, rpad(v, 5) AS e, left(t, i4) AS f, right(v, i2) AS g FROM misc_ak ORDER BY id;
SELECT sqrt(sum(i4)) AS a, sqrt(max(n)) AS b, repeat(max(t), 2) AS c, sqrt(count(*)) AS d FROM misc_ak;
SELECT sqrt(i4 + 1) AS a, sqrt(n * 2) AS b, repeat(t || 'z', i4 + 1) AS c, lpad(t, length(t) + 1) AS d FROM misc_ak ORDER BY id;
SELECT s FROM (SELECT sqrt(i4) AS s FROM misc_ak) x ORDER BY 1;
SELECT sqrt('4') AS a, repeat('ab', 2) AS b, lpad('7', 3, '0') AS c;
SELECT sqrt(t) FROM misc_ak;
SELECT sqrt(v) FROM misc_ak;
SELECT exp(t) FROM misc_ak;
SELECT sqrt(b) FROM misc_ak;
SELECT sqrt(d) FROM misc_ak;
SELECT repeat(t, i8) FROM misc_ak;
SELECT repeat(t, 2::int8) FROM misc_ak;
SELECT repeat('ab', 3::bigint);
SELECT repeat(t, n) FROM misc_ak;
SELECT repeat(t, f8) FROM misc_ak;
SELECT repeat(i4, 2) FROM misc_ak;
SELECT lpad(t, 3, i4) FROM misc_ak;
SELECT left(t, i8) FROM misc_ak;
SELECT left('abc', 1.5);
SELECT repeat('a', true);
SELECT sqrt(1::money);
SELECT sqrt(a.t) FROM (SELECT t FROM misc_ak) a;
SELECT repeat(a.t, a.i8) FROM (SELECT t, i8 FROM misc_ak) a;
DROP TABLE misc_ak;
