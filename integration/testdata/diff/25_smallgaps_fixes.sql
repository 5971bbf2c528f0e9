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
