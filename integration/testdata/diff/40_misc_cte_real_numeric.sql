-- A CTE's real column cast to numeric or text reads the real's shortest
-- digits (0.1, not the double's 0.100000001490116): the CTE's name is no
-- table, so the column's declared type was looked up in no table. A
-- money column of a CTE or derived table cast to numeric read the text
-- '$12.50' (22P02); the float4 and money conversions also took each
-- other's type argument.
CREATE TABLE misc_cr (id int, f4 real, m money, b bool);
INSERT INTO misc_cr VALUES (1, 0.1, 12.5, true), (2, 3.4e38, -3, false), (3, 1.23456789, NULL, NULL), (4, NULL, 0, true);
WITH a AS (SELECT f4 FROM misc_cr) SELECT (a.f4)::numeric AS x FROM a ORDER BY 1;
WITH a AS (SELECT id, f4 FROM misc_cr) SELECT id, a.f4::numeric AS x, f4::numeric(60,2) AS y, cast(a.f4 AS numeric) + 1 AS z FROM a ORDER BY id;
WITH a AS (SELECT id, f4 AS v FROM misc_cr) SELECT id, v::numeric AS x, v::text AS y, a.v::float8 AS z FROM a ORDER BY id;
WITH a AS (SELECT id, m, f4, b FROM misc_cr) SELECT id, a.m::numeric AS x, m::numeric AS y, (a.f4)::numeric(6,2) AS z, a.b::text AS w FROM a WHERE id <> 2 ORDER BY id;
SELECT id, d.m::numeric AS x, d.f4::text AS y FROM (SELECT id, m AS m, f4 * 2 AS f4 FROM misc_cr) d WHERE id <> 2 ORDER BY id;
SELECT sum(a.f4::numeric) AS s FROM (SELECT f4 FROM misc_cr WHERE id <> 2) a;
DROP TABLE misc_cr;
