-- smallgaps_fixes: small differences from PostgreSQL 15 closed together
-- (issue 11). json (not jsonb) has no ||, -, #-, @> or <@ operator:
-- json || a string is text concatenation of the json's text, the others
-- are 42883; they once ran jsonb's operators.
CREATE TABLE n25f_j (id int PRIMARY KEY, j json, b jsonb);
INSERT INTO n25f_j VALUES (1, '{"a":1}', '{"a":1}'), (2, '[1]', '[2]'), (3, NULL, NULL);
SELECT '{"a":1}'::json || '[1]';
SELECT '[1]' || '{"a":1}'::json;
SELECT '{"a":1}'::json || 'x'::text;
SELECT '{}'::json || 'x'::varchar;
SELECT '[1]'::json || NULL;
SELECT to_json(1) || '[2]';
SELECT json_build_array(1) || '[2]';
SELECT '{}'::json::text || '[1]';
SELECT '{"a":1}'::json || '{"b":2}'::json;
SELECT '{"a":1}'::json || '{"b":2}'::jsonb;
SELECT '{}'::jsonb || '{}'::json;
SELECT '{"a":1}'::json || 1;
SELECT '{"a":1}'::json - 'a';
SELECT to_json('a'::text) - 'a';
SELECT 'a' - '{}'::json;
SELECT 1 - '{}'::json;
SELECT '{}'::json #- '{a}';
SELECT '{}'::json @> '{}';
SELECT j || '[2]', '[0]' || j FROM n25f_j ORDER BY id;
SELECT j || 'x'::text FROM n25f_j ORDER BY id;
SELECT (j || '[2]') IS NULL FROM n25f_j ORDER BY id;
SELECT j || j FROM n25f_j;
SELECT j || 3 FROM n25f_j;
SELECT j || 1.5 FROM n25f_j;
SELECT j - 'a' FROM n25f_j;
SELECT b || '[2]', '[0]' || b FROM n25f_j ORDER BY id;
SELECT b - 'a' FROM n25f_j ORDER BY id;
-- PostgreSQL 15 has no min/max for jsonb (nor json): 42883; they once
-- answered by jsonb's order.
SELECT max(b) FROM n25f_j;
SELECT id, min(b) FROM n25f_j GROUP BY id;
SELECT max('1'::jsonb);
SELECT min(CAST('1' AS jsonb));
SELECT min(b) OVER () FROM n25f_j;
SELECT max(b::text), max(b->>'a'), count(b) FROM n25f_j;
CREATE VIEW n25f_jv AS SELECT id, b FROM n25f_j;
SELECT max(b) FROM n25f_jv;
SELECT max(x) FROM (SELECT b AS x FROM n25f_j) s;
WITH c AS (SELECT b FROM n25f_j) SELECT min(b) FROM c;
-- Set operations resolve each column's type arm by arm (json with another
-- type: 42804, json with jsonb: 42846), then need json's equality (42883
-- at the item that decided the type, also in a later arm); ORDER BY an
-- output alias of a json item needs its ordering.
SELECT '1' UNION SELECT j FROM n25f_j;
-- differs-type: a set operation's column is described by its first arm (text for an unknown literal); PostgreSQL resolves it from the later arm (json)
SELECT '1' UNION ALL SELECT j FROM n25f_j WHERE id = 1;
SELECT '1' INTERSECT SELECT j FROM n25f_j;
SELECT 1 AS id, '{}'::json UNION SELECT id, j FROM n25f_j;
SELECT '1'::json UNION SELECT 1;
SELECT '1'::json UNION ALL SELECT 1;
SELECT 1 UNION SELECT '1'::json;
SELECT '1' UNION SELECT '2' UNION SELECT j FROM n25f_j;
SELECT '1' UNION ALL SELECT '2' UNION ALL SELECT j FROM n25f_j;
SELECT id, '1' FROM n25f_j UNION SELECT id, j FROM n25f_j;
SELECT id, b FROM n25f_j UNION SELECT id, j FROM n25f_j;
SELECT j FROM n25f_j UNION ALL SELECT '1'::json UNION SELECT j FROM n25f_j;
SELECT 'a'::text UNION SELECT j FROM n25f_j;
SELECT '1'::json UNION SELECT '1'::jsonb;
SELECT '1'::jsonb UNION ALL SELECT '1'::json;
SELECT b FROM n25f_j UNION ALL SELECT j FROM n25f_j;
SELECT '1'::json INTERSECT SELECT NULL;
SELECT * FROM (SELECT '1' UNION SELECT j FROM n25f_j) s;
SELECT id, j FROM n25f_j UNION ALL SELECT id, j FROM n25f_j ORDER BY 1, 2;
SELECT j::text FROM n25f_j UNION SELECT 'a'::text ORDER BY 1;
SELECT '{}'::json = 'a'::text;
SELECT j = 'a'::text FROM n25f_j;
SELECT j::text = 'a' FROM n25f_j ORDER BY id;
SELECT j AS x FROM n25f_j ORDER BY x;
SELECT j AS x FROM n25f_j ORDER BY x DESC;
SELECT j x FROM n25f_j ORDER BY x;
SELECT b AS j FROM n25f_j ORDER BY j;
SELECT j::text AS j FROM n25f_j ORDER BY j;
SELECT id AS j FROM n25f_j ORDER BY j;
SELECT j AS x FROM n25f_j ORDER BY id;
SELECT (SELECT j AS x FROM n25f_j ORDER BY x LIMIT 1) IS NULL;
SELECT x FROM (SELECT j AS x FROM n25f_j) s ORDER BY x;
-- ALTER TABLE ... RENAME keeps a serial or identity column's sequence
-- owned by the renamed table and column (pg_get_serial_sequence of the new
-- names, DROP TABLE drops it); the sequence keeps its name.
CREATE TABLE n25f_s (id serial PRIMARY KEY, g int GENERATED ALWAYS AS IDENTITY, v int);
ALTER TABLE n25f_s RENAME TO n25f_s2;
SELECT pg_get_serial_sequence('n25f_s2', 'id'), pg_get_serial_sequence('n25f_s2', 'g');
ALTER TABLE n25f_s2 RENAME COLUMN id TO idd;
ALTER TABLE n25f_s2 RENAME g TO gg;
SELECT pg_get_serial_sequence('n25f_s2', 'idd'), pg_get_serial_sequence('n25f_s2', 'gg');
INSERT INTO n25f_s2 (v) VALUES (5) RETURNING *;
SELECT sequencename FROM pg_sequences WHERE sequencename LIKE 'n25f_s%' ORDER BY 1;
DROP TABLE n25f_s2;
SELECT sequencename FROM pg_sequences WHERE sequencename LIKE 'n25f_s%' ORDER BY 1;
CREATE TABLE n25f_s (id serial);
SELECT pg_get_serial_sequence('n25f_s', 'id');
CREATE TABLE "N25f Q" ("Id" serial);
ALTER TABLE "N25f Q" RENAME TO "N25f R";
ALTER TABLE "N25f R" RENAME "Id" TO "Idd";
SELECT pg_get_serial_sequence('"N25f R"', 'Idd');
-- A view's interval expression column compares, orders and groups as an
-- interval (it compared as text with an untyped literal).
CREATE TABLE n25f_iv (id int PRIMARY KEY, iv interval);
INSERT INTO n25f_iv VALUES (1, '1 day 2 hours'), (2, '3 days'), (3, '-1 hours'), (4, NULL), (5, '1 mon'), (6, '29 days');
CREATE VIEW n25f_ivv AS SELECT id, iv * 2 AS iv2, iv + interval '1 hour' AS iv3, -iv AS ivn, iv AS iv0 FROM n25f_iv;
SELECT id FROM n25f_ivv WHERE iv2 < '0' ORDER BY id;
SELECT id FROM n25f_ivv WHERE iv2 > '2 days' ORDER BY id;
SELECT id FROM n25f_ivv WHERE iv2 = '2 mons' ORDER BY id;
SELECT id FROM n25f_ivv WHERE iv2 = '60 days' ORDER BY id;
SELECT id FROM n25f_ivv WHERE iv3 BETWEEN '1 day' AND '1 mon' ORDER BY id;
SELECT id FROM n25f_ivv WHERE ivn >= '-1 day' ORDER BY id;
SELECT id, iv2 FROM n25f_ivv ORDER BY iv2, id;
SELECT min(iv2), max(iv2), min(iv3) FROM n25f_ivv;
SELECT DISTINCT iv0 FROM n25f_ivv ORDER BY 1;
SELECT id FROM n25f_ivv WHERE iv0 < '1 day' ORDER BY id;
SELECT count(*) FROM n25f_ivv v JOIN n25f_iv t ON v.iv2 > t.iv;
-- The grouped-query check (42803) reads NATURAL and USING joins: the
-- merged column is the left side's (the right's for RIGHT JOIN); grouping
-- either side's column covers it (a FULL join's merged column is let
-- through).
CREATE TABLE n25f_g (id int PRIMARY KEY, k int, v int);
CREATE TABLE n25f_h (k int, w int);
INSERT INTO n25f_g VALUES (1, 1, 10), (2, 2, 20), (3, 2, 30);
INSERT INTO n25f_h VALUES (1, 100), (2, 200), (2, 201);
SELECT k, v FROM n25f_g NATURAL JOIN n25f_h GROUP BY k;
SELECT k, w FROM n25f_g JOIN n25f_h USING (k) GROUP BY k;
SELECT n25f_g.k, w FROM n25f_g JOIN n25f_h USING (k) GROUP BY k;
SELECT k, count(*) FROM n25f_g JOIN n25f_h USING (k) GROUP BY n25f_g.k ORDER BY k;
SELECT k, count(*) FROM n25f_g RIGHT JOIN n25f_h USING (k) GROUP BY v;
SELECT k, count(*) FROM n25f_g LEFT JOIN n25f_h USING (k) GROUP BY v;
SELECT k, count(*) FROM n25f_g NATURAL JOIN n25f_h GROUP BY v;
SELECT v, count(*) FROM n25f_g g JOIN n25f_h h USING (k) GROUP BY g.id ORDER BY v;
SELECT w, count(*) FROM n25f_g g JOIN n25f_h h USING (k) GROUP BY g.id;
SELECT k, count(*) FROM n25f_g g JOIN n25f_h h USING (k) GROUP BY g.id ORDER BY 1, 2;
SELECT k, sum(w) FROM n25f_g g JOIN n25f_h h USING (k) GROUP BY k ORDER BY k;
SELECT k, sum(v) FROM n25f_g g LEFT JOIN n25f_h h USING (k) GROUP BY k ORDER BY k;
SELECT k, count(*) FROM n25f_g g, n25f_h h GROUP BY g.k;
SELECT g.v FROM n25f_g g JOIN n25f_h h USING (k) GROUP BY h.k;
-- differs: grouping by one side's column covers the merged column here (PostgreSQL: the merged column is the left side's when the types match)
SELECT k, count(*) FROM n25f_g JOIN n25f_h USING (k) GROUP BY n25f_h.k ORDER BY k;
-- differs: a FULL join's merged column (COALESCE of both sides) is let through
SELECT k, count(*) FROM n25f_g FULL JOIN n25f_h USING (k) GROUP BY v ORDER BY 1, 2;
-- An array column || an array the text shows with no operator for the
-- pair is refused before the first row (an empty table ran it).
CREATE TABLE n25f_e (id int, ia int[]);
SELECT ia || ARRAY['x'] FROM n25f_e;
SELECT ARRAY['x'] || ia FROM n25f_e;
SELECT ia || '{x}'::text[] FROM n25f_e;
SELECT ia || ARRAY[1.5] FROM n25f_e;
SELECT ia || ARRAY[2], ia || '{2}'::int8[] FROM n25f_e;
INSERT INTO n25f_e VALUES (1, '{1}');
SELECT ia || ARRAY[2], ARRAY[0] || ia, ia || '{2}'::int8[], ia || ARRAY[1.5] FROM n25f_e;
SELECT ia || ARRAY['x'] FROM n25f_e;
-- unnest of an array column after other FROM items, and in the select
-- list, is described as the element type (it was int8 from the values).
CREATE TABLE n25f_a (id int PRIMARY KEY, ia int[], ta text[], sa int2[]);
INSERT INTO n25f_a VALUES (1, '{1,2}', '{x}', '{3}'), (2, '{5}', '{y,z}', NULL);
SELECT u FROM n25f_a, unnest(n25f_a.ia) u ORDER BY u;
SELECT u FROM n25f_a a, unnest(a.ta) u ORDER BY u;
SELECT u.u FROM n25f_a a, unnest(a.sa) u;
SELECT x, n FROM n25f_a a, unnest(a.ia) WITH ORDINALITY AS u(x, n) ORDER BY x;
SELECT a.id, u FROM n25f_a a, unnest(a.ia) u WHERE u > 1 ORDER BY u DESC;
SELECT u, count(*) FROM n25f_a a, unnest(a.ia) u GROUP BY u ORDER BY u;
SELECT sum(u) FROM n25f_a a, unnest(a.ia) u;
SELECT id, unnest(ia) FROM n25f_a ORDER BY 2 DESC;
SELECT id, unnest(sa) FROM n25f_a;
-- An expression in a set operation's ORDER BY is PostgreSQL's 0A000 (it
-- was SQLite's message as XX000).
SELECT id FROM n25f_j UNION ALL SELECT id FROM n25f_j ORDER BY id + 1;
SELECT id FROM n25f_j INTERSECT SELECT id FROM n25f_j ORDER BY id + 1;
SELECT '1' UNION ALL SELECT j FROM n25f_j ORDER BY 1::text;
SELECT id FROM n25f_j UNION SELECT id FROM n25f_j ORDER BY id + 1;
-- INTERSECT of a table's rows with constants returns the constants'
-- spelling of equal values (PostgreSQL's planner reads the one-row
-- operand first).
CREATE TABLE n25f_ix (i int, n numeric, f float8);
INSERT INTO n25f_ix VALUES (1, 1.50, 2.0), (2, 2.0, 3.5);
SELECT i FROM n25f_ix INTERSECT SELECT 1.0;
SELECT i AS "Val" FROM n25f_ix INTERSECT SELECT 1.0 ORDER BY "Val";
SELECT n FROM n25f_ix INTERSECT SELECT 1.5;
SELECT n, i FROM n25f_ix INTERSECT SELECT 1.500, 1 ORDER BY 1 LIMIT 1;
SELECT f FROM n25f_ix INTERSECT SELECT 2;
SELECT f FROM n25f_ix INTERSECT SELECT 3.50;
SELECT n FROM n25f_ix WHERE i = 1 INTERSECT SELECT 1.5;
SELECT n FROM n25f_ix INTERSECT DISTINCT SELECT 1.5;
SELECT 1.5 INTERSECT SELECT n FROM n25f_ix;
SELECT n FROM n25f_ix EXCEPT SELECT 1.5;
SELECT n FROM n25f_ix INTERSECT SELECT n FROM n25f_ix ORDER BY 1;
