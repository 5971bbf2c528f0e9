-- A CASE is of its branches' common type: CASE WHEN c THEN 1 ELSE i8
-- END over an int8 column is int8. Typed by its first branch, the int4
-- constant, arithmetic over it was checked as int4's: 22003 integer out
-- of range where PostgreSQL answers (pgdialect/case_numeric_type.go; the
-- differential fuzz tester, seed 820088).
CREATE TABLE fz38_cn (id int, i2 int2, i4 int4, i8 int8, n numeric, f8 float8);
INSERT INTO fz38_cn VALUES (1, 0, 0, 0, 0, 0), (2, -1, -7, -9000000000, -2.5, -0.5), (3, 7, 2147483647, 7, 1.5, 1e300), (4, NULL, NULL, NULL, NULL, NULL);
SELECT id, CASE WHEN id > 100 THEN 1 ELSE i8 END + i4 AS c FROM fz38_cn ORDER BY id;
SELECT id, CASE WHEN id > 2 THEN 2147483647 ELSE i8 END + 1 AS c FROM fz38_cn ORDER BY id;
SELECT id, CASE WHEN id > 2 THEN 1 ELSE i8 END AS c, CASE WHEN id > 2 THEN 1.5 ELSE i2 END * 2 AS e, CASE WHEN id > 2 THEN 1 ELSE f8 END / 4 AS f FROM fz38_cn ORDER BY id;
SELECT id, CASE WHEN id > 100 THEN 1 ELSE i8 END + i4 AS c FROM (SELECT * FROM fz38_cn) q ORDER BY id;
WITH d AS (SELECT * FROM fz38_cn) SELECT id, CASE WHEN id > 100 THEN cardinality(ARRAY[i4]) ELSE greatest(i8, i4) END + i4 AS c FROM d ORDER BY c, id;
SELECT id, CASE WHEN id = 3 THEN 1 ELSE i2 END + 32767 AS c FROM fz38_cn ORDER BY id;
SELECT id, CASE WHEN id = 3 THEN 1 ELSE i4 END + 2147483647 AS c FROM fz38_cn ORDER BY id;
DROP TABLE fz38_cn;
