SELECT id, row_number() OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT name, dept, row_number() OVER (PARTITION BY dept ORDER BY salary DESC, id) AS rn FROM emp ORDER BY dept, rn;
SELECT name, salary, rank() OVER (ORDER BY salary DESC) FROM emp ORDER BY id;
SELECT name, salary, dense_rank() OVER (ORDER BY salary DESC) FROM emp ORDER BY id;
-- differs-type: lag/lead are described from the first row's value (text when it is NULL)
SELECT id, lag(salary) OVER (ORDER BY id), lead(salary) OVER (ORDER BY id) FROM emp ORDER BY id;
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT id, lag(salary, 2, 0) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, dept, sum(salary) OVER (PARTITION BY dept) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM emp ORDER BY id;
SELECT id, salary, sum(salary) OVER (ORDER BY salary) FROM emp ORDER BY id;
SELECT id, avg(salary) OVER (PARTITION BY dept) FROM emp ORDER BY id;
SELECT id, count(*) OVER () FROM emp ORDER BY id;
SELECT id, first_value(name) OVER (PARTITION BY dept ORDER BY id), last_value(name) OVER (PARTITION BY dept ORDER BY id) FROM emp ORDER BY id;
SELECT id, ntile(3) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, percent_rank() OVER (ORDER BY id), cume_dist() OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, nth_value(name, 2) OVER (ORDER BY id) FROM emp ORDER BY id;
SELECT id, min(salary) OVER w, max(salary) OVER w FROM emp WINDOW w AS (PARTITION BY dept) ORDER BY id;
SELECT * FROM (SELECT name, dept, rank() OVER (PARTITION BY dept ORDER BY salary DESC NULLS LAST) r FROM emp) s WHERE r = 1 ORDER BY dept;
SELECT id, salary, rank() OVER (ORDER BY salary) FROM emp ORDER BY id;
SELECT id, sum(salary) OVER (ORDER BY id RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM emp ORDER BY id;
SELECT id, count(salary) OVER (ORDER BY id ROWS 2 PRECEDING) FROM emp ORDER BY id;
