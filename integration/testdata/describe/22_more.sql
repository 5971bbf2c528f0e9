-- Result types that follow declared column types and function signatures
-- through subqueries, CTEs, views, UNION, set-returning functions, window
-- functions and conditional expressions (issue 11): a Go client scans by
-- the described OID, so each must be PostgreSQL's.
CREATE TABLE dm_t (id int4 PRIMARY KEY, i4 int4, i8 int8, n numeric(12,2), r real, f float8, b bool, d date, tz timestamptz, iv interval, j jsonb, ta text[], ia int4[], t text);
INSERT INTO dm_t VALUES (1, 1, 10, 1.50, 0.5, 2.25, true, '2024-01-15', '2024-01-15 10:31:00+00', '1 day 02:00:00', '{"a": [1, 2], "k": "v"}', '{x,y}', '{1,2,3}', 'abc'), (2, 2, 20, 2.25, 1.5, 0.5, false, '2024-02-20', '2024-02-20 08:00:00+00', '3 hours', '{"a": [3]}', '{z}', '{4}', 'b,c');
-- aggregates through FROM subqueries and CTEs
SELECT s FROM (SELECT sum(n) AS s FROM dm_t) x;
SELECT s, c, a, ai FROM (SELECT sum(i4) AS s, count(*) AS c, avg(n) AS a, avg(i4) AS ai FROM dm_t) x;
WITH c AS (SELECT max(tz) m FROM dm_t) SELECT m FROM c;
WITH c AS (SELECT min(d) md, max(iv) mi, sum(f) sf, sum(r) sr, sum(i8) s8 FROM dm_t) SELECT * FROM c;
SELECT cnt FROM (SELECT count(*) AS cnt FROM dm_t) x;
SELECT x.cnt + 1 FROM (SELECT count(*) cnt FROM dm_t) x;
SELECT c FROM (SELECT b, count(*) c FROM dm_t GROUP BY b) x ORDER BY c;
SELECT s FROM (SELECT s FROM (SELECT sum(i8) s FROM dm_t) a) b;
SELECT x.* FROM (SELECT avg(i4) a, min(n) mn, max(ta) mt FROM dm_t) x;
SELECT t.id, a.total FROM dm_t t JOIN (SELECT id, sum(n) total FROM dm_t GROUP BY id) a ON a.id = t.id ORDER BY 1;
SELECT l.m FROM dm_t t, LATERAL (SELECT max(i8) m FROM dm_t u WHERE u.id <= t.id) l ORDER BY 1;
SELECT (SELECT sum(n) FROM dm_t) + 1, (SELECT max(tz) FROM dm_t);
SELECT sa, aa FROM (SELECT string_agg(t, ',') sa, array_agg(n) aa FROM dm_t) x;
WITH w AS (SELECT id, n, tz, d, iv, ia, j FROM dm_t) SELECT * FROM w ORDER BY id;
WITH w AS (SELECT n * 2 AS n2, i4 + i8 s, tz + iv AS t2 FROM dm_t) SELECT n2, s, t2 FROM w ORDER BY 1;
SELECT i4 * 2 FROM (SELECT i4 FROM dm_t) x ORDER BY 1;
SELECT x FROM (SELECT d + 1 AS x FROM dm_t) s ORDER BY 1;
-- constants through subqueries, CTEs and views
SELECT 1, 1.5, 'x', true, 10000000000, NULL, 1e3, -1, 2147483648;
SELECT a FROM (SELECT 1 AS a) x;
SELECT a, b, c FROM (VALUES (1, 1.5, 'x')) v(a, b, c);
WITH c AS (SELECT 1 AS one, 1.5 AS n, 'x' AS s, true AS b) SELECT * FROM c;
CREATE VIEW dm_v AS SELECT 1 AS one, 'x' AS s, 1.5 AS n, true AS b, 10000000000 AS big;
SELECT * FROM dm_v;
CREATE VIEW dm_va AS SELECT id, sum(n) AS total, max(tz) AS last, count(*) AS c FROM dm_t GROUP BY id;
SELECT * FROM dm_va ORDER BY id;
CREATE VIEW dm_vw AS SELECT id, row_number() OVER (ORDER BY id) rn, lag(n) OVER (ORDER BY id) pn FROM dm_t;
SELECT * FROM dm_vw ORDER BY id;
CREATE VIEW dm_vu AS SELECT i4 AS x FROM dm_t UNION ALL SELECT i8 FROM dm_t;
SELECT * FROM dm_vu ORDER BY 1;
-- date/time arithmetic and functions
SELECT date_bin('15 minutes', tz, '2024-01-01') FROM dm_t ORDER BY id;
SELECT date_bin('1 hour', tz, '2024-01-01 00:00:00+00'::timestamptz), date_bin('1 day', d::timestamp, '2024-01-01'::timestamp) FROM dm_t ORDER BY id;
SELECT d + iv, d - iv, tz + iv, tz - iv, d + interval '1 day', tz + interval '1 hour' FROM dm_t ORDER BY id;
SELECT d - d, tz - tz, d - 1, d + 1, iv * 2, iv / 2 FROM dm_t ORDER BY id;
SELECT now(), current_date, current_timestamp, localtimestamp;
SELECT extract(year FROM d), extract(epoch FROM tz), extract(hour FROM iv), date_part('year', d) FROM dm_t ORDER BY id;
SELECT to_char(tz, 'YYYY'), to_char(n, '999'), to_char(d, 'YYYY') FROM dm_t ORDER BY id;
SELECT age(tz, tz), age(d::timestamp, d::timestamp), justify_days(iv) FROM dm_t ORDER BY id;
SELECT date_trunc('day', tz), date_trunc('month', d) FROM dm_t ORDER BY id;
-- arrays
SELECT array_cat(ARRAY[1,2], ARRAY[3]), array_append(ARRAY[1,2], 3), array_remove(ARRAY[1,2], 2), cardinality(ARRAY[1,2]);
SELECT array_cat(ia, ARRAY[3]), array_append(ia, 4), array_remove(ia, 1), array_prepend(0, ia), cardinality(ia), array_length(ta, 1), array_position(ia, 2) FROM dm_t ORDER BY id;
SELECT array_append(ta, 'z'), array_cat(ta, ta), array_to_string(ia, ',') FROM dm_t ORDER BY id;
SELECT array_cat(ARRAY[1,2], ARRAY[3.5]), ARRAY[1, 2.5], ARRAY[1, 2::int8], ARRAY['a', 'b'];
-- set-returning functions in FROM
SELECT value FROM jsonb_array_elements('[1,2]'::jsonb);
SELECT e FROM dm_t, jsonb_array_elements(j->'a') e ORDER BY 1;
-- differs: jsonb_array_elements_text in the select list is refused (0A000: only in FROM)
SELECT jsonb_array_elements_text('[1,2]'::jsonb);
SELECT key, value FROM jsonb_each('{"a":1}'::jsonb);
SELECT k, v FROM jsonb_each_text('{"a":1}') AS x(k, v);
SELECT g FROM generate_series(1, 3) g;
SELECT g FROM generate_series(1::int8, 3) g;
SELECT g FROM generate_series(1.5, 3) g;
SELECT g FROM generate_series('2024-01-01'::timestamptz, '2024-01-03', '1 day') g;
SELECT u FROM dm_t, unnest(ia) u ORDER BY 1;
SELECT unnest(ta) FROM dm_t ORDER BY 1;
SELECT * FROM unnest(ARRAY[1,2]) WITH ORDINALITY AS x(v, o);
SELECT unnest(ARRAY[1,2]);
SELECT * FROM unnest(ARRAY[1.5, 2]) u;
SELECT u FROM unnest('{1,2}'::int2[]) u;
SELECT s FROM regexp_split_to_table('a,b', ',') s;
-- window functions
SELECT row_number() OVER (ORDER BY id), rank() OVER (ORDER BY i4), dense_rank() OVER (ORDER BY i4), ntile(2) OVER (ORDER BY id), percent_rank() OVER (ORDER BY i4), cume_dist() OVER (ORDER BY i4) FROM dm_t ORDER BY id;
SELECT lag(n) OVER (ORDER BY id), lead(i4) OVER (ORDER BY id), first_value(tz) OVER (ORDER BY id), last_value(d) OVER (ORDER BY id), nth_value(iv, 1) OVER (ORDER BY id) FROM dm_t ORDER BY id;
SELECT sum(i4) OVER (), sum(i8) OVER (), sum(n) OVER (), avg(i4) OVER (), avg(n) OVER (), avg(f) OVER (), count(*) OVER (), min(tz) OVER (), max(d) OVER () FROM dm_t ORDER BY id;
SELECT rn, s FROM (SELECT row_number() OVER (ORDER BY id) rn, sum(n) OVER (ORDER BY id) s FROM dm_t) x ORDER BY 1;
-- conditional expressions
SELECT CASE WHEN b THEN i4 ELSE i8 END, CASE WHEN b THEN n ELSE 0 END, CASE WHEN b THEN 1 ELSE 2.5 END, CASE WHEN b THEN f ELSE i4 END FROM dm_t ORDER BY id;
SELECT CASE WHEN b THEN d END, CASE WHEN b THEN tz ELSE NULL END, CASE i4 WHEN 1 THEN 'a' ELSE 'b' END FROM dm_t ORDER BY id;
SELECT COALESCE(n, 0), COALESCE(i4, i8), COALESCE(f, 0), COALESCE(tz, now()), COALESCE(r, 0) FROM dm_t ORDER BY id;
-- differs-type: NULLIF of a numeric(p,s) column is described without the column's type modifier (PostgreSQL keeps it)
SELECT NULLIF(n, 0), NULLIF(i4, 0), NULLIF(t, ''), NULLIF(i8, 1) FROM dm_t ORDER BY id;
SELECT GREATEST(a, b), LEAST(a, c) FROM (SELECT i4 a, i8 b, n c FROM dm_t) x ORDER BY 1;
SELECT greatest(n, 1), least(f, r), greatest(tz, now()) FROM dm_t ORDER BY id;
-- set operations
SELECT i4 FROM dm_t UNION SELECT i8 FROM dm_t ORDER BY 1;
SELECT n FROM dm_t UNION ALL SELECT 1 ORDER BY 1;
SELECT i4, n FROM dm_t UNION SELECT 1, 2 ORDER BY 1;
SELECT tz FROM dm_t UNION SELECT now() ORDER BY 1;
SELECT x FROM (SELECT i4 AS x FROM dm_t UNION ALL SELECT 1.5) s ORDER BY 1;
SELECT d FROM dm_t INTERSECT SELECT d FROM dm_t ORDER BY 1;
-- predicates
SELECT EXISTS (SELECT 1 FROM dm_t), NOT EXISTS (SELECT 1 FROM dm_t WHERE false), i4 IN (1, 2), i4 NOT IN (SELECT i4 FROM dm_t), t IN ('a') FROM dm_t ORDER BY id;
SELECT e FROM (SELECT EXISTS (SELECT 1 FROM dm_t) AS e) x;
-- string functions
SELECT length(t), position('a' in t), strpos(t, 'a'), left(t, 1), right(t, 1), md5(t), char_length(t), octet_length(t), lpad(t, 3) FROM dm_t ORDER BY id;
SELECT repeat(t, 2), reverse(t), initcap(t), split_part(t, ',', 1), ascii(t), chr(65), replace(t, 'a', 'b'), translate(t, 'a', 'b') FROM dm_t ORDER BY id;
-- numeric functions and json
SELECT round(n, 1), abs(f), ceil(n), floor(f), sqrt(f), power(i4, 2), mod(i8, 2), n::int, i4::float8 / 2, i4 / 2, i8 % 3 FROM dm_t ORDER BY id;
SELECT jsonb_array_length(j->'a'), jsonb_typeof(j), j->'a', j->>'k', jsonb_build_object('a', 1), to_jsonb(n) FROM dm_t ORDER BY id;
-- renamed and nested derived relations, stars, set operations with constants
WITH a AS (SELECT sum(i4) s FROM dm_t), b(total, n) AS (SELECT s, s * 1.5 FROM a) SELECT total, n FROM b;
SELECT * FROM (SELECT max(d) AS md, avg(f) AS af FROM dm_t) x, (SELECT count(*) AS c FROM dm_t) y;
SELECT x.a, y.* FROM (SELECT min(iv) AS a FROM dm_t) x JOIN (SELECT max(tz) AS z, sum(n) AS sn FROM dm_t) y ON true;
SELECT q.x, q.y FROM (SELECT sum(i8), bool_and(b) FROM dm_t) q(x, y);
CREATE VIEW dm_vc (a, b) AS SELECT sum(n), max(tz) FROM dm_t;
SELECT a, b FROM dm_vc;
SELECT v.one + 1, v.n * 2 FROM dm_v v;
SELECT s FROM (SELECT s FROM dm_va JOIN (SELECT 1 AS s) k ON true) z;
SELECT i4 AS x FROM dm_t UNION ALL SELECT 1.5 ORDER BY 1;
SELECT 1 UNION SELECT i8 FROM dm_t ORDER BY 1;
SELECT * FROM jsonb_array_elements('[1]') e;
SELECT e, e.value FROM jsonb_array_elements_text('["a"]') e;
SELECT d + 1, tz + iv FROM (SELECT d, tz, iv FROM dm_t) s ORDER BY 1;
SELECT (SELECT max(i4) FROM dm_t) * 2, COALESCE((SELECT avg(n) FROM dm_t), 0);
WITH RECURSIVE r(x, s) AS (SELECT 1, 1.5 UNION ALL SELECT x + 1, s * 2 FROM r WHERE x < 3) SELECT x, s FROM r ORDER BY x;
