-- fuzz5_intmath: ceil, ceiling, floor, round, trunc and sign of an
-- integer are float8's (PostgreSQL has them for numeric and float8
-- only; an integer takes float8, its preferred numeric type), so
-- ceil(i) / 2 divides as float8 and avg(sign(i)) is float8
-- (differential fuzz tester: 1073741823 for 1073741823.5).
CREATE TABLE n28fuzz5_im (id int PRIMARY KEY, i2 int2, i4 int4, i8 int8);
INSERT INTO n28fuzz5_im VALUES (1, 0, 0, 0), (2, -1, -7, -9000000000), (3, 32767, 2147483647, 9223372036854775807), (4, -32768, -2147483648, -9223372036854775808), (5, 7, 7, 7), (6, NULL, NULL, NULL);
SELECT id, ceil(i8) AS c, ceiling(i4) AS cg, floor(i4) AS f, round(i8) AS r, trunc(i8) AS t, sign(i8) AS s FROM n28fuzz5_im ORDER BY id;
SELECT id, ceil(i4) / 2 AS c, floor(i2) / 2 AS f, round(i4) / 2 AS r, trunc(i4) / 4 AS t, sign(i4) / 2 AS s FROM n28fuzz5_im ORDER BY id;
SELECT avg(sign(i2)) AS a, sum(sign(i4)) AS s, avg(ceil(i4)) AS c FROM n28fuzz5_im;
SELECT id, avg(sign(i2)) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS a FROM n28fuzz5_im ORDER BY id;
SELECT ceil(7) / 2 AS c, sign(-7) / 2 AS s, round(5) / 2 AS r, floor(-7) AS f, sign(2.5) AS n, round(i4, 1) AS r1 FROM n28fuzz5_im WHERE id = 5;
SELECT id FROM n28fuzz5_im WHERE ceil(i4) / 2 > 3 ORDER BY id;
