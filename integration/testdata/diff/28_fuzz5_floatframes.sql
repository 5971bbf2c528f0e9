-- fuzz5_floatframes: a float8 sum over a moving window frame is the sum
-- of the frame's values in row order, as PostgreSQL's restarted sum (a
-- running sum that added 1e300 and took it away had lost the values
-- beside it: 1.5 for 4); the sum of -0 alone is -0; avg(float8) sums the
-- squares too (float8_accum), so a value past 1.3e154 overflows
-- (differential fuzz tester's shape queries).
CREATE TABLE n28fuzz5_ff (id int PRIMARY KEY, f8 float8, f4 real);
INSERT INTO n28fuzz5_ff VALUES (1, 0, 0), (2, -0.5, -1.5), (3, 1e300, 3.4e38), (4, 2.5, 0.5), (5, 1.5, 2.5), (6, NULL, NULL), (7, -0.0, -2.5), (8, 100, 100);
SELECT id, sum(f8) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s, sum(f8) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS f FROM n28fuzz5_ff ORDER BY id;
SELECT id, sum(f4) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s FROM n28fuzz5_ff ORDER BY id;
SELECT id, sum(f8) OVER (ORDER BY id GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) AS s FROM n28fuzz5_ff ORDER BY id;
SELECT id, avg(f8) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a FROM n28fuzz5_ff WHERE id <> 3 ORDER BY id;
SELECT avg(f8) AS a FROM n28fuzz5_ff;
SELECT id, avg(f8) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a FROM n28fuzz5_ff ORDER BY id;
SELECT sum(trunc(f8)) AS s, avg(trunc(f8)) AS a FROM n28fuzz5_ff WHERE id = 2;
SELECT id, sum(trunc(f8)) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS s, avg(trunc(f8)) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND CURRENT ROW) AS a FROM n28fuzz5_ff WHERE id IN (1, 2) ORDER BY id;
