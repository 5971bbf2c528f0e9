WITH e AS (SELECT * FROM emp WHERE dept = 'eng') SELECT count(*) FROM e;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT sum(i) FROM n;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
WITH RECURSIVE chain AS (SELECT id, name, manager_id, 1 AS depth FROM emp WHERE id = 6 UNION ALL SELECT e.id, e.name, e.manager_id, c.depth + 1 FROM emp e JOIN chain c ON e.id = c.manager_id) SELECT name, depth FROM chain ORDER BY depth;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
WITH RECURSIVE fib(a, b) AS (SELECT 0, 1 UNION ALL SELECT b, a + b FROM fib WHERE b < 50) SELECT a FROM fib;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b;
SELECT 1 UNION SELECT 1;
SELECT 1 UNION ALL SELECT 1;
SELECT dept FROM emp UNION SELECT 'hr' ORDER BY 1;
SELECT dept FROM emp INTERSECT SELECT 'eng';
SELECT dept FROM emp EXCEPT SELECT 'eng' ORDER BY 1;
SELECT id FROM emp EXCEPT ALL SELECT 1 ORDER BY 1;
SELECT 1 AS a UNION SELECT 2 ORDER BY a DESC;
-- differs: set operations do not resolve a common column type: 1 UNION 'a' mixes integer and text instead of 22P02
SELECT 1 UNION SELECT 'a';
SELECT 1, 2 UNION SELECT 3;
(SELECT id FROM emp ORDER BY id LIMIT 2) UNION ALL (SELECT id FROM emp ORDER BY id DESC LIMIT 1);
SELECT name FROM emp WHERE id IN (SELECT manager_id FROM emp) ORDER BY name;
SELECT name FROM emp WHERE id NOT IN (SELECT manager_id FROM emp) ORDER BY name;
SELECT name FROM emp WHERE id NOT IN (SELECT manager_id FROM emp WHERE manager_id IS NOT NULL) ORDER BY name;
SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM emp m WHERE m.manager_id = e.id) ORDER BY name;
SELECT e.name, m.name FROM emp e LEFT JOIN emp m ON e.manager_id = m.id ORDER BY e.id;
SELECT e.name, m.name FROM emp e JOIN emp m ON e.manager_id = m.id ORDER BY e.id;
SELECT count(*) FROM emp e RIGHT JOIN emp m ON e.manager_id = m.id;
SELECT count(*) FROM emp e FULL JOIN emp m ON e.manager_id = m.id;
SELECT count(*) FROM emp CROSS JOIN words;
SELECT a.id, b.id FROM emp a JOIN emp b USING (id) WHERE a.id < 3 ORDER BY 1;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s) ORDER BY n DESC;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT x FROM (VALUES (3), (1), (2)) t(x) ORDER BY x;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n * 2 FROM t WHERE n < 100) SELECT max(n) FROM t;
SELECT (SELECT name FROM emp WHERE id = 99);
SELECT (SELECT name FROM emp);
