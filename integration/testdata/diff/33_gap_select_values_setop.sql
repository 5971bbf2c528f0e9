-- a set operation of a SELECT and a VALUES list is typed as PostgreSQL
-- types it: the common type of the select list's items and the list's
-- rows' columns
CREATE TABLE gap_sv (i int, n numeric, t text);
INSERT INTO gap_sv VALUES (1, 1.50, 'x');
SELECT 1 UNION VALUES (2.5) ORDER BY 1;
SELECT 1 AS a UNION ALL VALUES (2.5), (3) ORDER BY 1;
VALUES (2.5) UNION SELECT 1 ORDER BY 1;
SELECT i FROM gap_sv UNION ALL VALUES (2::bigint) ORDER BY 1;
SELECT n FROM gap_sv UNION ALL VALUES (2) ORDER BY 1;
SELECT i, t FROM gap_sv UNION ALL VALUES (2, 'y') ORDER BY 1;
SELECT 'a' UNION VALUES ('b') ORDER BY 1;
SELECT 1 UNION VALUES ('x');
SELECT i FROM gap_sv UNION VALUES (2.5) EXCEPT SELECT 1 ORDER BY 1;
DROP TABLE gap_sv;
