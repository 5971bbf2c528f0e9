-- errfix_numfuncs: div is numeric only and mod integer or numeric: a
-- float argument is 42883 (floatcalls.go), a float column's when the
-- statement runs, in either argument.
CREATE TABLE n28errfix_f (id int PRIMARY KEY, f8 float8, f4 real, n numeric, i int);
INSERT INTO n28errfix_f VALUES (1, 7.5, 2.5, 7.5, 2);
SELECT div(1, 2::float8);
SELECT div(1::float8, 2);
SELECT mod(1::float8, 2::float8);
SELECT mod(7, 2::real);
SELECT mod('7', 2::float8);
SELECT mod(f8, 2) FROM n28errfix_f;
SELECT mod(2, f8) FROM n28errfix_f;
SELECT div(f8, 2) FROM n28errfix_f;
SELECT div(2, f4) FROM n28errfix_f;
SELECT round(f8, 1) FROM n28errfix_f;
SELECT div(7, 2), mod(7, 2), mod(7.5, 2), div(7.5, 2), mod(-7, 3), div(-7.5, 2);
SELECT div(n, 2), mod(n, 2), mod(7, i), div(7.5, i), mod(n, i), div(n, i), round(n, 1) FROM n28errfix_f;
SELECT pg_typeof(div(7, 2)), pg_typeof(mod(7, 2)), pg_typeof(mod(7::int8, 2));
