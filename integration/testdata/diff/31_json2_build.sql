-- row_to_json(row, pretty); json_build_object/jsonb_build_object key errors
-- (a NULL key 22023, an array or JSON container key 22023)
SELECT row_to_json(t, true) FROM (SELECT 1 AS a, 'x' AS b) t;
SELECT row_to_json(t, false), row_to_json(t, NULL) FROM (SELECT 1 AS a, 'x' AS b) t;
SELECT row_to_json(t, true) FROM (SELECT 1 AS a, '{"x": [1,2]}'::jsonb AS b, '{"y" : 1}'::json AS c, ARRAY[1,2] AS d, NULL::text AS "e f", true AS g) t;
SELECT row_to_json(t, true) FROM (SELECT 1 AS a) t;
SELECT row_to_json(t, 1 > 0) FROM (VALUES (1, 'p')) t(x, y);
CREATE TABLE json2_rows (id int PRIMARY KEY, name text, tags text[]);
INSERT INTO json2_rows VALUES (1, 'a', '{x,y}'), (2, NULL, NULL);
SELECT row_to_json(r, true) FROM json2_rows r ORDER BY id;
SELECT row_to_json(r) FROM json2_rows r ORDER BY id;
SELECT json_build_object('a', 1, 'b');
SELECT jsonb_build_object('a', 1, 'b');
SELECT json_build_object(NULL, 1);
SELECT jsonb_build_object(NULL, 1);
SELECT json_build_object(ARRAY[1], 1);
SELECT jsonb_build_object(ARRAY['a'], 1);
SELECT jsonb_build_object('{"a":1}'::jsonb, 1);
SELECT json_build_object('[1]'::json, 1);
SELECT json_build_object(1, 2, true, 3, 1.5, 4, 'x', 5), jsonb_build_object(1, 2, true, 3, 1.50, 4), json_build_object('"q"', 1);
