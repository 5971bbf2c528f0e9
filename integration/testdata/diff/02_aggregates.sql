SELECT count(*), count(salary), count(DISTINCT dept), count(DISTINCT salary) FROM emp;
SELECT sum(salary), avg(salary), min(salary), max(salary) FROM emp;
SELECT sum(salary), avg(salary), min(name), max(name) FROM emp WHERE false;
SELECT count(*) FROM emp WHERE false;
SELECT dept, count(*), sum(salary) FROM emp GROUP BY dept ORDER BY dept;
SELECT dept, count(*) FROM emp GROUP BY dept HAVING count(*) > 1 ORDER BY dept;
SELECT string_agg(name, ', ') FROM emp;
SELECT string_agg(name, ', ' ORDER BY name) FROM emp;
SELECT string_agg(name, ',' ORDER BY name DESC) FROM emp WHERE dept = 'eng';
SELECT dept, string_agg(name, '/' ORDER BY id) FROM emp GROUP BY dept ORDER BY dept NULLS FIRST;
SELECT string_agg(DISTINCT dept, ',' ORDER BY dept) FROM emp;
SELECT bool_and(active), bool_or(active), every(active) FROM emp;
SELECT bool_and(active) FROM emp WHERE dept = 'eng';
SELECT count(*) FILTER (WHERE active), sum(salary) FILTER (WHERE dept = 'eng') FROM emp;
-- differs-type: round() over a value of unseen type is described as float8 (PostgreSQL: numeric)
SELECT avg(salary)::int, round(avg(salary), 2) FROM emp;
-- differs-type: avg over VALUES integers is described from the value (float8); the value is PostgreSQL's numeric
SELECT avg(x) FROM (VALUES (1), (2)) v(x);
SELECT sum(x) FROM (VALUES (1), (2), (4)) v(x);
-- differs: decimal literals are SQLite REALs, so avg over VALUES of them is a float8 (2, not 2.0000000000000000); numeric columns average exactly
SELECT avg(x) FROM (VALUES (1.5), (2.5)) v(x);
SELECT max(hired), min(hired) FROM emp;
SELECT count(DISTINCT (dept, active)) FROM emp;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY salary) FROM emp;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY salary) FROM emp;
SELECT mode() WITHIN GROUP (ORDER BY dept) FROM emp;
SELECT stddev(salary), variance(salary) FROM emp;
SELECT array_agg(id ORDER BY id) FROM emp;
SELECT count(1), count(NULL) FROM emp;
SELECT sum(salary) / count(*) FROM emp;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT dept, max(salary) - min(salary) FROM emp GROUP BY dept ORDER BY 1;
SELECT count(*) AS n FROM emp GROUP BY active ORDER BY n DESC, active;
SELECT active, count(*) FROM emp GROUP BY active ORDER BY active;
SELECT sum(1) FROM emp;
SELECT min(w), max(w) FROM words;
SELECT json_agg(name ORDER BY id) FROM emp WHERE dept = 'sales';
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT bit_and(salary), bit_or(salary) FROM emp;
SELECT count(*) FROM (SELECT DISTINCT dept FROM emp) s;
SELECT dept FROM emp GROUP BY dept HAVING bool_and(active) ORDER BY dept;
SELECT name FROM emp WHERE salary > (SELECT avg(salary) FROM emp) ORDER BY name;
SELECT name, salary FROM emp WHERE salary = (SELECT max(salary) FROM emp);
