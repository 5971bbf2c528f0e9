-- A boolean array cast to an array of a string type: PostgreSQL casts
-- each element with boolean's cast to text (true/false), while the
-- array's own output and array_to_string write t/f. The string array
-- input read the boolean array's t/f text ({t}); now a boolean array
-- argument is written true/false first, and of ARRAY[...] only the
-- boolean elements are cast (pgdialect/bool_array_text.go).
CREATE TABLE arrjson_bt (id int PRIMARY KEY, b boolean, i int, s text, ba boolean[]);
INSERT INTO arrjson_bt VALUES (1, true, 10, 'x', '{t,f,NULL}'), (2, false, 20, 'y', '{f}'), (3, NULL, NULL, NULL, NULL);
SELECT id, ARRAY[b]::text[], ARRAY[b]::text, array_to_string(ARRAY[b], ','), (ARRAY[b])::varchar[], ARRAY[b, 'yes']::text[], ARRAY[b, NULL]::text[] FROM arrjson_bt ORDER BY id;
SELECT id, ba::text[], ba::varchar[], cast(ba AS text[]), ba::text[]::text, array_to_string(ba::text[], ','), array_to_string(ba, ',') FROM arrjson_bt ORDER BY id;
SELECT ARRAY[true, 1 > 2]::text[], '{t,f}'::boolean[]::text[], ARRAY[s]::text[], ARRAY[i]::text[] FROM arrjson_bt ORDER BY id;
SELECT id, (ARRAY[true] || ba)::text[], (array_agg(b) OVER (ORDER BY id))::text[] FROM arrjson_bt ORDER BY id;
SELECT (SELECT array_agg(b ORDER BY id) FROM arrjson_bt)::text[], ARRAY(SELECT b FROM arrjson_bt ORDER BY id)::text[], (SELECT array_agg(id ORDER BY id) FROM arrjson_bt)::text[];
SELECT array_agg(b ORDER BY id)::text[], array_agg(b ORDER BY id)::text, string_agg(b::text, ',' ORDER BY id) FROM arrjson_bt;
DROP TABLE arrjson_bt;
