-- to_json and the JSON constructors print a char(n) value padded to n
-- (a cast to char(n), a char(n) column, a table's row)
SELECT to_json('x'::char(3)), to_jsonb('x'::char(3)), json_build_object('k', 'ab'::char(4)), json_build_array('a'::character(2)), to_json(''::char(2)), jsonb_build_object('k', CAST('a' AS char(3)));
SELECT to_json('x'::char), to_json('x'::varchar(3)), to_json('abcd'::char(2));
CREATE TABLE json2_ch (id int PRIMARY KEY, c char(4), v varchar(5));
INSERT INTO json2_ch VALUES (1, 'ab', 'ab '), (2, NULL, NULL);
SELECT to_json(c), to_jsonb(c), to_json(v), json_build_object('c', c) FROM json2_ch ORDER BY id;
SELECT jsonb_agg(c ORDER BY id), json_agg(c ORDER BY id) FROM json2_ch;
SELECT row_to_json(t) FROM json2_ch t ORDER BY id;
SELECT to_jsonb(t) FROM json2_ch t ORDER BY id;
SELECT row_to_json(s) FROM (SELECT c, 'q'::char(2) AS d FROM json2_ch WHERE id = 1) s;
