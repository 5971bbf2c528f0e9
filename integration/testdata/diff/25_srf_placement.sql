-- srf_placement: set-returning functions where PostgreSQL refuses them
-- (WHERE, JOIN conditions, HAVING, FILTER, LIMIT/OFFSET, VALUES, UPDATE's
-- SET, RETURNING, inside a FROM function's arguments, inside CASE,
-- COALESCE, an aggregate or a window call): SQLSTATE, message and caret as
-- PostgreSQL's; and generate_series over timestamps: empty ranges and a
-- zero interval step (issue 11).
CREATE TABLE n25srf_p (id int PRIMARY KEY, ia int[], tags text[]);
INSERT INTO n25srf_p VALUES (1, '{1,2,3}', '{a,b}'), (2, '{4}', '{}'), (3, NULL, NULL);
-- positions
SELECT * FROM n25srf_p WHERE unnest(tags) = 'a';
SELECT * FROM n25srf_p WHERE id IN (SELECT 1) AND generate_series(1, 2) > 1;
SELECT * FROM n25srf_p WHERE coalesce(unnest(ia), 1) = 1;
SELECT sum(id) FROM n25srf_p WHERE unnest(ia) > 1;
SELECT * FROM n25srf_p JOIN n25srf_p b ON b.id = generate_series(1, 2);
SELECT * FROM n25srf_p t LEFT JOIN LATERAL unnest(t.ia) u ON u = generate_series(1, 2);
SELECT count(*) FROM n25srf_p GROUP BY id HAVING generate_series(1, 2) > 0;
SELECT sum(1) FILTER (WHERE generate_series(1, 2) > 1);
SELECT 1 LIMIT generate_series(1, 2);
SELECT 1 OFFSET generate_series(1, 2);
SELECT 1 FETCH FIRST generate_series(1, 2) ROWS ONLY;
VALUES (1), (generate_series(1, 2));
VALUES (generate_series(1, 2));
INSERT INTO n25srf_p (id) VALUES (generate_series(10, 11)), (5);
UPDATE n25srf_p SET id = generate_series(1, 2) WHERE false;
DELETE FROM n25srf_p WHERE id = generate_series(1, 2);
INSERT INTO n25srf_p (id) VALUES (20) RETURNING unnest(ARRAY[id, id]);
INSERT INTO n25srf_p (id) VALUES (21) ON CONFLICT (id) DO UPDATE SET ia = ARRAY[unnest(ARRAY[1])];
SELECT * FROM generate_series(1, generate_series(1, 2));
SELECT * FROM n25srf_p t, LATERAL unnest(ARRAY[unnest(t.ia)]);
SELECT CASE WHEN unnest(ARRAY[1]) = 1 THEN 1 END;
SELECT CASE 1 WHEN unnest(ARRAY[1]) THEN 1 END;
SELECT CASE unnest(ARRAY[1]) WHEN 1 THEN 2 END;
SELECT CASE WHEN true THEN unnest(ARRAY[1]) END;
SELECT CASE WHEN true THEN 1 ELSE unnest(ARRAY[1]) END;
SELECT id, CASE WHEN id > 1 THEN generate_series(1, 2) END FROM n25srf_p;
SELECT coalesce(unnest(ARRAY[1]), 2);
SELECT coalesce(1, unnest(ARRAY[1]));
SELECT sum(coalesce(unnest(ARRAY[1]), 1));
SELECT coalesce(sum(unnest(ARRAY[1])), 1);
SELECT sum(unnest(ARRAY[1]));
SELECT count(generate_series(1, 3));
SELECT array_agg(unnest(ia)) FROM n25srf_p;
SELECT string_agg(x, regexp_split_to_table('a,b', ',')) FROM (VALUES ('a')) v(x);
SELECT max(generate_series(1, 3)) OVER ();
SELECT lag(unnest(ARRAY[2, 1])) OVER ();
-- accepted where PostgreSQL accepts them
SELECT nullif(unnest(ARRAY[1]), 2);
SELECT greatest(unnest(ARRAY[1]), 2);
SELECT abs(unnest(ARRAY[-1, 2]));
SELECT unnest(ARRAY[1, 2]) + 1;
SELECT unnest(ARRAY[1]) IS NULL;
SELECT (SELECT unnest(ARRAY[1]));
SELECT id FROM n25srf_p t WHERE EXISTS (SELECT unnest(t.ia)) ORDER BY 1;
-- differs-type: the element of unnest() beside a table, followed by a JOIN, is typed by json_each's values under SELECT * (int8, not int4)
SELECT * FROM n25srf_p t, unnest(t.ia) u JOIN n25srf_p b ON b.id = u ORDER BY 1, 4;
-- generate_series over timestamps: an empty range has no rows, a zero step is 22023
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '1 day');
SELECT * FROM generate_series('2024-01-03'::timestamp, '2024-01-01', '1 day');
SELECT * FROM generate_series('2024-01-03'::timestamp, '2024-01-01', '-1 day');
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '-1 day');
SELECT * FROM generate_series('2024-01-01'::date, '2024-01-02', '12 hours');
SELECT * FROM generate_series('2024-01-01 00:00+00'::timestamptz, '2024-01-01 02:00+00', '1 hour');
SELECT * FROM generate_series('2024-01-31'::timestamp, '2024-05-01', '1 month');
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '0 day');
SELECT generate_series('2024-01-01'::timestamptz, '2024-01-01 01:00', '0 minutes');
SELECT generate_series('2024-01-02'::timestamp, '2024-01-01', '1 day');
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-01', '1 day') WITH ORDINALITY;
SELECT * FROM generate_series(5, 1, -2);
SELECT * FROM generate_series(1, 5, 0);
SELECT generate_series(1, 5, 0);
SELECT * FROM generate_series(1, 3, 0.0);
