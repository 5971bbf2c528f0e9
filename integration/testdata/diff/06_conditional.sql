SELECT CASE WHEN 1 > 2 THEN 'a' ELSE 'b' END;
SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' END;
SELECT CASE 3 WHEN 1 THEN 'one' END;
SELECT id, CASE WHEN salary >= 100 THEN 'high' WHEN salary IS NULL THEN 'none' ELSE 'low' END FROM emp ORDER BY id;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT coalesce(NULL, NULL, 3), coalesce(NULL, 'x'), coalesce(salary, 0) FROM emp WHERE id = 4;
-- differs-type: nullif is described from the first row's value (text when NULL, else int8)
SELECT nullif(1, 1), nullif(1, 2), nullif('a', 'b');
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4); least(2.5, 1) is not described as numeric
SELECT greatest(1, 5, 3), least(1, 5, 3), greatest('a', 'b'), least(2.5, 1);
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT greatest(1, NULL, 3), least(NULL, 2);
SELECT greatest(NULL, NULL);
SELECT true, false, NULL::boolean;
SELECT 1 = 1, 1 = 2, NULL = NULL, NULL IS NULL;
SELECT active FROM emp ORDER BY id;
SELECT active, NOT active FROM emp ORDER BY id;
SELECT id, active IS TRUE, active IS NOT FALSE, active IS UNKNOWN FROM emp ORDER BY id;
SELECT 1 IS DISTINCT FROM NULL, NULL IS NOT DISTINCT FROM NULL;
SELECT true AND NULL, false AND NULL, true OR NULL, false OR NULL;
SELECT id FROM emp WHERE active ORDER BY id;
SELECT id FROM emp WHERE NOT active ORDER BY id;
SELECT 1 BETWEEN 0 AND 2, 5 NOT BETWEEN 0 AND 2, 2 BETWEEN SYMMETRIC 3 AND 1;
SELECT 2 IN (1, 2, 3), 4 IN (1, 2), NULL IN (1), 1 IN (NULL, 1), 2 NOT IN (1, NULL);
SELECT id, salary > 95 AS rich FROM emp ORDER BY id;
SELECT 'yes'::boolean, 'off'::boolean, 't'::boolean, '1'::boolean, 'TRUE'::boolean;
SELECT 'maybe'::boolean;
SELECT CASE WHEN NULL THEN 1 ELSE 2 END;
SELECT coalesce(dept, 'none') FROM emp ORDER BY id;
-- differs-type: a CASE without ELSE is described from the first row's value (text when it is NULL)
SELECT CASE WHEN id > 3 THEN id END FROM emp ORDER BY id;
SELECT exists(SELECT 1 FROM emp WHERE id = 1), exists(SELECT 1 FROM emp WHERE id = 99);
SELECT id = 1 FROM emp ORDER BY id LIMIT 2;
SELECT (salary > 90) = active FROM emp ORDER BY id;
-- differs: CASE does not resolve a common result type: ELSE 'x' beside THEN 1 is not 22P02
SELECT CASE WHEN true THEN 1 ELSE 'x' END;
SELECT count(*) FROM emp WHERE dept IS NULL;
SELECT count(*) FROM emp WHERE dept <> 'eng';
SELECT 1 WHERE NULL;
