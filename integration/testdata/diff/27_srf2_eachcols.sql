-- set-returning functions kept as json_each after a table whose columns
-- are named like json_each's own (id, key, value, type, path): the
-- table's columns stay unambiguous
CREATE TABLE n27srf2_t (id int primary key, n int, a int[], key text, value text, type text, path text, j jsonb);
INSERT INTO n27srf2_t VALUES (1, 3, '{1,6,7}', 'k1', 'v1', 'ty1', 'p1', '{"a":1,"b":2}'), (2, 2, '{2,3}', 'k2', 'v2', 'ty2', 'p2', '[1,2]');
SELECT id, g FROM n27srf2_t, generate_series(1, n27srf2_t.n) g ORDER BY 1, 2;
SELECT id, key, value, type, path, g FROM n27srf2_t, generate_series(1, n27srf2_t.n) g ORDER BY 1, 6;
SELECT id, g FROM n27srf2_t, generate_series(1, n) g WHERE id = 2 ORDER BY g;
SELECT id, g, o FROM n27srf2_t, generate_series(id, 3) WITH ORDINALITY AS s(g, o) ORDER BY 1, 2;
SELECT id, key, e FROM n27srf2_t, jsonb_array_elements(CASE WHEN jsonb_typeof(n27srf2_t.j) = 'array' THEN n27srf2_t.j ELSE '[]' END) e ORDER BY 1, 3;
SELECT id, path, s FROM n27srf2_t, string_to_table('a,b', ',') s ORDER BY 1, 3;
SELECT id, type, s FROM n27srf2_t, generate_subscripts(n27srf2_t.a, 1) s ORDER BY 1, 3;
SELECT id, value, q FROM n27srf2_t, jsonb_path_query(n27srf2_t.j, '$.a') q ORDER BY 1;
SELECT id, path, k FROM n27srf2_t, jsonb_object_keys(CASE WHEN jsonb_typeof(n27srf2_t.j) = 'object' THEN n27srf2_t.j ELSE '{}' END) k ORDER BY 1, 3;
SELECT n27srf2_t.id, e.key, e.value FROM n27srf2_t, jsonb_each(CASE WHEN jsonb_typeof(n27srf2_t.j) = 'object' THEN n27srf2_t.j ELSE '{}' END) e ORDER BY 1, 2;
SELECT id, key, u FROM n27srf2_t, unnest(n27srf2_t.a) u ORDER BY 1, 3;
