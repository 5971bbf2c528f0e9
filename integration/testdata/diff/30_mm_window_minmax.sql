-- min and max of a numeric column as window functions: PostgreSQL folds
-- numeric_larger / numeric_smaller over each frame's rows in order (they
-- have no inverse transition), so of equal values (1.5, 1.50, 1.500) the
-- last row of the frame holding the extreme value gives the result, with
-- its scale; SQLite's min/max kept the first. Every frame here orders its
-- rows by the unique id, so the rows' order is PostgreSQL's too.
CREATE TABLE mm_wm (id int PRIMARY KEY, g int, n numeric);
INSERT INTO mm_wm VALUES (1, 1, 1.5), (2, 1, 1.50), (3, 1, NULL), (4, 1, 1.500), (5, 2, 2.0), (6, 2, 2), (7, 2, 1.0), (8, 2, 1), (9, 2, 2.00), (10, 3, NULL);
-- the default frame: a running max/min
SELECT id, max(n) OVER (ORDER BY id), min(n) OVER (ORDER BY id) FROM mm_wm ORDER BY id;
SELECT id, max(n) OVER (PARTITION BY g ORDER BY id) AS mx, min(n) OVER (PARTITION BY g ORDER BY id) AS mn FROM mm_wm ORDER BY id;
-- a frame that excludes rows is folded again for each row (a frame whose
-- head moves, ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING, already kept the
-- last: SQLite reads its min/max from an index of the frame's values;
-- sqlexec's TestNumericWindowMinMaxFrames checks those)
SELECT id, max(n) OVER (PARTITION BY g ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW) FROM mm_wm ORDER BY id;
SELECT id, max(n) OVER w AS mx, min(n) OVER w AS mn FROM mm_wm WINDOW w AS (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE GROUP) ORDER BY id;
-- FILTER, and the call inside an expression
SELECT id, max(n) FILTER (WHERE id <> 4) OVER (PARTITION BY g ORDER BY id) FROM mm_wm ORDER BY id;
SELECT id, max(n) OVER (ORDER BY id) + 0 AS m, pg_typeof(min(n) OVER (ORDER BY id)) AS t FROM mm_wm ORDER BY id;
DROP TABLE mm_wm;
