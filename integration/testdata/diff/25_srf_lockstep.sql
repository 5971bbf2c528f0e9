-- srf_lockstep: several set-returning functions in one select list run in
-- lockstep as in PostgreSQL 10+ (row n holds each call's n-th value, NULL
-- past a call's end, as many rows as the longest), beside a table's
-- columns too; names and described types as PostgreSQL's (issue 11).
CREATE TABLE n25srf_l (id int PRIMARY KEY, tags text[], ia int[]);
INSERT INTO n25srf_l VALUES (1, '{a,b}', '{1,2,3}'), (2, '{}', '{4}'), (3, NULL, NULL);
SELECT unnest(ARRAY[1,2]), unnest(ARRAY[1,2,3]);
SELECT id, unnest(tags), unnest(ia) FROM n25srf_l ORDER BY 1;
SELECT id, unnest(tags) AS t, unnest(ia) AS i FROM n25srf_l ORDER BY 1, 3;
SELECT generate_series(1, 3), unnest(ARRAY['a', 'b']);
SELECT unnest(ARRAY['a', 'b']), generate_series(1, 3) ORDER BY 2 DESC;
SELECT generate_series(1, 2), generate_series(1, 4, 2), generate_series(5, 1, -1);
SELECT id, generate_series(1, 2), unnest(ia) FROM n25srf_l ORDER BY 1, 2;
SELECT id, string_to_table('a,b,c', ','), generate_subscripts(ia, 1) FROM n25srf_l ORDER BY 1, 2;
SELECT unnest(ARRAY[1, 2]) + 1, unnest(ARRAY[10]) * 2;
SELECT regexp_split_to_table('a b', ' '), regexp_matches('x1y2', '[0-9]', 'g');
-- differs: a jsonb table function beside another set-returning call in a select list is 0A000
SELECT unnest(ARRAY[1]), jsonb_array_elements('[1,2]');
SELECT unnest('{}'::int[]), unnest('{}'::text[]);
SELECT id, unnest(ia), unnest(ia) FROM n25srf_l WHERE id < 3 ORDER BY 1, 2;
-- differs-type: the zipped calls of a subquery's select list are typed by their values through the subquery (int8)
SELECT * FROM (SELECT unnest(ARRAY[1,2]) a, unnest(ARRAY['x']) b) s ORDER BY a;
SELECT count(*) FROM (SELECT unnest(ia), unnest(tags) FROM n25srf_l) s;
SELECT generate_series('2024-01-01'::timestamp, '2024-01-02', '1 day'), unnest(ARRAY[1.5, 2.5, 3.5]);
SELECT id, unnest(ia) FROM n25srf_l ORDER BY 1, 2;
SELECT t.id, unnest(t.tags), unnest(t.ia) AS n FROM n25srf_l t WHERE t.id = 1;
INSERT INTO n25srf_l (id) SELECT generate_series(10, 11) + unnest(ARRAY[0, 100]) RETURNING id;
SELECT id FROM n25srf_l WHERE id >= 10 ORDER BY 1;
SELECT id, unnest(ia), generate_series(1, 2) FROM n25srf_l ORDER BY 1, 3;
SELECT unnest(ARRAY[1, 2]), unnest(ARRAY[1, 2]) WHERE false;
SELECT DISTINCT unnest(ARRAY[1, 1, 2]), unnest(ARRAY[5, 5]) ORDER BY 1, 2;
SELECT unnest(ARRAY[3, 1]), unnest(ARRAY['x', 'y']) LIMIT 1;
