-- gcd/lcm (and round, mod) of a float8 function result: sqrt(4), exp(1) and
-- power(2, 2) are double precision, which they have no version of:
-- PostgreSQL's 42883 (the call answered).
SELECT lcm(1, sqrt(4));
SELECT gcd(sqrt(4), 2);
SELECT gcd(exp(1), 1);
SELECT gcd(4, abs(-2)), gcd(1, 2.5), lcm(3::int2, 4::int8);
SELECT gcd(1, power(2, 2));
SELECT round(sqrt(4), 1);
SELECT mod(sqrt(4), 2);
