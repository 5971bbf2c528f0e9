-- to_hex's result is text and sorts by its bytes: over a CASE of integer
-- columns (which carries the collation of numeric values) SQLite's
-- function result took that collation, and 80000000 sorted before
-- 7fffffff (the differential fuzz tester, seed 841117).
CREATE TABLE fz39b_th (id int, i4 int4, i8 int8);
INSERT INTO fz39b_th VALUES (1, 2147483647, 10), (2, -2147483648, -1), (3, 7, 255), (4, 10, NULL);
SELECT to_hex(CASE WHEN true THEN i4 ELSE -2147483648 END) AS c FROM fz39b_th ORDER BY 1;
SELECT to_hex(i4 * 1) AS c FROM fz39b_th WHERE to_hex(i4 + 0) > '7' ORDER BY c;
DROP TABLE fz39b_th;
