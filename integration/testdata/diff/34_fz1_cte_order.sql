-- A CTE's columns over SELECT * FROM a table are of the table's columns'
-- types: arithmetic over them was untyped (the CTE's name read as a
-- table's), so integral results sorted before numeric text; ORDER BY 2
-- of an aggregate or scalar subquery item of the main SELECT sorted
-- numeric text as text (-0.5 before -2.5, {1} before {100}).
CREATE TABLE fz1_co (id int PRIMARY KEY, i4 int, n numeric, n2 numeric(10,2), vc varchar(10));
INSERT INTO fz1_co VALUES (1, 0, 0, 0.00, ''), (2, -7, -2.5, -2.50, 'hello'), (3, 2147483647, 12345.678, 99999999.99, 'abc'), (4, -2147483648, 0.5, 0.50, 'A'), (5, 7, 1.5, 1.50, 'abc'), (6, NULL, NULL, NULL, NULL), (7, 3, -0.5, -0.50, 'x'), (8, 10, 100, 100.00, 'ABC');
CREATE TABLE fz1_cu (id int PRIMARY KEY, k int, v numeric);
INSERT INTO fz1_cu VALUES (1, 0, 1.5), (2, 3, 2), (3, 7, NULL), (4, NULL, -1), (5, 3, 0.25), (6, 10, 100);
WITH d AS (SELECT * FROM fz1_co) SELECT (a.i4 - a.n) AS c1 FROM d a ORDER BY 1;
WITH d AS (SELECT * FROM fz1_co) SELECT (a.i4 - a.n) AS c1, string_agg('ABC'::varchar(3), ',') AS c2 FROM d a GROUP BY 1 ORDER BY 1;
WITH d AS (SELECT * FROM fz1_co) SELECT d.n * 2 AS c1 FROM d ORDER BY c1 DESC;
WITH d AS (SELECT * FROM fz1_co) SELECT a.n AS c1, avg(a.n2) AS c2 FROM d a GROUP BY 1 ORDER BY 2 DESC NULLS LAST;
WITH d AS (SELECT * FROM fz1_co) SELECT a.vc, sum(a.n) AS s FROM d a GROUP BY 1 ORDER BY s, 1;
WITH d AS (SELECT * FROM fz1_co) SELECT CASE WHEN true THEN a.n2 ELSE 1.5 END AS c1, array_agg(trunc(a.n2, 0)) AS c2 FROM d a GROUP BY 1 ORDER BY 2 DESC, 1;
WITH d AS (SELECT * FROM fz1_co) SELECT upper(a.vc) AS c1, array_agg(a.n - a.n ORDER BY a.n - a.n DESC, a.id) AS c2 FROM d a GROUP BY 1 ORDER BY 2 NULLS LAST, 1 NULLS LAST;
WITH d AS (SELECT * FROM fz1_co) SELECT a.id, (SELECT b.v FROM fz1_cu b WHERE b.k <= a.i4 ORDER BY b.v DESC NULLS LAST, b.id LIMIT 1) AS c2 FROM d a ORDER BY 2, 1;
DROP TABLE fz1_co;
DROP TABLE fz1_cu;
