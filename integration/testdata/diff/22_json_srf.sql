-- Set-returning JSON functions in FROM show PostgreSQL's columns only:
-- jsonb_each[_text] (key, value), jsonb_array_elements[_text] (value),
-- WITH ORDINALITY, column alias lists, * and alias.*, the implicit
-- LATERAL after a table, jsonb's key order and printing, the errors.
CREATE TABLE js_doc (id int PRIMARY KEY, doc jsonb, arr jsonb, key text);
INSERT INTO js_doc VALUES (1, '{"bb": 2, "a": {"x": [1, 2]}, "c": "s"}', '[1, "x", null, {"k": true}]', 'k1'),
 (2, '{"z": null}', '[]', 'k2'), (3, '{}', '[[1], 2.50]', NULL);
SELECT * FROM jsonb_each('{"a":1,"b":[2]}');
SELECT * FROM jsonb_each('{"bb":1,"a":"x","c":{"z":1},"aa":null}');
SELECT * FROM jsonb_each_text('{"bb":1,"a":"x","c":{"z":1},"aa":null}');
SELECT * FROM jsonb_array_elements('[1,"x",null,{"b":1,"a":[true]}]');
SELECT * FROM jsonb_array_elements_text('[1,"x",null,{"b":1,"a":[true]}]');
SELECT * FROM json_array_elements_text('[1,"x",null]');
SELECT value FROM jsonb_array_elements('[1,"x"]');
SELECT e FROM jsonb_array_elements('[1,"e"]') e;
SELECT e, e->>'a' FROM jsonb_array_elements('[{"a":"q"},{"a":2}]') AS e;
SELECT x FROM jsonb_array_elements('[1,2]') AS t(x);
SELECT t.x FROM jsonb_array_elements_text('["p","q"]') t(x);
SELECT k, v FROM jsonb_each('{"a":1,"b":"two"}') AS t(k, v);
SELECT * FROM jsonb_each('{"a":1}') AS t(k);
SELECT * FROM jsonb_each('{}') AS t(a, b, c);
SELECT count(*) FROM jsonb_each('{"a":1,"b":2,"c":3}');
SELECT count(*) FROM jsonb_array_elements('[]');
SELECT jsonb_each.key FROM jsonb_each('{"a":1}');
-- differs-type: alias.* of a json table function is described by its values (value as text)
SELECT e.* FROM jsonb_each('{"b":1,"a":2}') e;
SELECT key FROM jsonb_array_elements('[1]');
-- differs-message: the missing column is named quoted
SELECT e.type FROM jsonb_each('{"a":1}') e;
SELECT * FROM jsonb_array_elements('[5,6]') WITH ORDINALITY;
SELECT x, n FROM jsonb_array_elements('[5,6]') WITH ORDINALITY AS t(x, n);
SELECT * FROM jsonb_each_text('{"b":"y","a":null}') WITH ORDINALITY;
SELECT * FROM jsonb_each('{"b":"y","a":null}') WITH ORDINALITY AS t(k, v, n);
SELECT * FROM jsonb_array_elements(jsonb_build_array(1, 'x', jsonb_build_object('k', 2)));
SELECT * FROM jsonb_array_elements('[null]');
SELECT * FROM jsonb_array_elements_text('[null]');
SELECT * FROM jsonb_each(NULL);
SELECT * FROM jsonb_array_elements(NULL::jsonb);
SELECT * FROM jsonb_array_elements('null');
SELECT * FROM jsonb_array_elements('{"a":1}');
SELECT * FROM jsonb_array_elements_text('"s"');
SELECT * FROM jsonb_each('[1]');
SELECT * FROM jsonb_each('3');
-- differs-message: the _text variants' errors name jsonb_each
SELECT * FROM jsonb_each_text('"s"');
-- differs-message: no DETAIL on where the JSON text ends
SELECT * FROM jsonb_each('{"a":') ;
SELECT * FROM jsonb_object_keys('{"b":1,"a":2,"aa":3}');
SELECT value::int + 1 FROM jsonb_array_elements('[1,2]') ORDER BY 1 DESC;
SELECT key, value FROM jsonb_each('{"a":1,"b":2}') WHERE value::int > 1;
-- differs-type: * beside a table a json table function reads describes value by its values (text)
SELECT * FROM js_doc, jsonb_each(js_doc.doc) j ORDER BY id, 5;
-- differs-type: alias.* beside a table describes value by its values (text)
SELECT j.* FROM js_doc, jsonb_each(js_doc.doc) j ORDER BY 1;
-- differs: jsonb values of a json table function after a table it reads sort as text
SELECT id, e FROM js_doc, jsonb_array_elements(js_doc.arr) e ORDER BY id, e;
SELECT * FROM js_doc t, jsonb_array_elements_text(t.arr) e ORDER BY 1, 5;
-- differs: alias.* beside a table describes value by its values (text), and jsonb values sort as text
SELECT js_doc.id, e.* FROM js_doc JOIN jsonb_array_elements(js_doc.arr) e ON true ORDER BY 1, 2;
-- differs: jsonb values of a json table function after a table it reads sort as text
SELECT id, value FROM js_doc, jsonb_array_elements(js_doc.arr) ORDER BY 1, 2;
SELECT id, count(*) FROM js_doc, jsonb_each(js_doc.doc) GROUP BY id ORDER BY id;
SELECT id, j.key, j.value FROM js_doc CROSS JOIN LATERAL jsonb_each_text(js_doc.doc) j ORDER BY 1, 2;
SELECT id, e.type FROM js_doc, jsonb_array_elements(js_doc.arr) e;
SELECT e.key FROM js_doc, jsonb_array_elements(js_doc.arr) e;
SELECT key FROM js_doc, jsonb_array_elements(js_doc.arr) e ORDER BY 1;
-- differs: jsonb values of a json table function after a table it reads sort as text
SELECT id, v FROM js_doc, jsonb_array_elements(js_doc.arr) AS e(v) ORDER BY 1, 2;
SELECT id, e.k, v FROM js_doc, jsonb_each(js_doc.doc) e(k, v) ORDER BY 1, 2;
SELECT * FROM js_doc, jsonb_each(js_doc.doc) e(k, v, w);
SELECT id, e.ordinality FROM js_doc, jsonb_array_elements(js_doc.arr) WITH ORDINALITY e ORDER BY 1, 2;
-- differs-type: * beside a table a json table function reads describes value by its values (text)
SELECT * FROM js_doc, jsonb_array_elements(js_doc.arr) WITH ORDINALITY e ORDER BY 1, 6;
SELECT * FROM js_doc, jsonb_each_text(js_doc.doc) WITH ORDINALITY e ORDER BY 1, 7;
-- differs: SQLite's ambiguous column error carries no SQLSTATE (XX000, not 42702)
SELECT id, key, value FROM js_doc, jsonb_each_text(js_doc.doc) ORDER BY 1, 2;
SELECT * FROM js_doc, jsonb_each(js_doc.arr) j;
SELECT * FROM js_doc, jsonb_array_elements(js_doc.doc) j;
-- differs: json_each lists keys and prints values as jsonb does (jsonb's key order and spacing), not json's text
SELECT * FROM json_each('{"bb":1,"a":"x","c":{"z":1}}');
-- differs: json_array_elements prints elements as jsonb does, not as written
SELECT * FROM json_array_elements('[1, {"b":1,"a":2}]');
SELECT value FROM jsonb_array_elements('[2, "b", null, [1], {"a":1}, true, "a", 10]') ORDER BY value;
SELECT e FROM jsonb_array_elements('[2, "b", null, true]') e ORDER BY e DESC;
