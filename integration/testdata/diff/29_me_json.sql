-- jsonb_insert; a derived table's column named like the table (a column,
-- not the whole row); a set-returning function's alias named like
-- json_each's columns (key)
CREATE TABLE n29me_js (id int PRIMARY KEY, meta jsonb);
INSERT INTO n29me_js VALUES (1, '{"src": "web", "tags": ["a", "b"]}'), (2, '{"src": "app"}'), (3, NULL);
SELECT jsonb_insert('{"a": [1, 2]}', '{a,1}', '9'), jsonb_insert('{"a": [1, 2]}', '{a,1}', '9', true), jsonb_insert('{"a": [1, 2]}', '{a,-1}', '9'), jsonb_insert('{"a": [1, 2]}', '{a,-1}', '9', true);
SELECT jsonb_insert('{"a": [1, 2]}', '{a,5}', '9'), jsonb_insert('{"a": [1, 2]}', '{a,-5}', '9'), jsonb_insert('{"a": [1, 2]}', '{a,-5}', '9', true), jsonb_insert('[]', '{0}', '2');
SELECT jsonb_insert('{"a": 1}', '{b}', '2'), jsonb_insert('{"a": 1}', '{a,b}', '2'), jsonb_insert('{"a": {}}', '{x,b}', '2'), jsonb_insert('{"a": 1}', '{}', '2');
SELECT jsonb_insert(NULL, '{0}', '2'), jsonb_insert('[]', '{0}', NULL), pg_typeof(jsonb_insert('[]', '{0}', '2'));
SELECT jsonb_insert('{"a": 1}', '{a}', '2');
SELECT jsonb_insert('1', '{a}', '2');
SELECT jsonb_insert('[1]', '{x}', '2');
SELECT id, jsonb_insert(meta, '{tags,0}', '"z"') FROM n29me_js ORDER BY id;
SELECT jsonb_agg(v) FROM (VALUES (1, 'a', 10)) v(x, k, v);
SELECT jsonb_object_agg(k, v ORDER BY x) FROM (VALUES (1, 'a', 10), (2, 'b', 20)) v(x, k, v);
SELECT json_agg(s) FROM (SELECT 1 AS s, 2 AS t) s;
SELECT to_jsonb(v) FROM (VALUES (1, 10)) v(x, y);
SELECT key, count(*) FROM n29me_js, jsonb_object_keys(coalesce(meta, '{}')) key GROUP BY key ORDER BY key;
SELECT key FROM n29me_js, jsonb_object_keys(coalesce(meta, '{}')) AS key ORDER BY 1;
SELECT array_dims(ARRAY[1, 2, 3]), array_dims('{}'::int[]), array_dims(NULL::int[]), array_ndims(ARRAY['a']), pg_typeof(array_dims(ARRAY[1]));
-- a set-returning function aliased value
SELECT id, value FROM n29me_js, jsonb_array_elements(meta->'tags') value ORDER BY value DESC, id;
SELECT id, value FROM n29me_js, jsonb_array_elements_text(meta->'tags') value ORDER BY 1, 2;
SELECT id, value FROM n29me_js, jsonb_each(meta) value ORDER BY 1, 2;
