-- json and jsonb columns under the json operators, casts, aggregates and
-- writes; the remaining differences of a column whose type only the
-- catalog knows are marked
CREATE TABLE json2_d (id int PRIMARY KEY, j jsonb, t json);
INSERT INTO json2_d VALUES (1, '{"a": [1, 2], "n": 1.50}', '{"a" : [1,2], "n":1.50}'), (2, '[1, "x", null]', '[1,"x" , null]'), (3, '"s"', '"s"'), (4, 'null', 'null'), (5, NULL, NULL);
SELECT id, j -> 'a', t -> 'a', j ->> 'n', t ->> 'n', j #> '{a,0}', t #> '{a,1}', t #>> '{}' FROM json2_d ORDER BY id;
SELECT id, j -> 1, t -> 1, j ->> -1, t ->> 2, j -> 0, t -> 0 FROM json2_d ORDER BY id;
SELECT id, jsonb_typeof(j), json_typeof(t) FROM json2_d ORDER BY id;
SELECT id, j::int FROM json2_d WHERE id = 3;
-- differs: a json column cast to numeric reads the text with numeric's input (PostgreSQL 42846)
SELECT id, t::numeric FROM json2_d WHERE id = 1;
SELECT j FROM json2_d ORDER BY j NULLS FIRST;
SELECT id, e.* FROM json2_d, jsonb_array_elements(j) e WHERE id = 2;
SELECT id, e.* FROM json2_d, json_array_elements(t) e WHERE id = 2;
SELECT id, e.key, e.value FROM json2_d, json_each(t) e WHERE id = 1;
SELECT json_agg(t ORDER BY id), jsonb_agg(j ORDER BY id) FROM json2_d;
SELECT json_object_agg(id, t ORDER BY id), jsonb_object_agg(id, j ORDER BY id) FROM json2_d;
UPDATE json2_d SET j = jsonb_set(j, '{a,0}', to_jsonb(id * 10)) WHERE id = 1;
UPDATE json2_d SET j = j #- '{1}' WHERE id = 2;
UPDATE json2_d SET j = jsonb_set_lax(j, '{n}', NULL, true, 'delete_key') WHERE id = 1;
SELECT id, j FROM json2_d ORDER BY id;
