-- srf_zip: set-returning functions zipped side by side in FROM:
-- unnest(a, b, ...) and ROWS FROM (f(...), g(...)) [WITH ORDINALITY]:
-- rows padded with NULL to the longest, columns named and typed as
-- PostgreSQL's, alias lists (too long: 42P10) (issue 11).
CREATE TABLE n25srf_z (id int PRIMARY KEY, tags text[], ia int[]);
INSERT INTO n25srf_z VALUES (1, '{a,b}', '{1,2,3}'), (2, '{}', '{4}'), (3, NULL, NULL);
SELECT * FROM unnest(ARRAY[1,2], ARRAY['a','b','c']) AS u(n, s);
SELECT * FROM unnest(ARRAY[1,2], ARRAY['a','b','c']);
SELECT * FROM unnest(ARRAY[1,2], ARRAY['a','b','c']) WITH ORDINALITY;
SELECT * FROM unnest(ARRAY[1,2], ARRAY['a']) AS u(a);
SELECT * FROM unnest(ARRAY[1,2], ARRAY['a']) AS u(a,b,c);
-- differs-type: alias.* of a zipped item is typed by the values (int8), only a lone * by the arrays' element types
SELECT u.* FROM unnest(ARRAY[1,2], ARRAY['a']) u;
SELECT n, s FROM unnest('{1,2}'::int[], '{x,y}'::text[]) AS u(n, s) WHERE n > 1;
SELECT * FROM unnest(NULL::int[], ARRAY['a']);
SELECT * FROM unnest('{}'::int[], '{}'::text[]);
SELECT * FROM ROWS FROM (unnest(ARRAY[1,2]), generate_series(1,3));
SELECT * FROM ROWS FROM (unnest(ARRAY[1,2]), generate_series(1,3)) WITH ORDINALITY AS r(a, b, n);
SELECT * FROM ROWS FROM (unnest(ARRAY[1,2]), generate_series(1,3)) AS r(a,b,c,d);
SELECT * FROM ROWS FROM (unnest(ARRAY[1,2], ARRAY['x']));
-- differs-type: a series from a date start is described as text (its values are PostgreSQL's timestamptz text)
SELECT * FROM ROWS FROM (generate_series(1.5, 2.5, 0.5), generate_series('2024-01-01'::date, '2024-01-02', '1 day'));
SELECT * FROM ROWS FROM (string_to_table('a,b', ','), regexp_split_to_table('x y z', ' '), generate_subscripts(ARRAY[5,6], 1));
-- differs: a jsonb table function (several columns) in ROWS FROM is 0A000
SELECT * FROM ROWS FROM (jsonb_array_elements('[1,2]'), unnest(ARRAY[1]));
SELECT * FROM ROWS FROM (generate_series(1, 2, 0));
-- differs: unnest(a, b) after other FROM items (reading them) is 0A000
SELECT * FROM n25srf_z, unnest(ia, tags) ORDER BY 1, 4;
-- differs-type: * over a zipped item and a table types the item's columns by the values (int8)
SELECT * FROM unnest(ARRAY[1,2], ARRAY['a']) u, n25srf_z WHERE id = 1 ORDER BY 1;
-- differs-type: a jsonb element of a zipped unnest is described as text
SELECT * FROM unnest(ARRAY['{"a":1}'::jsonb, '[1]'], ARRAY[true, false, NULL]);
-- differs: a numeric element passes json_each as a JSON number and loses its trailing zeros (1.50 prints 1.5), as for unnest(a)
SELECT * FROM unnest(ARRAY[1.50, 2], ARRAY['2024-01-01'::date]);
INSERT INTO n25srf_z (id, ia) SELECT n + 10, ARRAY[n] FROM unnest(ARRAY[1, 2], ARRAY['p', 'q']) AS u(n, s) RETURNING id, ia;
SELECT * FROM ROWS FROM (generate_series(3, 1, -1), unnest('{}'::text[])) WITH ORDINALITY;
SELECT count(*) FROM ROWS FROM (unnest(ARRAY[1, 2, 3]), unnest(ARRAY[1]));
-- differs-type: * over a zipped item and a table types the item's columns by the values (int8)
SELECT * FROM unnest(ARRAY[1, 2], ARRAY['a']) u(n, s) JOIN n25srf_z t ON t.id = u.n ORDER BY 1;
