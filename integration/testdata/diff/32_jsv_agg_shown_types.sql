-- an aggregate whose argument's type the statement shows (a cast, a
-- boolean literal, a comparison) is resolved by that type as PostgreSQL
-- does when it plans the statement: 42883 for a type it does not take,
-- over no rows too
CREATE TABLE jsv_ag (id int, b int, d text, n numeric);
INSERT INTO jsv_ag VALUES (1, 1, '2024-01-02', 1.5), (2, 0, '2024-01-03', 2.5);
SELECT avg(b::bool) FROM jsv_ag;
SELECT sum(b::boolean) FROM jsv_ag WHERE false;
SELECT sum(true), count(*) FROM jsv_ag;
SELECT avg(b > 0) FROM jsv_ag;
SELECT sum(b IS NULL) FROM jsv_ag;
SELECT sum(CAST(d AS date)) FROM jsv_ag;
SELECT avg(d::date) FROM jsv_ag;
SELECT sum(n::text) FROM jsv_ag;
SELECT min(b::bool) FROM jsv_ag;
SELECT max(b = 1) FROM jsv_ag;
SELECT bit_and(true) FROM jsv_ag;
SELECT bool_and(b::int) FROM jsv_ag;
SELECT stddev(d::timestamp) FROM jsv_ag;
SELECT sum(DISTINCT b::bool) FROM jsv_ag;
SELECT sum(b::bool) OVER () FROM jsv_ag;
SELECT sum(ARRAY[b]::int[]) FROM jsv_ag;
SELECT id FROM jsv_ag GROUP BY id HAVING avg(n > 1) > 0;
-- what PostgreSQL takes still answers
SELECT sum(b::int), avg(n::float8), min(d::date), max(b::text), bool_and(b > 0), bit_or(b::int2), sum((b > 0)::int), sum(CASE WHEN b > 0 THEN 1 ELSE 0 END), min(ARRAY[b]::int[]), sum(b ORDER BY b > 0) FROM jsv_ag;
SELECT sum(1::int2::bool);
-- positions
SELECT id,
  avg(b::bool) FROM jsv_ag GROUP BY id;
INSERT INTO jsv_ag (id, b) SELECT 3, sum(b::bool) FROM jsv_ag;
SELECT id, sum(b::bool) FROM jsv_ag GROUP BY GROUPING SETS ((id), ());
DROP TABLE jsv_ag;
