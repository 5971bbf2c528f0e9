-- srf_funcs: generate_subscripts and string_to_table in FROM (alone, after
-- a table, WITH ORDINALITY) and in the select list: rows and described
-- types as PostgreSQL's (int4 subscripts, text pieces) (issue 11).
CREATE TABLE n25srf_t (id int PRIMARY KEY, tags text[], ia int[]);
INSERT INTO n25srf_t VALUES (1, '{a,b}', '{1,2,3}'), (2, '{}', '{4}'), (3, NULL, NULL);
SELECT * FROM generate_subscripts(ARRAY[1,2,3], 1);
SELECT generate_subscripts(ARRAY['a','b'], 1);
SELECT * FROM generate_subscripts(ARRAY[1,2,3], 1, true);
SELECT * FROM generate_subscripts(ARRAY[1,2,3], 2);
SELECT * FROM generate_subscripts('{}'::int[], 1);
SELECT * FROM generate_subscripts(NULL::int[], 1);
SELECT id, generate_subscripts(ia, 1) FROM n25srf_t ORDER BY 1, 2;
SELECT id, s, ia[s] FROM n25srf_t, generate_subscripts(ia, 1) s ORDER BY 1, 2;
SELECT * FROM generate_subscripts(ARRAY[1,2], 1) WITH ORDINALITY AS g(s, n);
SELECT * FROM string_to_table('a,b,c', ',');
SELECT string_to_table('a,b,,c', ',', '');
SELECT * FROM string_to_table('a b', NULL);
SELECT * FROM string_to_table('abc', '');
SELECT * FROM string_to_table('', ',');
SELECT * FROM string_to_table(NULL, ',');
SELECT * FROM string_to_table('x,y', ',') WITH ORDINALITY AS t(v, n);
SELECT id, string_to_table(array_to_string(tags, ','), ',') FROM n25srf_t ORDER BY 1, 2;
SELECT id, t FROM n25srf_t, string_to_table(array_to_string(tags, ','), ',') t ORDER BY 1, 2;
SELECT * FROM regexp_split_to_table('a1b2c', '[0-9]') WITH ORDINALITY;
SELECT generate_subscripts(ARRAY[1], 'x');
