-- SQLite's own errors for statements PostgreSQL refuses too carry
-- PostgreSQL's SQLSTATE (they answered an internal XX000): a subquery
-- in CHECK, an aggregate or window function in WHERE, an aggregate or a
-- second self-reference in a recursive term, a plain WITH item reading
-- itself, a WITH column list longer than its query, DROP COLUMN on a
-- view, a column reference in DEFAULT; a
-- registered function's error outside a SQLite error (COMMENT ON a
-- missing column); writing through a view, NULLS FIRST/LAST in an
-- index and dropping a table's last column are 0A000. From PostgreSQL's regression suite.
CREATE TABLE rg_sm (a int, b int);
INSERT INTO rg_sm VALUES (1, 2), (1, 3), (2, 4);
CREATE VIEW rg_sm_v AS SELECT a, count(*) AS c FROM rg_sm GROUP BY a;
CREATE TABLE rg_sm_ck (a int CHECK (a > (SELECT 1)));
-- differs-message: PostgreSQL names the clause (in WHERE)
SELECT a FROM rg_sm WHERE sum(b) > 1;
-- differs-message: PostgreSQL names the clause (in WHERE)
SELECT a FROM rg_sm WHERE rank() OVER () > 1;
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT count(*) FROM x) SELECT * FROM x;
-- differs-message: SQLite does not tell a subquery's reference from a second one
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM x WHERE n IN (SELECT * FROM x)) SELECT * FROM x;
WITH x AS (SELECT * FROM x) SELECT * FROM x;
WITH x(n, b) AS (SELECT 1) SELECT * FROM x;
WITH x(n) AS (SELECT 1, 2) SELECT * FROM x;
COMMENT ON COLUMN rg_sm.nosuch IS 'x';
ALTER TABLE rg_sm_v DROP COLUMN c;
-- differs-message: SQLite does not tell a column reference from another non-constant default
CREATE TABLE rg_sm_d (id int DEFAULT (id));
INSERT INTO rg_sm_v VALUES (1, 2);
DELETE FROM rg_sm_v;
CREATE INDEX rg_sm_i ON rg_sm (a DESC NULLS LAST);
SELECT a, b FROM rg_sm ORDER BY a, b;
CREATE TABLE rg_sm_one (a int);
-- differs: dropping a table's last column is refused (0A000): no zero-column tables
ALTER TABLE rg_sm_one DROP COLUMN a;
DROP TABLE rg_sm_one;
DROP VIEW rg_sm_v;
DROP TABLE rg_sm;
