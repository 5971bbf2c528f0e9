-- IS [NOT] DISTINCT FROM compares as = and <> do: by value where an
-- operand is a numeric conditional or arithmetic, an interval sum, a date
-- expression. It was left to SQLite, which compared the numeric text of
-- coalesce(n, 0) or CASE ... END with the number 1.5 as a text and a
-- number (never equal): fuzz seed 800415 had CASE WHEN true THEN n ELSE n
-- END IS DISTINCT FROM 1.5 true for 1.5. Two NULLs are not distinct, a
-- NULL and a value are, in every rewritten form. nullif(n, 0) of a
-- numeric column inside a compared conditional is NULL for 0 (the
-- comparison's copy kept SQLite's nullif, which never found the text '0'
-- equal to 0: nullif(n, 0) = coalesce(n2, 1) was true).
CREATE TABLE fz4_df (id int PRIMARY KEY, n numeric, n2 numeric(10,2), i4 int, f8 float8, iv interval, d date, t text, c char(3));
INSERT INTO fz4_df VALUES (1, 1.5, 1.50, 7, 1.5, '-1 mon 1 day', '2024-02-29', 'x', 'ab'), (2, 0, 0.00, 0, 0, '1 day', '2000-01-01', '', 'x'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (4, 100, 2.50, -7, -0.5, '36 hours', 'infinity', 'y', 'ab ');
SELECT id, CASE WHEN true THEN n ELSE n END IS DISTINCT FROM 1.5 AS a, coalesce(n, 0) IS DISTINCT FROM 1.5 AS b, coalesce(n, 0) IS NOT DISTINCT FROM 1.50 AS c FROM fz4_df ORDER BY id;
SELECT id, (n + 0) IS DISTINCT FROM 1.5 AS a, (n * 1) IS NOT DISTINCT FROM 1.5 AS b, round(n, 1) IS DISTINCT FROM 1.5 AS c, (i4 + 0.5) IS DISTINCT FROM 7.5 AS d FROM fz4_df ORDER BY id;
SELECT id, (n + 0) IS NOT DISTINCT FROM (n2 - 0) AS a, (n + 0) IS DISTINCT FROM (n2 - 0) AS b, nullif(n, 0) IS NOT DISTINCT FROM coalesce(n2, NULL) AS c FROM fz4_df ORDER BY id;
SELECT id, iv + interval '0 days' IS NOT DISTINCT FROM interval '-29 days' AS a, iv * 2 IS DISTINCT FROM interval '72 hours' AS b, (d + 1) IS DISTINCT FROM d + 1 AS c, d + 1 IS NOT DISTINCT FROM date '2024-03-01' AS e FROM fz4_df ORDER BY id;
SELECT id, (f8 * 2) IS NOT DISTINCT FROM 3 AS a, c IS NOT DISTINCT FROM 'ab'::char(3) AS b, t IS DISTINCT FROM NULL AS e, NULL IS NOT DISTINCT FROM (n + 1) AS f FROM fz4_df ORDER BY id;
SELECT id FROM fz4_df WHERE coalesce(n2, 0) IS DISTINCT FROM 0 ORDER BY id;
SELECT id FROM fz4_df WHERE (n - 1) IS NOT DISTINCT FROM NULL ORDER BY id;
SELECT count(*) FILTER (WHERE n IS DISTINCT FROM 0) AS a, sum(n) IS NOT DISTINCT FROM 101.5 AS b FROM fz4_df;
SELECT id, CASE WHEN (n + 0) IS NOT DISTINCT FROM 1.5 THEN 'same' ELSE 'other' END AS a FROM fz4_df ORDER BY id;
SELECT id FROM fz4_df WHERE id IS NOT DISTINCT FROM (SELECT max(id) FROM fz4_df) OR n IS DISTINCT FROM n2;
SELECT id, nullif(n, 0) = coalesce(n2, 1) AS a, nullif(n2, 0) < coalesce(n, 1) AS b, coalesce(nullif(n, 0), 5) AS c FROM fz4_df ORDER BY id;
DROP TABLE fz4_df;
