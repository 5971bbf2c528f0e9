-- Arithmetic whose right operand is round()/trunc() of a constant keeps
-- its run-time type: the call's marking overwrote the operator's end, so
-- coalesce(i2, id * round(-1.5)) had no numeric sort key and sorted -12
-- after 32767 (numeric text after numbers; the differential fuzz tester,
-- seed 840500).
CREATE TABLE fz39b_ro (id int, i2 int2, n numeric);
INSERT INTO fz39b_ro VALUES (1, 0, 1), (2, -1, -2.5), (3, 32767, 10), (4, -32768, 0.5), (5, 7, 100), (6, NULL, NULL), (7, 3, -0.5), (8, NULL, 2);
SELECT coalesce(i2, id * round(-1.5)) AS c FROM fz39b_ro ORDER BY 1 NULLS FIRST;
SELECT coalesce(i2, (100 * id) * round(-1.5)) AS c FROM fz39b_ro ORDER BY 1 DESC;
SELECT id, id * trunc(2.5) AS c FROM fz39b_ro ORDER BY 2 DESC, 1;
SELECT id, coalesce(i2, n * round(n)) AS c FROM fz39b_ro ORDER BY 2, 1;
SELECT greatest(i2, id * round(-1.5)) AS c, count(*) FROM fz39b_ro GROUP BY 1 ORDER BY 1;
DROP TABLE fz39b_ro;
