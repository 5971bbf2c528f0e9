-- concat_columns: || between two columns (one table, two tables, a view,
-- a CTE, a FROM subquery) and between a column and an ARRAY[...] or a
-- cast: the array concatenation, append and prepend, jsonb's ||, text's
-- ||, the operators that do not exist (42883), NULLs and empty arrays
-- (multidimensional arrays are refused, 0A000),
-- in SELECT, WHERE, UPDATE SET, INSERT ... SELECT and RETURNING. Two
-- columns were once concatenated as text ({10,20}{30}).
CREATE TABLE cc_t (id int PRIMARY KEY, a int4[], b int4[], c int8[], s text[], x text, j jsonb, k jsonb, js json, n int);
INSERT INTO cc_t VALUES (1, '{10,20}', '{30}', '{40,50}', '{p,q}', 'z', '{"a": 1}', '{"b": 2}', '{"c": 3}', 5), (2, NULL, '{}', NULL, '{}', NULL, '[1]', NULL, NULL, NULL), (3, '{}', NULL, '{}', NULL, '{w}', '"s"', '[2, 3]', '[1]', 7), (4, '{1,NULL}', '{NULL}', '{9}', '{NULL,v}', '', '{"a": {"b": 1}}', '{"a": 2}', NULL, 0);
SELECT id, a || b FROM cc_t ORDER BY id;
SELECT id, b || a, a || a FROM cc_t ORDER BY id;
SELECT id, a || c, c || a FROM cc_t ORDER BY id;
SELECT id, s || x, x || s, s || s FROM cc_t ORDER BY id;
SELECT id, a || n, n || a FROM cc_t ORDER BY id;
SELECT id, j || k, k || j, j || j FROM cc_t ORDER BY id;
SELECT id, x || x, x || n, n || x, j || x FROM cc_t ORDER BY id;
SELECT id, a || s FROM cc_t ORDER BY id;
SELECT id, s || a FROM cc_t ORDER BY id;
SELECT id, a || x FROM cc_t ORDER BY id;
SELECT id, x || a FROM cc_t ORDER BY id;
SELECT id, js || js FROM cc_t ORDER BY id;
SELECT id, j || js FROM cc_t ORDER BY id;
SELECT id, a || ARRAY[1, 2], ARRAY[7] || a, s || ARRAY['m'], x || ARRAY['m'] FROM cc_t ORDER BY id;
SELECT id, a || '{3}'::int4[], ARRAY[1.5] || a, c || ARRAY[1] FROM cc_t ORDER BY id;
SELECT id, a || ARRAY['u'] FROM cc_t ORDER BY id;
SELECT id, j || '{"q": 1}'::jsonb, '[9]'::jsonb || j FROM cc_t ORDER BY id;
SELECT t.id, u.id, t.a || u.b, t.s || u.x, t.j || u.k FROM cc_t t JOIN cc_t u ON u.id = t.id % 4 + 1 ORDER BY t.id;
CREATE VIEW cc_v AS SELECT id, a, b, s, x, j, k FROM cc_t;
SELECT id, a || b, s || x, j || k FROM cc_v ORDER BY id;
SELECT v.id, v.a || t.c FROM cc_v v JOIN cc_t t USING (id) ORDER BY v.id;
WITH w AS (SELECT id, a, b, s, x, j, k FROM cc_t) SELECT id, a || b, s || x, j || k FROM w ORDER BY id;
SELECT id, a || b, s || x, j || k FROM (SELECT id, a, b, s, x, j, k FROM cc_t) q ORDER BY id;
SELECT id FROM cc_t WHERE a || b = '{10,20,30}' ORDER BY id;
SELECT id FROM cc_t WHERE s || x = ARRAY['p', 'q', 'z'] ORDER BY id;
SELECT id FROM cc_t WHERE j || k = '{"a": 1, "b": 2}'::jsonb ORDER BY id;
SELECT id FROM cc_t WHERE cardinality(a || b) = 3 ORDER BY id;
UPDATE cc_t SET a = a || b WHERE id IN (1, 2) RETURNING id, a, a || b, j || k;
SELECT id, a FROM cc_t ORDER BY id;
UPDATE cc_t SET s = s || x, j = j || k WHERE id = 1 RETURNING id, s, j;
UPDATE cc_t SET s = s || x, j = j || k WHERE id = 3 RETURNING id, s, j;
CREATE TABLE cc_u (id int, arr int4[], tags text[], doc jsonb);
INSERT INTO cc_u SELECT id, a || b, s || x, j || k FROM cc_t;
SELECT * FROM cc_u ORDER BY id;
INSERT INTO cc_u (id, arr) VALUES (9, '{1}') RETURNING id, arr || arr;
SELECT id, arr || a FROM cc_u JOIN cc_t USING (id) ORDER BY id;
SELECT t.id, t.a || (SELECT b FROM cc_t u WHERE u.id = 1), (SELECT s FROM cc_t u WHERE u.id = 1) || t.x FROM cc_t t ORDER BY t.id;
SELECT t.id, t.j || (SELECT k FROM cc_t u WHERE u.id = 1) FROM cc_t t ORDER BY t.id;
SELECT id, n || n FROM cc_t ORDER BY id;
SELECT id, j || n FROM cc_t ORDER BY id;
SELECT id, n || x, x || j, js || x FROM cc_t ORDER BY id;
SELECT id, 'x' || n || x, x || n || 'y' FROM cc_t ORDER BY id;
SELECT id, a || b || a FROM cc_t ORDER BY id;
SELECT id, n || n FROM cc_t WHERE false;
SELECT id, j || n FROM cc_t WHERE id < 0;
SELECT a || s FROM cc_t WHERE false;
SELECT id FROM cc_t WHERE false AND x || a IS NULL;
SELECT js || js FROM cc_t LIMIT 0;
CREATE TABLE cc_e (id int, n int, m int8, a int4[], s text[], j jsonb, x text);
SELECT n || m FROM cc_e;
SELECT e.a || e.s FROM cc_e e;
SELECT j || n FROM cc_e;
UPDATE cc_e SET x = n || n;
SELECT id, x || n, a || n, j || j, s || x FROM cc_e;
