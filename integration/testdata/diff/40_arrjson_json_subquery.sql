-- A JSON constructor's argument that is a subquery: ARRAY(SELECT b ...)
-- is a JSON array of its item's type and (SELECT b ...) the item's JSON,
-- where SQLite hands over the array's text {t,f} and the stored 1
-- (pgdialect/json_subquery_type.go); json_agg puts "\n " before an
-- array as before a row (json_text.go's jsonArrayMark).
SET TIME ZONE 'America/New_York';
CREATE TABLE arrjson_js (id int PRIMARY KEY, b boolean, i int, s text, d date, tz timestamptz, n numeric);
INSERT INTO arrjson_js VALUES (1, true, 10, 'x', '2024-01-02', '2024-01-01 00:00:00+00', 1.50), (2, false, 20, 'y', '2024-01-03', '2024-01-02 12:00:00+00', 2), (3, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT to_jsonb(ARRAY(SELECT b FROM arrjson_js ORDER BY id)), to_json(ARRAY(SELECT b FROM arrjson_js ORDER BY id)), to_jsonb((SELECT array_agg(b ORDER BY id) FROM arrjson_js));
SELECT to_json(ARRAY(SELECT i FROM arrjson_js ORDER BY id)), to_jsonb(ARRAY(SELECT s FROM arrjson_js ORDER BY id)), to_jsonb(ARRAY(SELECT d FROM arrjson_js ORDER BY id)), to_json(ARRAY(SELECT tz FROM arrjson_js ORDER BY id)), to_jsonb(ARRAY(SELECT n FROM arrjson_js ORDER BY id));
SELECT to_jsonb((SELECT b FROM arrjson_js WHERE id = 1)), to_json((SELECT n FROM arrjson_js WHERE id = 1)), to_json(ARRAY(SELECT 1)), to_json(ARRAY(SELECT 1.50)), to_json(ARRAY(SELECT id > 1 FROM arrjson_js ORDER BY id));
SELECT json_build_object('a', ARRAY(SELECT b FROM arrjson_js ORDER BY id)), jsonb_build_array(ARRAY(SELECT b FROM arrjson_js ORDER BY id)), json_build_array(ARRAY(SELECT x.s AS q FROM arrjson_js x ORDER BY id));
SELECT to_json(ARRAY(SELECT b FROM arrjson_js WHERE id = 1 UNION ALL SELECT false)), to_jsonb(ARRAY(SELECT NULL::int)), to_jsonb(ARRAY(SELECT '{"a":1}'::jsonb));
SELECT id, to_json(ARRAY(SELECT u.b FROM arrjson_js u WHERE u.id >= t.id ORDER BY u.id)) FROM arrjson_js t ORDER BY id;
SELECT json_agg(x), json_agg(y), jsonb_agg(x), json_agg(to_json(x)), json_agg(x ORDER BY y DESC) FROM (SELECT ARRAY(SELECT b FROM arrjson_js ORDER BY id) x, id > 1 y FROM arrjson_js WHERE id < 3) q;
SELECT json_agg(q) FROM (SELECT ARRAY(SELECT b FROM arrjson_js ORDER BY id) x, id > 1 y FROM arrjson_js WHERE id < 3) q;
SELECT json_agg(ARRAY[b] ORDER BY id), json_agg(ARRAY[id] ORDER BY id), json_build_array(ARRAY[1], ARRAY[2]), array_to_json(array_agg(i ORDER BY id)) FROM arrjson_js;
SELECT json_agg(ARRAY(SELECT b FROM arrjson_js u WHERE u.id = t.id)) FROM arrjson_js t WHERE id < 3;
DROP TABLE arrjson_js;
RESET TimeZone;
