-- Boolean arrays built from booleans: SQLite keeps a boolean as 1/0, so
-- ARRAY[b], array_agg(b) and ARRAY(SELECT b ...) built {1,0}, printed {1}
-- untyped and compared unequal to a boolean[] column's {t,f}; now each
-- element is written t/f (pgdialect/bool_array.go) and the functions
-- reading the elements of ARRAY[...] take its type (array_ctor_types.go).
CREATE TABLE arr_bools (id int PRIMARY KEY, b boolean, ba boolean[]);
INSERT INTO arr_bools VALUES (1, true, '{t,f}'), (2, false, '{f}'), (3, true, ARRAY[true]), (4, NULL, '{NULL}');
SELECT id, ARRAY[b, NOT b] = ba, ARRAY[b]::text, ARRAY[id > 1]::text FROM arr_bools ORDER BY id;
SELECT ARRAY[b] = ba, ARRAY[b] = '{t}'::boolean[], ARRAY[b, 'yes', NULL]::text FROM arr_bools ORDER BY id;
SELECT ARRAY[true] = '{t}'::boolean[], ARRAY[true, false]::text;
SELECT array_agg(b ORDER BY id)::text, array_agg(b ORDER BY id) = '{t,f,t,NULL}'::boolean[], array_agg(id > 1 ORDER BY id) = '{f,t,t,t}' FROM arr_bools;
SELECT array_agg(DISTINCT b)::text, (array_agg(b) FILTER (WHERE id > 1))::text FROM arr_bools;
SELECT id, (array_agg(b) OVER (ORDER BY id))::text FROM arr_bools ORDER BY id;
SELECT ARRAY(SELECT b FROM arr_bools ORDER BY id)::text, ARRAY(SELECT id > 2 FROM arr_bools ORDER BY id) = '{f,f,t,t}';
SELECT ARRAY(SELECT b FROM arr_bools WHERE id < 3 UNION ALL SELECT false)::text;
SELECT to_jsonb(ARRAY[b]), to_json(ARRAY[b, id > 1]), to_jsonb(array_agg(b) OVER (ORDER BY id)) FROM arr_bools ORDER BY id;
SELECT jsonb_build_object('a', ARRAY[b]), json_build_array(ARRAY[b]), array_to_json(ARRAY[b]) FROM arr_bools ORDER BY id;
SELECT jsonb_agg(ARRAY[b] ORDER BY id) FROM arr_bools WHERE id < 3;
SELECT to_jsonb(ARRAY[id, id * 2]) FROM arr_bools WHERE id < 3 ORDER BY id;
SELECT id FROM arr_bools WHERE (ARRAY[b])[1] ORDER BY id;
SELECT id, x FROM arr_bools, unnest(ARRAY[b, NOT b]) x WHERE x ORDER BY id;
SELECT count(*) FROM arr_bools WHERE true = ANY (ARRAY[b]);
SELECT array_position(ba, true), array_position(ARRAY[b, NOT b], false), array_positions(ba, false)::text FROM arr_bools ORDER BY id;
SELECT array_append(ba, b)::text, array_append(ba, b) = '{t,f,t}', array_prepend(b, ba)::text FROM arr_bools ORDER BY id;
SELECT array_remove(ba, true)::text, array_replace(ba, true, false)::text FROM arr_bools ORDER BY id;
CREATE TABLE arr_bools2 (id int, bs boolean[]);
INSERT INTO arr_bools2 SELECT id, ARRAY[b, NOT b] FROM arr_bools;
INSERT INTO arr_bools2 SELECT 9, array_agg(b ORDER BY id) FROM arr_bools;
SELECT id, bs::text FROM arr_bools2 ORDER BY id;
SELECT count(*) FROM arr_bools2 JOIN arr_bools USING (id) WHERE bs = ARRAY[b, NOT b];
UPDATE arr_bools2 SET bs = ARRAY[false] WHERE id = 9 RETURNING bs::text, bs = ARRAY[false];
SELECT id FROM arr_bools2 WHERE bs @> ARRAY[true] ORDER BY id;
SELECT ARRAY[b, 'x'] FROM arr_bools;
DROP TABLE arr_bools2;
DROP TABLE arr_bools;
