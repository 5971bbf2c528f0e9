-- errorder: the constants PostgreSQL evaluates while it parses and plans
-- a statement (a literal a cast reads; a call of an immutable function or
-- operator over constants) fail even when no row is read: an empty table,
-- WHERE false, LIMIT 0. What PostgreSQL drops unsimplified (a CASE branch
-- behind a constant condition, AND after false, OR after true, COALESCE
-- after a non-null constant, EXISTS's select list, a derived table's
-- unused column, an unreferenced CTE) does not fail (issue 11).
CREATE TABLE n26errorder_e (x int, a int, t text, f float8, n numeric);
CREATE TABLE n26errorder_r (x int, a int);
INSERT INTO n26errorder_r VALUES (1, 10), (2, 20);
SELECT 1/0 FROM n26errorder_e;
SELECT * FROM n26errorder_e WHERE x = 1/0;
SELECT 'abc'::int FROM n26errorder_e WHERE false;
SELECT CAST('abc' AS int) FROM n26errorder_e WHERE false;
SELECT int 'abc' FROM n26errorder_e WHERE false;
SELECT 2147483647::int4 + 1 FROM n26errorder_e;
SELECT 9223372036854775807 + 1 FROM n26errorder_e;
SELECT 2::int2 * 20000::int2 FROM n26errorder_e;
SELECT sqrt(-1) FROM n26errorder_e;
SELECT ln(0) FROM n26errorder_e;
SELECT log(-1) FROM n26errorder_e;
SELECT power(0, -1) FROM n26errorder_e;
SELECT 5 % 0 FROM n26errorder_e;
SELECT 1.0/0 FROM n26errorder_e;
SELECT 1.0::float8/0 FROM n26errorder_e;
SELECT 1e308::float8 * 10 FROM n26errorder_e;
SELECT 1e308 * 10 FROM n26errorder_e;
SELECT abs(-2147483648) FROM n26errorder_e;
SELECT 'x'::date FROM n26errorder_e;
SELECT now() - 'abc'::interval FROM n26errorder_e;
SELECT ('ab' || 'c')::int FROM n26errorder_e;
SELECT ('20' || '20-13-01')::date FROM n26errorder_e;
SELECT (1/0)::text FROM n26errorder_e;
SELECT (2147483647 + 1)::text || x FROM n26errorder_e;
SELECT x + 1/0 FROM n26errorder_e;
SELECT x FROM n26errorder_e ORDER BY 1/0;
SELECT x FROM n26errorder_e ORDER BY x + 1/0 DESC;
SELECT x FROM n26errorder_e GROUP BY x, 1/0;
SELECT x FROM n26errorder_e LIMIT 1/0;
SELECT 1 FROM n26errorder_e WHERE x = 1/0 LIMIT 0;
SELECT 1/0 FROM n26errorder_e LIMIT 0;
SELECT count(*) FROM n26errorder_e WHERE x = 1/0;
SELECT sum(1/0) FROM n26errorder_e;
SELECT string_agg(t, ',' ORDER BY 1/0) FROM n26errorder_e;
SELECT count(*) FILTER (WHERE 1/0 = 1) FROM n26errorder_e;
SELECT row_number() OVER (ORDER BY 1/0) FROM n26errorder_e;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY 1/0) FROM n26errorder_e;
SELECT x, (CASE WHEN false THEN count(*) FILTER (WHERE 1/0 = 1) END)::int8 AS c FROM n26errorder_e GROUP BY x;
INSERT INTO n26errorder_r VALUES (1, 1) ON CONFLICT DO NOTHING RETURNING 1/0;
SELECT round(1.5, 1/0) FROM n26errorder_e;
SELECT to_char(1/0, '9') FROM n26errorder_e;
SELECT greatest(1, 1/0) FROM n26errorder_e;
SELECT upper('a') || 1/0 FROM n26errorder_e;
SELECT 1 FROM n26errorder_e WHERE x IN (1, 1/0);
SELECT 1 FROM n26errorder_e WHERE x = ANY(ARRAY[1, 1/0]);
SELECT 1 FROM n26errorder_e WHERE x IS NOT DISTINCT FROM 1/0;
SELECT x FROM n26errorder_e WHERE x BETWEEN 1 AND 2147483647 + 1;
SELECT 1 FROM n26errorder_e GROUP BY x HAVING 1/0 = 1;
SELECT 1 FROM n26errorder_e e1 JOIN n26errorder_e e2 ON 1/0 = 1;
SELECT 1/0, sqrt(-1) FROM n26errorder_e;
SELECT sqrt(-1) FROM n26errorder_e WHERE x = 1/0;
SELECT x FROM n26errorder_e WHERE x = 1 AND 'abc'::int = 1;
SELECT 1/0 FROM n26errorder_e WHERE 'abc'::int = 1;
SELECT 1/0 FROM n26errorder_e UNION SELECT 1 FROM n26errorder_e;
SELECT (SELECT 1/0) FROM n26errorder_e;
SELECT x FROM n26errorder_e WHERE x IN (SELECT 1/0);
SELECT x FROM n26errorder_e WHERE x IN (SELECT 1/0 FROM n26errorder_e WHERE false);
SELECT 1 FROM n26errorder_e WHERE EXISTS (SELECT 1 WHERE 1/0 = 1);
SELECT 1 FROM n26errorder_e WHERE EXISTS (SELECT 'abc'::int);
-- CASE: a branch behind a constant condition is dropped; behind a column's, folded
SELECT CASE WHEN false THEN 1/0 END FROM n26errorder_e;
SELECT CASE WHEN 1=0 THEN 1/0 END FROM n26errorder_e;
SELECT CASE WHEN true THEN 1 ELSE 1/0 END FROM n26errorder_e;
SELECT CASE WHEN 1=1 THEN 1 ELSE 1/0 END FROM n26errorder_e;
SELECT CASE 1 WHEN 2 THEN 1/0 ELSE 0 END FROM n26errorder_e;
SELECT CASE WHEN x > 0 THEN 1/0 END FROM n26errorder_e;
SELECT CASE x WHEN 1/0 THEN 1 END FROM n26errorder_e;
SELECT CASE WHEN false THEN 'abc'::int END FROM n26errorder_e;
SELECT CASE WHEN x > 0 THEN 1 ELSE 1/0 END FROM n26errorder_e;
-- AND, OR, COALESCE: simplified in order, stopped at a deciding constant
SELECT 1 WHERE false AND 1/0 = 1;
SELECT 1 FROM n26errorder_e WHERE false AND 1/0 = 1;
SELECT 1 FROM n26errorder_e WHERE 1/0 = 1 AND false;
SELECT 1 FROM n26errorder_e WHERE x > 0 AND 1/0 = 1;
SELECT 1 FROM n26errorder_e WHERE x > 1 OR true OR 1/0 = 1;
SELECT 1 FROM n26errorder_e WHERE x > 0 AND (false AND 1/0 = 1);
SELECT 1 FROM n26errorder_e WHERE false OR 1/0 = 1;
SELECT coalesce(1, 1/0) FROM n26errorder_e;
SELECT coalesce(NULL, 1/0) FROM n26errorder_e;
SELECT coalesce(x, 1/0) FROM n26errorder_e;
SELECT nullif(1, 1/0) FROM n26errorder_e;
SELECT x FROM n26errorder_e WHERE EXISTS (SELECT 1/0);
SELECT x FROM (SELECT x, 1/0 AS y FROM n26errorder_e) s;
WITH c AS (SELECT 1/0) SELECT 1 FROM n26errorder_e;
-- not folded: stable and volatile calls, parameters of rows, a text cast to date
SELECT x FROM n26errorder_e WHERE now() < now() - interval '1 day' * (1/x);
SELECT 1/x FROM n26errorder_e;
SELECT 1/x FROM n26errorder_r WHERE false;
-- rows read: the same constants fold the same way
SELECT x, 1/0 FROM n26errorder_r;
SELECT x, CASE WHEN x > 5 THEN 1/0 ELSE 0 END FROM n26errorder_r ORDER BY x;
SELECT x, CASE WHEN x > 5 THEN 1/x ELSE 0 END FROM n26errorder_r ORDER BY x;
SELECT x, coalesce(a, 1/0) FROM n26errorder_r ORDER BY x;
SELECT x * 2147483647 FROM n26errorder_r ORDER BY x;
SELECT x FROM n26errorder_r WHERE x = 1 OR x * 2147483647 + 1 > 0 ORDER BY x;
-- writes: refused before they run, the table unchanged
UPDATE n26errorder_r SET a = 1/0 WHERE false;
UPDATE n26errorder_r SET a = a + 1 WHERE x = sqrt(-1);
INSERT INTO n26errorder_r SELECT 1/0 WHERE false;
INSERT INTO n26errorder_r SELECT x, 'abc'::int FROM n26errorder_e;
INSERT INTO n26errorder_r VALUES (3, 30), (4, 1/0);
DELETE FROM n26errorder_r WHERE x = 1/0;
DELETE FROM n26errorder_r WHERE x = 99 RETURNING 2147483647 + 1;
UPDATE n26errorder_e SET a = 2147483647 + 1;
SELECT * FROM n26errorder_r ORDER BY x;
BEGIN;
INSERT INTO n26errorder_r VALUES (5, 50);
UPDATE n26errorder_r SET a = 1/0 WHERE false;
SELECT 1;
ROLLBACK;
SELECT * FROM n26errorder_r ORDER BY x;
-- differs: a referenced CTE's body is not searched for constants (raftsql leaves every CTE body out)
WITH c AS (SELECT 1/0 AS v) SELECT v FROM c WHERE false;
-- differs: a condition of two constants is not evaluated: what follows it is left out, as when it is true
SELECT 1 FROM n26errorder_e WHERE x > 0 OR (1 = 0 OR 1/0 = 1);
-- differs: date arithmetic over constants is not folded ahead (only numeric operators, casts and math functions are)
SELECT date '5874897-12-31' + 1 FROM n26errorder_e;
CREATE VIEW n26errorder_v AS SELECT 1/0 AS z FROM n26errorder_e;
-- differs: a view's body is planned with the query that reads it in PostgreSQL; raftsql does not search it
SELECT * FROM n26errorder_v;
DROP VIEW n26errorder_v;
-- positions
SELECT 'abc'::int FROM n26errorder_e WHERE false;
SELECT CAST('abc' AS int) FROM n26errorder_e WHERE false;
SELECT int 'abc' FROM n26errorder_e;
SELECT x FROM n26errorder_e WHERE x = 1 AND 'abc'::int = 1;
SELECT CASE WHEN false THEN 'abc'::int END FROM n26errorder_e;
SELECT 1/0 FROM n26errorder_e;
DROP TABLE n26errorder_e;
DROP TABLE n26errorder_r;
