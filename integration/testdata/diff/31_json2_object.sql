-- json_object / jsonb_object of a text[] of alternating keys and values or
-- of keys and values arrays (SQLite's json_object answered them before)
SELECT json_object('{a,1,b,2}'), json_object('{a,b}', '{1,2}'), jsonb_object('{a,1,b,2}'), jsonb_object('{a,b}', '{1,NULL}');
SELECT json_object('{a,1,b}');
SELECT jsonb_object('{a,1,b}');
SELECT json_object('{a,b}', '{1}');
SELECT jsonb_object('{a,b}', '{1}');
SELECT json_object('{}', '{1}');
SELECT json_object('{NULL,1}');
SELECT jsonb_object('{a,NULL}', '{1,2}');
SELECT json_object('{}'), jsonb_object('{}'), json_object('{b,1,a,2,b,3}'), jsonb_object('{b,1,a,2,b,3}'), json_object('{}', '{}');
SELECT json_object(NULL::text[]), json_object('{a}', NULL), jsonb_object(NULL, '{a}');
SELECT json_object('{"a b","x\"y", c, NULL}'), json_object(ARRAY['a','1']), json_object(ARRAY['k'], ARRAY['v']), jsonb_object('{a,1}'::text[]);
SELECT pg_typeof(json_object('{a,1}')), pg_typeof(jsonb_object('{a,1}'));
SELECT json_object('{a,1}') -> 'a', jsonb_object('{a,1}') ->> 'a';
CREATE TABLE json2_obj (id int PRIMARY KEY, k text[], v text[]);
INSERT INTO json2_obj VALUES (1, '{a,b}', '{x,y}'), (2, '{c}', '{NULL}'), (3, NULL, '{}');
SELECT id, json_object(k, v), jsonb_object(k, v) FROM json2_obj ORDER BY id;
INSERT INTO json2_obj SELECT 4, '{z}', ARRAY[jsonb_object('{a,1}')::text];
SELECT id, jsonb_object(k, v) FROM json2_obj WHERE id = 4;
