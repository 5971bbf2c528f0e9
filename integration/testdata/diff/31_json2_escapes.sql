-- json functions that decode the text's escapes refuse an escaped NUL
-- (22P05) and a lone surrogate half (22P02) as PostgreSQL's do; json
-- input, json_typeof, json_array_length, json_array_elements do not
SELECT '"\u0000"'::json, '["\u0000", "\ud83d\ude00"]'::json, json_typeof('"\u0000"'), json_array_length('["\u0000"]');
SELECT '"\u0000"'::json ->> 0;
SELECT '["\u0000"]'::json ->> 0;
SELECT '["\u0000"]'::json -> 0;
SELECT '{"a":"\u0000x"}'::json -> 'a';
SELECT '[1, "\u0000"]'::json -> 0;
SELECT '[1, "\ud800"]'::json -> 0;
SELECT '[1, "\ud800\ud800"]'::json #> '{0}';
SELECT '[1, "\u0000"]'::json #> '{}';
SELECT '[1, "\u0000"]'::json #>> '{0}';
SELECT * FROM json_each('{"a":"\u0000"}');
SELECT * FROM json_each_text('{"a":"\ude00"}');
SELECT * FROM json_array_elements_text('["\u0000"]');
SELECT * FROM json_array_elements('[1, "\u0000"]');
SELECT json_object_keys('{"a":"\u0000"}');
SELECT json_object_keys('["\u0000"]');
SELECT json_strip_nulls('["\u0000"]');
SELECT to_jsonb('[1, "\u0000"]'::json);
SELECT jsonb_build_array('"\u0000"'::json);
SELECT '[1, "\u0000"]'::json::jsonb;
SELECT json_agg(x) FROM (VALUES ('"\u0000"'::json)) v(x);
SELECT '["\u00e9\u0041", "\ud83d\ude00"]'::json -> 1, '["\u00e9\u0041", "\ud83d\ude00"]'::json ->> 0, '{"\u0041":1}'::json -> 'A';
SELECT * FROM json_each_text('{"a":"\u00e9", "\u0062":"\ud83d\ude00"}');
CREATE TABLE json2_esc (id int PRIMARY KEY, j json);
INSERT INTO json2_esc VALUES (1, '{"a": "\u0000"}'), (2, '{"a": "ok"}');
SELECT id, j FROM json2_esc ORDER BY id;
SELECT id, j::text FROM json2_esc ORDER BY id;
SELECT id, j::jsonb FROM json2_esc ORDER BY id;
SELECT json_build_array(x), to_json(x) FROM (VALUES ('"\u0000"'::json)) v(x);
