-- A rewrite that copies an expression's text (nullif of numeric run-time
-- type, sign/sqrt of one, min/max of a numeric conditional) runs the
-- rewrites pending inside it first: they spliced into the blanked tokens
-- (42601 syntax errors). The type name of a :: cast over a derived table
-- of SELECT * is no column of it.
CREATE TABLE fz1_rc (id int PRIMARY KEY, n numeric, n2 numeric(10,2), b bool, ts timestamp, i8 int8);
INSERT INTO fz1_rc VALUES (1, 0, 0.00, false, '2024-02-29 12:00:00', 0), (2, -2.5, -2.50, true, '2000-01-01 00:00:00', -9), (3, 12345.678, 99999999.99, true, '2000-01-01 02:00:00', 2), (4, 0.5, 0.50, false, '2023-03-31 10:30:00', 7), (5, 1.5, 1.50, NULL, NULL, NULL), (6, NULL, NULL, NULL, NULL, NULL), (7, -0.5, -0.50, true, '2024-01-31 00:00:00', 3), (8, 100, 100.00, false, '2024-01-31 23:00:00', 100);
SELECT id, nullif(greatest(n, n2), 2.5) AS a, mod(nullif(greatest(n, 1), 1.5), 3) AS b, nullif(least(n, n2), -2.5) + 3 AS c FROM fz1_rc ORDER BY 2, 1;
SELECT id, sign(least(1.5, 10.005) / n) > 0 AS a, sqrt(greatest(n, 1) * 4) AS b, abs(least(n, n2) - 1) AS c FROM fz1_rc WHERE n <> 0 ORDER BY 1;
SELECT a.id, date_part('hour', a.ts)::int8 IN (2, NULL) AS c1, a.i8::int4 IN (7, 100) AS c2, (-2.5::float8)::numeric(10,2) AS c3 FROM (SELECT * FROM fz1_rc) a ORDER BY 1;
WITH d AS (SELECT * FROM fz1_rc) SELECT a.id, a.n::double precision AS f FROM d a WHERE a.n::numeric(5,1) IN (0.5, 1.5) ORDER BY 1;
SELECT a.b, min(coalesce(a.n2, 1.5)) FILTER (WHERE coalesce(-1, a.id) IN (2, 3) OR coalesce(a.n, 0) BETWEEN 0.5 AND 1.5) AS c2, max(CASE WHEN a.id > 2 THEN a.n END) FILTER (WHERE nullif(a.n, 0) IN (0.5, 100)) AS c3 FROM fz1_rc a GROUP BY 1 ORDER BY 1;
WITH d AS (SELECT * FROM fz1_rc) SELECT 10 AS c1, min(CASE WHEN a.b THEN floor(a.n2) ELSE 10.005 END) FILTER (WHERE coalesce(-1, a.id) NOT IN (2, NULL)) AS c2 FROM d a GROUP BY 1 ORDER BY 2, 1 DESC NULLS FIRST;
DROP TABLE fz1_rc;
