-- num2_gcdsmallint: gcd and lcm have int4, int8 and numeric versions and
-- no int2 one; smallint and unknown arguments cast to all three, so
-- PostgreSQL cannot choose (42725). A wider argument picks one.
CREATE TABLE num2_gcd (id int PRIMARY KEY, s smallint, t smallint, i int);
INSERT INTO num2_gcd VALUES (1, 12, 18, 8), (2, NULL, 4, 6);
SELECT gcd(3::smallint, 6::smallint);
SELECT lcm(3::int2, 4::int2);
SELECT gcd(NULL::int2, NULL::int2);
SELECT gcd(-(2::int2), 4::int2);
SELECT gcd(CAST(2 AS smallint), 4::smallint);
SELECT gcd(1::int2, '3');
SELECT lcm(1::int2, NULL);
SELECT gcd(NULL, NULL);
SELECT lcm('4', '6');
SELECT gcd(s, t) FROM num2_gcd ORDER BY id;
SELECT lcm(s, t) FROM num2_gcd WHERE id = 1;
SELECT gcd(s, s::int2) FROM num2_gcd WHERE id = 2;
SELECT gcd(s, i), lcm(s, i), gcd(t, 6), lcm(s, 4::int8), gcd(s, 4.0) FROM num2_gcd ORDER BY id;
SELECT gcd(2::int2, 4), lcm(2::int2, 3::int8), gcd(2::int2, 4.5), gcd('4', 6), lcm(NULL, 3);
SELECT gcd('4.5', 6);
SELECT gcd('4', 6.5), lcm(8::int8, '12'), gcd(NULL, 4::int8);
SELECT lcm('abc', 6);
