-- gcd and lcm have integer, bigint and numeric versions only: a double
-- precision or real argument, a column's or an expression's such as
-- sign(i8), is PostgreSQL's 42883 function gcd(integer, double
-- precision) does not exist (SQLite's gcd answered; fuzz seed 800124).
CREATE TABLE fz4_gf (id int PRIMARY KEY, i2 int2, i4 int, i8 int8, n numeric, f8 float8, f4 real, vc varchar(10));
INSERT INTO fz4_gf VALUES (1, 4, 6, 10, 2.5, 1.5, 2.5, 'abc'), (2, 0, 0, 0, 0, 0, 0, '');
SELECT gcd(i4, f8) FROM fz4_gf;
SELECT gcd(i4, sign(f8)) FROM fz4_gf;
SELECT gcd(i4, sign(i4)) FROM fz4_gf;
SELECT lcm(f4, 2) FROM fz4_gf;
SELECT gcd(2, f4) FROM fz4_gf;
SELECT lcm(f4, i4) FROM fz4_gf;
SELECT gcd(position('' IN vc), sign(i8)) FROM fz4_gf;
SELECT id, gcd(f8::int, 4) AS a, lcm(i8, 3) AS b, gcd(n, 2.5) AS c, gcd(i2, i4) AS d, lcm(n, n) AS e, gcd(i8, i4) AS f FROM fz4_gf ORDER BY id;
DROP TABLE fz4_gf;
