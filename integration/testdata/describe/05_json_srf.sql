-- Set-returning JSON functions in FROM: key text; value jsonb, json or
-- text (_text); ordinality int8; column alias lists keep the types.
CREATE TABLE rd_js (id int PRIMARY KEY, doc jsonb, arr jsonb);
SELECT * FROM jsonb_each('{"a": 1}');
SELECT * FROM jsonb_each_text('{"a": 1}');
SELECT * FROM json_each('{"a": 1}');
SELECT * FROM json_each_text('{"a": 1}');
SELECT * FROM jsonb_array_elements('[1]');
SELECT * FROM jsonb_array_elements_text('[1]');
SELECT * FROM json_array_elements('[1]');
SELECT * FROM json_array_elements_text('[1]');
SELECT * FROM jsonb_array_elements('[1]') WITH ORDINALITY;
SELECT k, v FROM jsonb_each('{"a": 1}') AS t(k, v);
SELECT e FROM jsonb_array_elements('[1]') e;
SELECT id, value FROM rd_js, jsonb_array_elements(rd_js.arr);
SELECT id, j.key, j.value FROM rd_js, jsonb_each(rd_js.doc) j;
SELECT id, v FROM rd_js, json_array_elements_text(rd_js.arr::json) AS e(v);
SELECT * FROM rd_js, jsonb_each(rd_js.doc) j;
SELECT j.* FROM rd_js, json_each(rd_js.doc::json) j;
SELECT e.* FROM jsonb_each('{"a": 1}') e;
SELECT * FROM rd_js, jsonb_array_elements(rd_js.arr) WITH ORDINALITY e;
SELECT rd_js.id, e.* FROM rd_js JOIN jsonb_array_elements_text(rd_js.arr) e ON true;
SELECT * FROM rd_js, jsonb_each_text(rd_js.doc) WITH ORDINALITY e;
