-- make_interval's parameters other than secs are integer: an argument of
-- bigint, numeric or a float type matches no make_interval (42883), as a
-- constant the statement shows. make_interval(days => 1.5) answered
-- 2 days, and days => 9223372036854775807 failed only when a row reached
-- it (the differential fuzz tester, seed 840032).
CREATE TABLE fz39b_mi (id int, i8 int8);
SELECT make_interval(days => 1.5);
SELECT make_interval(days => 9223372036854775807) FROM fz39b_mi WHERE false;
SELECT make_interval(1.5::float8);
SELECT make_interval(1, days => 2.5);
SELECT make_interval(days => -2147483648), make_interval(days => 2::int2, secs => 1.5::float8), make_interval(secs => 9000000000);
DROP TABLE fz39b_mi;
