-- A keyword as a column label after AS, or as a column name after a
-- qualifier: PostgreSQL takes any keyword there (GORM's index query
-- selects i.indisprimary AS primary); SQLite refuses the keywords it
-- cannot read as names (syntax error), so they are quoted
-- (pgdialect/keyword_alias.go).
CREATE TABLE ddl_kl (id int primary key, v int);
INSERT INTO ddl_kl VALUES (1, 10), (2, 20);
SELECT 1 AS primary, 2 AS order, 3 AS from, 4 AS index, 5 AS check, 6 AS table, 7 AS unique, 8 AS default;
SELECT id AS set, v AS to, id + v AS all FROM ddl_kl ORDER BY 1;
SELECT x.order, x.primary FROM (SELECT id AS order, v AS primary FROM ddl_kl) x ORDER BY x.order;
SELECT i.indisprimary AS primary, i.indisunique AS unique FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'ddl_kl_pkey';
WITH w AS (SELECT v AS references FROM ddl_kl) SELECT references FROM w ORDER BY 1;
DROP TABLE ddl_kl;
