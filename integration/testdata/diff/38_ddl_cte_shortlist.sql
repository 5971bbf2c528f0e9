-- A WITH query's column list naming fewer columns than its query has
-- renames the leading columns and keeps the query's names for the rest
-- (PostgreSQL); SQLite requires every column named, and it was refused
-- (0A000). The list is completed from the query's select list or VALUES
-- (pgdialect/cte_shortlist.go).
CREATE TABLE ddl_cs (id int, name text);
INSERT INTO ddl_cs VALUES (1, 'a'), (2, 'b');
WITH x(n) AS (SELECT 1, 2) SELECT * FROM x;
WITH x(n, m) AS (SELECT 1, 2, 3) SELECT * FROM x;
WITH x(k) AS (SELECT id, name, upper(name), id * 2 AS twice FROM ddl_cs) SELECT * FROM x ORDER BY k;
WITH x(k) AS (SELECT c.id, c.name FROM ddl_cs c) SELECT k, name FROM x ORDER BY k;
WITH x(a) AS (VALUES (1, 'p'), (2, 'q')) SELECT * FROM x ORDER BY a;
WITH RECURSIVE r(n) AS (SELECT 1, 'x' UNION ALL SELECT n + 1, 'y' FROM r WHERE n < 3) SELECT * FROM r;
WITH a AS (SELECT 1 AS one), b(m) AS (SELECT one, one + 1 AS two FROM a) SELECT * FROM b;
WITH x(n, m, o, p) AS (SELECT 1, 2, 3) SELECT * FROM x;
DROP TABLE ddl_cs;
