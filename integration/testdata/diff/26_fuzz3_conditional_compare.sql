-- fuzz3_conditional_compare: a coalesce/nullif with numeric text in a
-- branch (a numeric column, numeric arithmetic or call) compared with a
-- number expression that has no column's affinity (a cast, abs(), integer
-- arithmetic) compares by value: SQLite ordered the numeric text after
-- every number (abs(i4::float8) >= coalesce((-1.5 - 0.0), trunc(n, 1))
-- was false; found by the differential fuzz tester, seed 1300544).
CREATE TABLE n26fuzz3_cc (id int PRIMARY KEY, i2 int2, i4 int4, n numeric, n2 numeric(10,2));
INSERT INTO n26fuzz3_cc VALUES (1, 0, 0, 0, 0.00), (2, -1, -7, -2.5, -2.50), (3, 7, 7, 1.5, 1.50), (4, 3, 10, 100, 100.00), (5, NULL, NULL, NULL, NULL);
SELECT id, abs((i4)::float8) >= coalesce((-1.5 - 0.0), trunc(n, 1)) FROM n26fuzz3_cc ORDER BY id;
SELECT id, (i4)::float8 >= coalesce(n, 1), (i4)::float8 < nullif(n, 1), i2 * 2 >= coalesce(n, 0) FROM n26fuzz3_cc ORDER BY id;
SELECT id, coalesce(n, n2) <= (i2)::real, coalesce(n * 2, 0) > abs(i4) FROM n26fuzz3_cc ORDER BY id;
SELECT id FROM n26fuzz3_cc WHERE (i4)::float8 >= coalesce(n, 1) ORDER BY id;
