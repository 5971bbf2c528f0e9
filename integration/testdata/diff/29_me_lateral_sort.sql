-- LATERAL subqueries whose numeric, interval or jsonb table columns are
-- sorted: by a whole ORDER BY / GROUP BY item, or by the select item's
-- position or output name (pg_lateral_key), and keywords of sibling
-- groups that cannot read the column (a derived table's own DISTINCT)
CREATE TABLE n29me_e (id int PRIMARY KEY, boss int, name text, salary numeric, dept text, took interval, meta jsonb);
INSERT INTO n29me_e VALUES (1, NULL, 'A', 100000, 'eng', '1 day', '{"a": 2}'), (2, 1, 'B', 80000, 'eng', '36 hours', '{"a": 10}'), (3, 1, 'C', 90000, 'ops', '2 hours', '[1]'), (4, 2, 'D', 60000, 'eng', '1 mon', '"x"'), (5, 3, 'E', 55000.50, 'ops', '23:59:59', '{"a": 2, "b": 1}'), (6, 3, 'F', 9.5, 'ops', NULL, NULL), (7, 3, 'G', 9.50, 'ops', '24 hours', 'null');
SELECT d.dept, x.name, x.salary FROM (SELECT DISTINCT dept FROM n29me_e) d, LATERAL (SELECT name, salary FROM n29me_e WHERE dept = d.dept ORDER BY salary DESC LIMIT 1) x ORDER BY 1;
SELECT d.dept, x.name, x.salary FROM (SELECT DISTINCT dept FROM n29me_e) d, LATERAL (SELECT name, salary FROM n29me_e WHERE dept = d.dept ORDER BY salary DESC LIMIT 2) x ORDER BY 3, 2;
SELECT d.dept, x.salary FROM (SELECT DISTINCT dept FROM n29me_e) d, LATERAL (SELECT salary FROM n29me_e WHERE dept = d.dept) x ORDER BY x.salary DESC, 1, 2::text;
SELECT x.salary AS pay, d.name FROM n29me_e d, LATERAL (SELECT salary FROM n29me_e WHERE id = d.id) x ORDER BY pay, d.name;
SELECT x.salary AS pay, d.name FROM n29me_e d, LATERAL (SELECT salary FROM n29me_e WHERE id = d.id) x ORDER BY 1 DESC, 2;
SELECT x.salary, d.name FROM n29me_e d, LATERAL (SELECT salary FROM n29me_e WHERE id = d.id) x ORDER BY salary, name;
SELECT count(*), min(d.name) FROM n29me_e d, LATERAL (SELECT salary FROM n29me_e WHERE dept = d.dept) x GROUP BY x.salary ORDER BY x.salary;
SELECT d.name FROM n29me_e d, LATERAL (SELECT salary FROM n29me_e WHERE id = d.boss) x ORDER BY x.salary NULLS FIRST, 1;
SELECT d.name, x.* FROM n29me_e d LEFT JOIN LATERAL (SELECT salary, name FROM n29me_e WHERE id = d.boss) x ON true ORDER BY x.salary DESC, d.name;
SELECT d.name, x.took FROM n29me_e d, LATERAL (SELECT took FROM n29me_e WHERE id = d.id) x ORDER BY x.took, d.name;
SELECT d.name, x.meta FROM n29me_e d, LATERAL (SELECT meta FROM n29me_e WHERE id = d.id) x ORDER BY x.meta DESC, d.name;
-- an unqualified name outside the item's block is not its column
WITH c AS (SELECT x.salary FROM (SELECT dept FROM n29me_e) d, LATERAL (SELECT salary FROM n29me_e WHERE dept = d.dept) x) SELECT salary FROM c ORDER BY salary::text;
SELECT DISTINCT x.salary FROM (SELECT DISTINCT dept FROM n29me_e) d, LATERAL (SELECT salary FROM n29me_e WHERE dept = d.dept) x ORDER BY 1;
-- differs: 9.5 and 9.50 tie under ORDER BY salary; PostgreSQL's sort, which is not stable, puts 9.50 first, raftsql the first read (an order SQL leaves open)
SELECT * FROM (SELECT x.salary FROM n29me_e d, LATERAL (SELECT salary FROM n29me_e WHERE id = d.id) x) q ORDER BY salary;
