-- A jsonb scalar is a one-element array to -> and ->> with an index (0
-- or -1), also at the end of a chain over a column: j -> 'a' -> -1 of
-- {"a": 2} is 2. The chain's outer -> did not know the column was jsonb
-- and answered NULL (pgdialect/json_column_get.go; the differential fuzz
-- tester, seed 822227). A json column's scalar is no array.
CREATE TABLE fz38_jc (id int, j jsonb, js json);
INSERT INTO fz38_jc VALUES (1, '{"a": 1, "b": [1, 2]}', '{"a": 1}'), (2, '{"a": "x"}', '{"a": "x"}'), (3, '[1, "two"]', '[1]'), (4, '{"a": 2, "b": [[3]]}', '{"a": [2]}'), (5, NULL, NULL);
SELECT id, j -> 'a' -> -1 AS m1, (j -> 'a') -> 0 AS z, j -> 'a' ->> 0 AS t, j #> '{a}' -> 0 AS p, j -> 'a' -> 1 AS one FROM fz38_jc ORDER BY id;
SELECT id, j -> 'b' -> 0 -> 0 AS bb, j -> 1 -> 0 AS e FROM fz38_jc ORDER BY id;
SELECT id, js -> 'a' -> 0 AS js0, js -> 'a' ->> -1 AS jst FROM fz38_jc ORDER BY id;
SELECT id, q.j -> 'a' -> -1 AS d FROM (SELECT * FROM fz38_jc) q ORDER BY id;
SELECT DISTINCT j -> 'a' -> -1 AS c FROM fz38_jc ORDER BY 1;
DROP TABLE fz38_jc;
