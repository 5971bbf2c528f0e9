-- A coalesce (or CASE, nullif, greatest, least) of a jsonb column read
-- through a derived table or CTE (WITH d AS (SELECT * FROM t)) orders and
-- compares as jsonb: it ordered as text ({} first, null after arrays:
-- the fuzz tester's seed 781212), and coalesce(a.j, a.j) > '{}' was false
-- for every object.
CREATE TABLE fz2_j (id int PRIMARY KEY, j jsonb);
INSERT INTO fz2_j VALUES (1, '{"a": 1, "b": [1, 2]}'), (2, '{"a": "x", "c": null}'), (3, '[1, "two", 3.5]'), (4, '{}'), (5, 'null'), (6, NULL), (7, '{"a": 2, "b": [3]}'), (8, '"str"'), (9, '12'), (10, 'true');
WITH d AS (SELECT * FROM fz2_j) SELECT coalesce(a.j, a.j) AS c1 FROM d a ORDER BY 1 DESC NULLS FIRST;
-- differs-type: a coalesce of a derived table's column of run-time type and an unknown literal is described text (docs/sql-dialect.md, "The differential corpus": result column types neither the translation nor the declarations give)
SELECT coalesce(a.j, '1') AS c1 FROM (SELECT * FROM fz2_j) a ORDER BY 1;
SELECT CASE WHEN a.id > 3 THEN a.j END AS c1 FROM (SELECT id, j FROM fz2_j) a ORDER BY 1, a.id;
WITH d AS (SELECT * FROM fz2_j) SELECT a.id FROM d a WHERE coalesce(a.j, a.j) > '{}' ORDER BY 1;
WITH d AS (SELECT * FROM fz2_j) SELECT a.id, nullif(a.j, '12') < '[]' AS x FROM d a ORDER BY 1;
DROP TABLE fz2_j;
