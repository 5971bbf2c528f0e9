-- differs-type: generate_series is described as int8 (PostgreSQL: int4 for int4 arguments)
SELECT * FROM generate_series(1, 5);
-- differs-type: generate_series is described as int8 (PostgreSQL: int4 for int4 arguments)
SELECT * FROM generate_series(1, 10, 3);
-- differs-type: generate_series is described as int8 (PostgreSQL: int4 for int4 arguments)
SELECT * FROM generate_series(5, 1, -2);
-- differs-type: an empty generate_series is described as text (no row to type it from)
SELECT * FROM generate_series(1, 0);
-- differs-type: generate_series is described as int8 (PostgreSQL: int4 for int4 arguments)
SELECT g FROM generate_series(1, 3) AS g;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT g.i * 2 FROM generate_series(1, 3) AS g(i);
SELECT sum(i) FROM generate_series(1, 100) i;
SELECT count(*) FROM generate_series(1, 10) a, generate_series(1, 10) b;
-- differs: generate_series in the select list is refused (0A000)
SELECT generate_series(1, 3);
SELECT * FROM generate_series(1, 5, 0);
SELECT 1 AS a, 2 AS b;
SELECT 1 a;
SELECT 'x' AS "Mixed Case";
SELECT id AS "ID" FROM emp WHERE id = 1;
SELECT count(*) FROM emp AS e WHERE e.id > 2;
SELECT emp.name FROM emp WHERE emp.id = 2;
SELECT * FROM emp WHERE id = 1;
TABLE words LIMIT 1;
SELECT 1; 
-- differs: SELECT with an empty select list is a syntax error
SELECT;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
VALUES (1, 'one'), (2, 'two');
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT * FROM (VALUES (1)) AS t;
SELECT $1;
SELECT current_database() IS NOT NULL;
SELECT pg_typeof(1), pg_typeof('a'::text), pg_typeof(1.5), pg_typeof(true), pg_typeof(1::bigint);
SELECT 'a' = ANY(ARRAY['a', 'b']);
SELECT id FROM emp WHERE id = ANY(ARRAY[1, 2]) ORDER BY id;
-- differs: SIMILAR TO is refused (0A000)
SELECT count(*) FROM emp WHERE name SIMILAR TO '%a%';
SELECT nosuchfunc(1);
SELECT nosuchfunc(1, 'a', 2.5, NULL, true, 'x'::text, 10000000000);
SELECT nosuchfunc();
-- differs-message: the syntax error is reported at end of input, PostgreSQL names the ';'
SELECT * FROM emp WHERE;
SELEC 1;
-- differs-message: SQLite's tokenizer message for an unterminated string
SELECT 'unterminated;
SELECT name FROM emp WHERE id = 1 FOR UPDATE;
BEGIN;
INSERT INTO words VALUES ('txn');
SELECT count(*) FROM words WHERE w = 'txn';
ROLLBACK;
SELECT count(*) FROM words WHERE w = 'txn';
BEGIN;
SELECT 1/0;
SELECT 1;
ROLLBACK;
SELECT count(*) FROM emp WHERE hired > '2021-01-01';
SELECT hired + 1 FROM emp WHERE id = 1;
SELECT id, hired FROM emp ORDER BY hired DESC NULLS LAST, id;
SELECT EXTRACT(year FROM hired) FROM emp WHERE id = 1;
