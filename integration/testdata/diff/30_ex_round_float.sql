-- round() of a real rounds half to even, as PostgreSQL's round(double
-- precision) (a real is cast to float8 for it); it was rounded as
-- numeric, half away from zero (round(0.5::real) was 1).
SELECT round(0.5::real), round(1.5::real), round(2.5::real), round(-2.5::real), round(CAST(3.5 AS real));
CREATE TABLE ex_rf (id int PRIMARY KEY, r real, f float8);
INSERT INTO ex_rf VALUES (1, 0.5, 0.5), (2, 2.5, 2.5), (3, -3.5, -3.5), (4, 1.25, 1.25);
SELECT id, round(r), round(f), round(r::float8), round(r + 0) FROM ex_rf ORDER BY id;
CREATE TEMP TABLE ex_rft (id int, r real, f float8, n numeric, i int);
INSERT INTO ex_rft VALUES (1, 0.5, 0.5, 0.5, 7), (2, 2.5, 2.5, 2.5, 8), (3, -3.5, -3.5, -3.5, 9);
SELECT id, round(r), round(f), round(n), i / 2, n / 3, f / 2 FROM ex_rft ORDER BY id;
SELECT round(avg(f)), round(sum(r)), sum(n) / 3 FROM ex_rft;
-- round(real, int) and round(float8, int) do not exist in PostgreSQL
SELECT round(f, 1) FROM ex_rf;
DROP TABLE ex_rft;
DROP TABLE ex_rf;
