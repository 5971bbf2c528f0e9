-- Integer columns beside a float column in COALESCE, CASE, GREATEST/LEAST
-- and ARRAY[] are read as the float, their common type, as numeric ones
-- are: an int4's 2147483647 beside a real is 2.1474836e+09 (the real
-- 2147483648) and an int8's 9223372036854775807 beside a float8
-- 9.223372036854776e+18; they were left integers (the differential fuzz
-- tester, seed 840810).
CREATE TABLE fz39b_if (id int, b bool, i2 int2, i4 int4, i8 int8, f4 real, f8 float8);
INSERT INTO fz39b_if VALUES (1, true, 3, 2147483647, 9223372036854775807, 3.4e38, 1e300), (2, false, -1, -7, -9000000000, -1.5, -0.5), (3, NULL, NULL, 16777217, 7, NULL, NULL), (4, true, 7, 7, 7, 2.5, 2.5);
SELECT id, coalesce(i4, f4) AS a, coalesce(i8, f8) AS b, coalesce(i8, f4) AS c, coalesce(f4, f8) AS d FROM fz39b_if ORDER BY id;
SELECT id, CASE WHEN b THEN i4 ELSE f4 END AS a, CASE WHEN b THEN i2 ELSE f8 END AS b2 FROM fz39b_if ORDER BY id;
SELECT id, ARRAY[i4, f4] AS a, ARRAY[i8, f8] AS b FROM fz39b_if ORDER BY id;
SELECT min(greatest(CASE WHEN b THEN i4 ELSE f4 END, 0.1::float8)) AS m, max(coalesce(i4, f4)) AS x FROM fz39b_if;
SELECT id, coalesce(i4, f4) + 1 AS a, coalesce(f4, i4) < 5 AS b FROM fz39b_if ORDER BY id;
DROP TABLE fz39b_if;
