-- castfix: round(x, n), trunc(x, n) and generate_series have numeric and
-- integer signatures only in PostgreSQL 15: a double precision or real
-- argument matches none of them (42883 with its HINT), where the
-- one-argument round(float8) and trunc(float8) exist (issue 11).
CREATE TABLE n26castfix_fc (id int, f float8, r real, n numeric, i int);
INSERT INTO n26castfix_fc VALUES (1, 1.25, 2.5, 1.25, 2), (2, -3.75, 0.5, -3.75, 0);
SELECT round(f, 2) FROM n26castfix_fc;
SELECT round(1.5::float8, 1);
SELECT trunc(1.5::float8, 1);
SELECT round(2.5::real, 0);
SELECT trunc(f, 1) FROM n26castfix_fc;
SELECT round(r, 1) FROM n26castfix_fc;
SELECT round(f::numeric, 1), trunc(f::numeric, 1) FROM n26castfix_fc ORDER BY id;
SELECT round(n, 1), trunc(n, 1), round(n, i) FROM n26castfix_fc ORDER BY id;
SELECT round(f), trunc(f) FROM n26castfix_fc ORDER BY id;
SELECT round(1.25, 1), trunc(1.25, 1), round(2.5::float8), trunc(-2.5::float8);
SELECT round(1.5::float8, '1');
SELECT generate_series(1.0::float8, 3, 0.5);
SELECT generate_series(1, 3::float8);
SELECT * FROM generate_series(1.0::float8, 3.0::float8);
SELECT generate_series(1.0, 3, 0.5);
SELECT generate_series(1, 3);
-- differs: a column's declared type is read at run time, so round(f, 2) of a double precision column is refused only when a row is read
SELECT round(f, 2) FROM n26castfix_fc WHERE false;
