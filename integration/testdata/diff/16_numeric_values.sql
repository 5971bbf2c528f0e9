-- Decimal constants are numeric wherever they are values: in VALUES
-- lists (FROM items, CTEs, the statement's own), set operations,
-- subqueries and aggregates (sqlexec/pgdialect/nestedresolve.go).
SELECT x, count(*) FROM (VALUES (1.0), (1.00), (2), (2.0)) v(x) GROUP BY x ORDER BY x;
SELECT max(x), min(x) FROM (VALUES (1.10), (1.1), (-0.5), (10)) v(x);
SELECT x FROM (VALUES (0.3), (0.1), (0.2), (1e-20)) v(x) ORDER BY x DESC;
SELECT x FROM (VALUES (12345678901234567890.123456789), (99999999999999999999), (-0.0)) v(x);
SELECT x, y FROM (VALUES (1, 0.5), (2, 1)) v(x, y) WHERE y > 0.7;
SELECT x + 0.1, x * 3, x / 3, -x FROM (VALUES (0.2)) v(x);
SELECT x::int, x::float8, x::text FROM (VALUES (2.50), (-3.5)) v(x);
SELECT sum(x), avg(x), stddev(x), var_pop(x) FROM (VALUES (1), (2.5), (4)) v(x);
SELECT sum(x) FROM (VALUES (9223372036854775807), (1)) v(x);
SELECT array_agg(x ORDER BY x), string_agg(x::text, ',' ORDER BY x) FROM (VALUES (2.50), (-1), (10)) v(x);
SELECT json_build_object('a', x) FROM (VALUES (1.50)) v(x);
SELECT json_agg(x) FROM (VALUES (1.50), (2)) v(x);
SELECT coalesce(x, 0), CASE WHEN x > 1 THEN x ELSE 0 END FROM (VALUES (1.50), (NULL), (0.5)) v(x);
SELECT greatest(x, 1), least(x, 1) FROM (VALUES (1.50), (0.5), (10)) v(x);
SELECT x BETWEEN 0.1 AND 0.3, x IN (0.2, 0.30) FROM (VALUES (0.2), (0.30), (0.4)) v(x);
VALUES (1.50), (2);
VALUES (1, 0.10), (2.5, 3);
WITH c(x) AS (VALUES (0.1), (0.2)) SELECT sum(x), avg(x) FROM c;
WITH c AS (SELECT 0.1 AS x UNION ALL SELECT 0.2) SELECT sum(x) FROM c;
WITH c AS (SELECT 1 AS x UNION ALL SELECT 1.5) SELECT x, sum(x) OVER () FROM c ORDER BY x DESC;
SELECT x FROM (SELECT 1.50 AS x) s;
SELECT s.x * 2, s.y FROM (SELECT 1.50 AS x, 1 AS y UNION ALL SELECT 2, 2.0) s ORDER BY 1;
SELECT sum(0.1), avg(1.5), min(1.50), max(2.50) FROM generate_series(1, 3);
SELECT x FROM (SELECT 1.5::float8 AS x UNION SELECT 0.1) s ORDER BY x;
SELECT sum(x) FROM (VALUES (0.1::float8), (0.2)) v(x);
SELECT x FROM (VALUES (1), (2)) v(x) WHERE x IN (SELECT 1.0);
SELECT 1e400::numeric > 1e399, 1e400::numeric = 1e400, -1e400::numeric < 0;
SELECT 1e400::float8;
SELECT CAST(1e400 AS float8);
SELECT 1e-400::float8;
SELECT '1e-400'::float8;
SELECT 1e300::float8, 1e-300::float8, 12345678901234567890::float8;
SELECT x FROM (VALUES (1.5), ('abc')) v(x);
SELECT x FROM (VALUES (1), ('a'::text)) v(x);
SELECT x FROM (VALUES ('1.50'), (1)) v(x) ORDER BY x;
SELECT 1.50 UNION SELECT 1.5;
