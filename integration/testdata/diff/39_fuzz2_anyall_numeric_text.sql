-- x op ANY/ALL (ARRAY[...]) whose left operand is numeric text of no
-- affinity (greatest(3, div(3, id)), numeric arithmetic) compares each
-- element by value: SQLite ordered every number before any text, so
-- greatest(3, div(3, id)) < ANY(ARRAY[32767, NULL]) was false on every
-- row (the differential fuzz tester, seed 841215).
CREATE TABLE fz39b_aa (id int, i4 int4, n numeric);
INSERT INTO fz39b_aa VALUES (1, 0, 0), (2, -7, -2.5), (3, 2147483647, 12345.678), (4, 10, 0.5), (5, NULL, NULL);
SELECT id FROM fz39b_aa WHERE greatest(3, div(3, id)) < ANY(ARRAY[32767, NULL]) ORDER BY id;
SELECT id FROM fz39b_aa WHERE n + 1 >= ALL(ARRAY[1.5, 2]) ORDER BY id;
SELECT id FROM fz39b_aa WHERE n * 2 < ANY(ARRAY[i4, 1]) ORDER BY id;
SELECT id FROM fz39b_aa WHERE round(n, 1) <= ANY('{0.5,100}'::numeric[]) ORDER BY id;
SELECT id, n < ANY(ARRAY[1, 10]) AS a, i4 > ALL(ARRAY[5, 100]) AS b FROM fz39b_aa ORDER BY id;
DROP TABLE fz39b_aa;
