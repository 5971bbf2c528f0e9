-- A set-returning function in the select list or FROM list beside a
-- derived table (a subquery, VALUES list or CTE) reads the derived
-- table's columns: the names were qualified with the inner query's
-- table (42703 "column me_sd.id") or left ambiguous against the
-- translation's own columns (42702).
CREATE TABLE me_sd (id int PRIMARY KEY, key text, value int, type text, path text, tags text[], j jsonb);
INSERT INTO me_sd VALUES (1, 'k1', 10, 'a', '/x', '{red,blue}', '[1, 2]'), (2, 'k2', 20, 'b', '/y', '{green}', '{"a": 1, "b": "z"}'), (3, 'k3', 30, 'a', NULL, NULL, NULL);
SELECT id, unnest(array[1,2]) AS u FROM (VALUES (1), (2)) v(id) ORDER BY 1, 2;
SELECT id, u FROM (VALUES (1), (2)) v(id), unnest(array[5,6]) AS u ORDER BY 1, 2;
SELECT id, key, unnest(tags) AS tag FROM (SELECT * FROM me_sd) s ORDER BY 1, 3;
SELECT id, count(*) FROM (SELECT id, unnest(tags) FROM me_sd) s GROUP BY id ORDER BY id;
WITH c AS (SELECT id, key FROM me_sd) SELECT id, key, unnest(array[7]) AS u FROM c ORDER BY 1;
SELECT id, unnest(tags) AS tag FROM (SELECT * FROM me_sd) s WHERE key = 'k1' ORDER BY 2;
SELECT id, value, unnest(array['p', 'q']) AS u FROM (SELECT id, value FROM me_sd) s WHERE value > 15 ORDER BY value DESC, u;
SELECT key, generate_series(1, value / 10) AS g FROM (SELECT key, value FROM me_sd) s ORDER BY key, g;
SELECT id, e FROM (SELECT id, j FROM me_sd) s, jsonb_array_elements(s.j) e WHERE jsonb_typeof(s.j) = 'array' ORDER BY 1, 2::text;
SELECT id, k, v FROM (SELECT id, j FROM me_sd WHERE id = 2) s, jsonb_each(j) AS x(k, v) ORDER BY k;
WITH c AS (SELECT id, type FROM me_sd) SELECT type, g FROM c, generate_series(1, 2) g WHERE id < 3 ORDER BY type, g;
SELECT id, u FROM me_sd, unnest(array[id, id * 10]) u WHERE id IN (SELECT id FROM me_sd WHERE type = 'a') ORDER BY 1, 2;
DROP TABLE me_sd;
