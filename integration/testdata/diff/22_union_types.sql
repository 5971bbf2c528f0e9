-- union types: a set operation's column is of its operands' common type
-- (select_common_type), and every operand's value is converted to it
-- before the union sorts, compares, deduplicates or prints it: an int4
-- column beside a numeric constant or column is numeric, beside a float8
-- one float8 (setoptypes.go).
CREATE TABLE ut_t (i int4, b int8, n numeric, n2 numeric(5,2), r float8, f real);
INSERT INTO ut_t VALUES (1, 10, 1.50, 1.50, 0.5, 0.25), (2, 20, 2.25, 9.25, 1.5, 2.5);
SELECT i FROM ut_t UNION ALL SELECT 1.5 ORDER BY 1;
SELECT i FROM ut_t UNION ALL SELECT 1.5 ORDER BY 1 DESC;
SELECT 1.500 AS v UNION SELECT n FROM ut_t UNION SELECT 7 ORDER BY v DESC;
SELECT 1.500 AS v UNION SELECT n FROM ut_t UNION SELECT 7 ORDER BY v;
SELECT 1.5::numeric(5,2) UNION SELECT 2.5::numeric(5,1) ORDER BY 1;
SELECT 1.5::numeric(5,2) AS a UNION ALL SELECT 2.5::numeric(5,1) ORDER BY 1;
SELECT * FROM (SELECT i FROM ut_t UNION ALL SELECT 1.5) u WHERE i > 1.2 ORDER BY 1;
SELECT * FROM (SELECT i FROM ut_t UNION ALL SELECT 1.5) u ORDER BY 1;
SELECT i FROM ut_t UNION SELECT r FROM ut_t ORDER BY 1;
SELECT n FROM ut_t UNION SELECT r FROM ut_t ORDER BY 1;
SELECT 1.5 UNION SELECT r FROM ut_t ORDER BY 1;
SELECT r FROM ut_t UNION SELECT 1.5 ORDER BY 1;
SELECT i FROM ut_t UNION SELECT b FROM ut_t ORDER BY 1;
SELECT i FROM ut_t UNION SELECT f FROM ut_t ORDER BY 1;
SELECT n FROM ut_t UNION SELECT f FROM ut_t ORDER BY 1;
SELECT n FROM ut_t UNION ALL SELECT 2 ORDER BY 1;
SELECT DISTINCT x FROM (SELECT i AS x FROM ut_t UNION ALL SELECT 1.0 UNION ALL SELECT 2.00) s ORDER BY 1;
SELECT x FROM (SELECT i AS x FROM ut_t UNION ALL SELECT 1.5) s ORDER BY x DESC LIMIT 2;
SELECT x, count(*) FROM (SELECT i AS x FROM ut_t UNION ALL SELECT 1.0 UNION ALL SELECT n FROM ut_t) s GROUP BY x ORDER BY x;
SELECT sum(x), avg(x) FROM (SELECT i AS x FROM ut_t UNION ALL SELECT 0.25) s;
SELECT max(x), min(x) FROM (SELECT i AS x FROM ut_t UNION ALL SELECT 0.25) s;
WITH u AS (SELECT i AS x FROM ut_t UNION ALL SELECT 1.5) SELECT x FROM u WHERE x > 1.2 ORDER BY x;
WITH u AS (SELECT i AS x FROM ut_t UNION SELECT 1.5) SELECT x FROM u ORDER BY x;
WITH u AS (SELECT i AS x FROM ut_t UNION ALL SELECT 1.5) SELECT x FROM u WHERE x < 2 ORDER BY x DESC;
-- differs-type: a NULL operand hides the common type from the description (described from the values: text)
SELECT i FROM ut_t UNION ALL SELECT NULL UNION ALL SELECT 1.5 ORDER BY 1;
SELECT i, n FROM ut_t UNION ALL SELECT 3, 0.5 ORDER BY 2;
SELECT i, n FROM ut_t UNION ALL SELECT 3, 0.5 ORDER BY 1, 2;
-- differs-type: an expression operand declares no type (described from the values: text)
SELECT i + 0 FROM ut_t UNION ALL SELECT 1.5 ORDER BY 1;
SELECT ut_t.i FROM ut_t UNION ALL SELECT 1.5 ORDER BY 1;
SELECT b FROM ut_t UNION ALL SELECT 10.5 ORDER BY 1;
SELECT 2.5 AS v UNION ALL SELECT i FROM ut_t ORDER BY v;
SELECT i FROM ut_t WHERE i IN (SELECT 1.0 UNION SELECT 2.5) ORDER BY 1;
SELECT i FROM ut_t UNION ALL SELECT 1e3 ORDER BY 1;
SELECT r FROM ut_t UNION ALL SELECT i FROM ut_t ORDER BY 1;
SELECT r FROM ut_t UNION ALL SELECT n FROM ut_t ORDER BY 1;
SELECT f FROM ut_t UNION ALL SELECT n FROM ut_t ORDER BY 1;
SELECT n2 FROM ut_t UNION ALL SELECT 3.5 ORDER BY 1;
SELECT n2 FROM ut_t UNION ALL SELECT i FROM ut_t ORDER BY 1;
SELECT 1.5::numeric(5,2) UNION ALL SELECT n2 FROM ut_t ORDER BY 1;
SELECT i FROM ut_t UNION ALL SELECT 1.5 ORDER BY 1 LIMIT 2 OFFSET 1;
SELECT i FROM ut_t UNION SELECT 2.0 ORDER BY 1;
SELECT count(*) FROM (SELECT i FROM ut_t UNION SELECT 2.0) s;
SELECT i FROM ut_t INTERSECT SELECT 2.5 ORDER BY 1;
SELECT i FROM ut_t EXCEPT SELECT 1.0 ORDER BY 1;
SELECT n FROM ut_t EXCEPT SELECT 1.5 ORDER BY 1;
-- differs: INTERSECT keeps SQLite's pick among equal values (PostgreSQL's planner puts the smaller operand first)
SELECT i FROM ut_t INTERSECT SELECT 1.0 ORDER BY 1;
-- differs: INTERSECT keeps SQLite's pick among equal values (PostgreSQL's planner puts the smaller operand first)
SELECT n FROM ut_t INTERSECT SELECT 1.5;
SELECT 1.5 INTERSECT SELECT 1.50;
SELECT * FROM (SELECT 1.50 AS x UNION SELECT 1.5) s;
SELECT * FROM (SELECT 1.5 AS x UNION SELECT 1.50) s;
WITH c AS (SELECT 1.50 AS x UNION SELECT 1.5) SELECT * FROM c;
CREATE VIEW ut_v AS SELECT i AS x FROM ut_t UNION ALL SELECT 1.5;
SELECT * FROM ut_v ORDER BY x;
-- differs: a view's union column is not typed at run time where the view is read (1 compares as an integer with 1.2's numeric text)
SELECT * FROM ut_v WHERE x > 1.2 ORDER BY x DESC;
SELECT i FROM ut_t WHERE i > 5 UNION ALL SELECT 1.5 ORDER BY 1;
SELECT i::numeric FROM ut_t UNION ALL SELECT 1.5 ORDER BY 1;
