-- Integer columns beside a numeric column in a CASE, coalesce or ARRAY
-- are numeric values: SQLite orders any integer before any text, and a
-- set operation's column of CASE WHEN b THEN i4 ELSE n2 END beside a
-- numeric column ordered 3 and 2147483647 before -2.5 (the differential
-- fuzz tester, seed 842722).
CREATE TABLE fz3_ni (id int4, i2 int2, i4 int4, i8 int8, n numeric, n2 numeric(10,2), b bool);
INSERT INTO fz3_ni VALUES (1, 0, 0, 0, 0, 0.00, false), (2, -1, -7, -9000000000, -2.5, -2.50, true), (3, 32767, 2147483647, 9223372036854775807, 12345.678, 99999999.99, true),
 (4, 7, 7, 7, 1.5, 1.50, NULL), (5, NULL, NULL, NULL, NULL, NULL, NULL), (6, 3, 3, 3, -0.5, -0.50, true), (7, 3, 10, 100, 100, 100.00, false);
SELECT n AS c1 FROM fz3_ni WHERE i4 NOT IN (SELECT 3) UNION SELECT CASE WHEN coalesce(b, b) THEN i4 ELSE n2 END AS c1 FROM fz3_ni WHERE i2 IS NOT NULL ORDER BY 1;
SELECT n AS c1 FROM fz3_ni UNION ALL SELECT coalesce(i8, n) FROM fz3_ni ORDER BY 1 DESC;
SELECT id, coalesce(i8, n) AS c, ARRAY[i2, n2] AS r, greatest(i4, n2) AS g FROM fz3_ni ORDER BY 2, 1;
SELECT DISTINCT coalesce(i2, n2) AS c FROM fz3_ni ORDER BY 1;
SELECT id FROM fz3_ni WHERE coalesce(i4, n2) = 3 OR CASE WHEN b THEN i4 ELSE n2 END > 2 ORDER BY 1;
SELECT sum(coalesce(i4, n2)) AS s, max(CASE WHEN b THEN i8 ELSE n END) AS m, avg(coalesce(i2, n)) AS a FROM fz3_ni;
DROP TABLE fz3_ni;
