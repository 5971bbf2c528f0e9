-- numorder_derivedscope: an unqualified column beside a FROM subquery or
-- a CTE that is none of their columns is the column of the one table of
-- its block that has it, typed as such: HAVING sum(amt) > 5 compares o's
-- numeric amt by value, where it compared as SQLite does (numeric text
-- after every number; derivedcols.go, typeTableRefs).
CREATE TABLE n27numorder_ds (id int PRIMARY KEY, g int, v numeric);
CREATE TABLE n27numorder_dt (id int PRIMARY KEY, w numeric(10,2));
INSERT INTO n27numorder_ds VALUES (1, 1, 1.5), (2, 1, 1.50), (3, 2, -0.5), (4, 2, -3), (5, 3, 103.00), (6, 3, 3.75), (7, 4, NULL);
INSERT INTO n27numorder_dt VALUES (1, 3.75), (2, 103.00), (3, -0.50);
SELECT g, sum(v) FROM (SELECT 1 AS z) s, n27numorder_ds GROUP BY g HAVING sum(v) > 3 ORDER BY 1;
WITH s AS (SELECT 1 AS z) SELECT g, sum(v) FROM s, n27numorder_ds GROUP BY g HAVING sum(v) > 3 ORDER BY 2;
WITH s AS (SELECT 1 AS z) SELECT g, sum(v) FROM s, n27numorder_ds GROUP BY g ORDER BY sum(v) DESC NULLS LAST;
WITH s AS (SELECT 1 AS z) SELECT id FROM s, n27numorder_ds ORDER BY coalesce(v, 0), id;
WITH s AS (SELECT 1 AS z) SELECT id FROM s, n27numorder_ds WHERE coalesce(v, 0) > 3 ORDER BY id;
WITH s AS (SELECT g AS gg FROM n27numorder_ds) SELECT n27numorder_dt.id FROM n27numorder_ds, n27numorder_dt WHERE w > 3 AND n27numorder_dt.id IN (SELECT gg FROM s) AND n27numorder_ds.id = 1 ORDER BY 1;
SELECT n27numorder_ds.id, w FROM (SELECT 1 AS z) s, n27numorder_ds JOIN n27numorder_dt USING (id) WHERE greatest(w, 4) > 5 ORDER BY 1;
