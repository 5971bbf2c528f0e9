-- || of an array column read through a derived table or CTE (a.ta of
-- FROM (SELECT * FROM t) a, a renamed column): its type was not looked up
-- through the derived relation, so a NULL array beside ARRAY['y'] became
-- {NULL,y} and int[] || 5 was text's '{1}5' (pgdialect/concat_columns.go
-- derivedColumnType). A conditional beside a shown array (nullif(ta, '{a}')
-- || ARRAY['q']) made its NULL an element too ({NULL,q}).
CREATE TABLE me_dc (id int PRIMARY KEY, ta text[], ia int[], j jsonb);
INSERT INTO me_dc VALUES (1, NULL, NULL, NULL), (2, '{a}', '{1}', '{"a": 1}'), (3, '{}', '{}', '[]');
SELECT id, a.ta || ARRAY['y'] FROM (SELECT * FROM me_dc) a ORDER BY id;
WITH d AS (SELECT * FROM me_dc) SELECT id, a.ta || ARRAY['y'], ARRAY['x'] || a.ta FROM d a ORDER BY id;
WITH d AS (SELECT * FROM me_dc) SELECT id, ta || ARRAY['y'] FROM d ORDER BY id;
SELECT id, a.x || ARRAY['y'] FROM (SELECT ta AS x, id FROM me_dc) a ORDER BY id;
SELECT id, x || ARRAY['y'] FROM (SELECT ta x, id FROM me_dc) a ORDER BY id;
SELECT id, a.ia || 5, 5 || a.ia, a.ia || a.ia FROM (SELECT * FROM me_dc) a ORDER BY id;
WITH d AS (SELECT id, ia FROM me_dc) SELECT id, ia || '{7}' FROM d ORDER BY id;
SELECT id, a.ta || NULL, a.ta || '{}'::text[] FROM (SELECT * FROM me_dc) a ORDER BY id;
SELECT id, a.ta || 'z' FROM (SELECT * FROM me_dc) a ORDER BY id;
SELECT id, a.j || '{"b": 2}' FROM (SELECT * FROM me_dc) a ORDER BY id;
SELECT DISTINCT (a.ta || ARRAY['a', 'b']) AS c FROM (SELECT * FROM me_dc) a ORDER BY 1;
SELECT id, coalesce(a.ia, '{9}') || 4, CASE WHEN a.id > 1 THEN a.ia END || 7 FROM (SELECT * FROM me_dc) a ORDER BY id;
-- differs-type: || of a conditional (or a derived column's conditional) beside an array is described text where PostgreSQL says the array type (same values)
SELECT id, nullif(ta, '{a}') || ARRAY['q'], coalesce(ta, '{}') || ARRAY['q'], CASE WHEN id > 1 THEN ta END || ARRAY['r'], ARRAY['s'] || nullif(ta, '{}') FROM me_dc ORDER BY id;
-- differs-type: || of a conditional (or a derived column's conditional) beside an array is described text where PostgreSQL says the array type (same values)
SELECT id, CASE WHEN id > 1 THEN 1 END || ARRAY[2], coalesce(ia, '{5}') || ARRAY[6], nullif(ia, '{1}') || ia FROM me_dc ORDER BY id;
-- differs-type: || of a conditional (or a derived column's conditional) beside an array is described text where PostgreSQL says the array type (same values)
SELECT id, nullif(a.ta, '{a}') || ARRAY['q'] FROM (SELECT * FROM me_dc) a ORDER BY id;
DROP TABLE me_dc;
