-- jsonb values order as PostgreSQL's jsonb btree opclass: null < string <
-- number < boolean < array < object (an empty top-level array first),
-- numbers by value, arrays and objects by size then member by member;
-- in a plain table's column and in a json table function's value beside
-- the table it reads. json (not jsonb) table functions keep the text.
CREATE TABLE jo_val (id int PRIMARY KEY, j jsonb, t json);
INSERT INTO jo_val VALUES (1, '2', '2'), (2, '"b"', '"b"'), (3, 'null', 'null'), (4, '[1]', '[1]'),
 (5, '{"a": 1}', '{"a": 1}'), (6, 'true', 'true'), (7, '"a"', '"a"'), (8, '10', '10'),
 (9, '[]', '[]'), (10, '{}', '{}'), (11, 'false', 'false'), (12, '1.50', '1.50'),
 (13, '[1, 2]', '[1, 2]'), (14, '[0, 5]', '[0, 5]'), (15, '{"b": 0}', '{"b": 0}'),
 (16, '{"a": 1, "b": 2}', '{"a": 1, "b": 2}'), (17, '1.5', '1.5'), (18, '-3', '-3'), (19, NULL, NULL),
 (20, '{"aa": 0}', '{"aa": 0}'), (21, '""', '""');
SELECT id, j FROM jo_val ORDER BY j, id;
SELECT id, j FROM jo_val ORDER BY j DESC, id;
SELECT j FROM jo_val ORDER BY j NULLS FIRST, id LIMIT 3;
SELECT DISTINCT j FROM jo_val WHERE id IN (12, 17, 1, 8) ORDER BY j;
SELECT j, count(*) FROM jo_val GROUP BY j HAVING count(*) > 1 ORDER BY j;
SELECT id FROM jo_val WHERE j > '1' AND j < 'true' ORDER BY id;
SELECT id FROM jo_val WHERE j = '1.5' ORDER BY id;
SELECT id FROM jo_val WHERE j >= '[]' ORDER BY j, id;
SELECT a.id, b.id FROM jo_val a JOIN jo_val b ON a.j = b.j AND a.id < b.id ORDER BY 1, 2;
SELECT j->'a' AS a FROM jo_val WHERE j ? 'a' ORDER BY j->'a' DESC;
SELECT id, j FROM jo_val WHERE id > 3 ORDER BY j::text, id;
SELECT max(id) FROM jo_val GROUP BY j ORDER BY j NULLS FIRST LIMIT 4;
CREATE TABLE jo_doc (id int PRIMARY KEY, doc jsonb, arr jsonb, jdoc json, key text);
INSERT INTO jo_doc VALUES
 (1, '{"n": 10, "s": "x", "b": false, "o": {"k": 1}, "a": [2], "z": null}', '[10, "x", 2, null, true, [], {}]',
  '{"n" : 10,  "s": "x", "n": 2, "o": {"k" :1}}', 'k'),
 (2, '{"n": 2.0, "s": "", "l": [1, 2, 3]}', '[2.0, "", [1, [2]], {"a": null}]', '{"b":1}', NULL);
SELECT id, e FROM jo_doc, jsonb_array_elements(jo_doc.arr) e ORDER BY e, id;
SELECT id, e FROM jo_doc, jsonb_array_elements(jo_doc.arr) e ORDER BY e DESC, id;
SELECT DISTINCT e FROM jo_doc, jsonb_array_elements(jo_doc.arr) e ORDER BY e;
SELECT e, count(*) FROM jo_doc, jsonb_array_elements(jo_doc.arr) e GROUP BY e ORDER BY e;
SELECT id, j.key, j.value FROM jo_doc, jsonb_each(jo_doc.doc) j ORDER BY j.value, id, j.key;
SELECT id, j.key FROM jo_doc, jsonb_each(jo_doc.doc) j WHERE j.value = '2' ORDER BY 1, 2;
SELECT id, j.key FROM jo_doc, jsonb_each(jo_doc.doc) j WHERE j.value > '"x"' ORDER BY 1, 2;
SELECT id, v FROM jo_doc, jsonb_each(jo_doc.doc) AS e(k, v) ORDER BY v DESC, id;
SELECT jo_doc.id, w.* FROM jo_doc, jsonb_each(jo_doc.doc) w ORDER BY 2, 1;
SELECT * FROM jo_doc, jsonb_array_elements(jo_doc.arr) WITH ORDINALITY x ORDER BY 7, 1;
SELECT id, value FROM jo_doc, jsonb_array_elements_text(jo_doc.arr) ORDER BY value, id;
SELECT id, value FROM jo_doc, jsonb_array_elements(jo_doc.arr) WHERE value IN (SELECT j FROM jo_val) ORDER BY value, id;
SELECT id, key, value FROM jo_doc, jsonb_each(jo_doc.doc) ORDER BY 1, 2;
SELECT id, value FROM jo_doc, LATERAL jsonb_array_elements(jo_doc.arr) WHERE id IN (SELECT id FROM jo_val WHERE j = '2') ORDER BY value, id;
SELECT id, value FROM jo_doc, LATERAL jsonb_array_elements(jo_doc.arr) e ORDER BY value DESC, id;
SELECT * FROM jo_doc CROSS JOIN LATERAL jsonb_array_elements(jo_doc.arr) e WHERE jo_doc.id = 2 ORDER BY value, id;
SELECT d.id, e.* FROM jo_doc d, json_each(d.jdoc) e ORDER BY 1;
SELECT d.id, e.* FROM jo_doc d, json_each_text(d.jdoc) e ORDER BY 1;
SELECT * FROM jo_doc d, json_array_elements('[ 1,  {"b" :2, "a":1} ]'::json) e ORDER BY 1;
SELECT * FROM json_each('{"a" : 1, "a": [1,  2], "b": "x\u00e9"}');
SELECT * FROM json_each_text('{"a" : 1, "a": [1,  2], "b": "x\u00e9", "c": null}');
SELECT * FROM json_array_elements('[ 1.50 ,  {"b" :2, "a":1} , "s" , null ]');
SELECT * FROM json_array_elements_text('[ 1.50 ,  {"b" :2, "a":1} , "s\n" , null ]');
SELECT * FROM json_array_elements('[1, [2, 3]]') WITH ORDINALITY;
SELECT count(*) FROM json_each('{"a": 1, "a": 2}');
SELECT * FROM json_each('"s"');
SELECT * FROM json_each('[1]');
SELECT * FROM json_each_text('null');
SELECT * FROM json_array_elements('{"a": 1}');
SELECT * FROM json_array_elements_text('3');
SELECT * FROM jsonb_each_text('[1]');
SELECT * FROM jsonb_array_elements_text('{}');
SELECT id, key FROM jo_doc, jsonb_each(jo_doc.doc) ORDER BY 1, 2;
SELECT id, e.atom FROM jo_doc, jsonb_array_elements(jo_doc.arr) e;
SELECT id FROM jo_doc, jsonb_array_elements(jo_doc.arr) e WHERE e.nope = 1;
-- differs-message: a json_each column name the table lacks is named qualified with the table (column jo_val.key)
SELECT key FROM jo_val, jsonb_array_elements(jo_val.j) e WHERE id = 4;
