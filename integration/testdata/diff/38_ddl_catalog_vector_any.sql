-- x = ANY(i.indkey) / ANY(c.conkey) over the catalog's vector columns
-- (GORM's index query, constraint column queries) was 42883 "function
-- ANY does not exist": ANY was left as it is in catalog queries
-- (pgdialect/catalog_vector_any.go).
CREATE TABLE ddl_cv (id int primary key, a int, b int, unique (a, b));
CREATE INDEX ddl_cv_ba ON ddl_cv (b, a);
SELECT ci.relname AS index_name, i.indisunique AS non_unique, i.indisprimary AS primary, a.attname AS column_name FROM pg_index i LEFT JOIN pg_class ct ON ct.oid = i.indrelid LEFT JOIN pg_class ci ON ci.oid = i.indexrelid LEFT JOIN pg_attribute a ON a.attrelid = ct.oid LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid WHERE a.attnum = ANY(i.indkey) AND con.oid IS NULL AND ct.relkind = 'r' AND ct.relname = 'ddl_cv' ORDER BY 1, 4;
SELECT c.conname, a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) WHERE c.conrelid = 'ddl_cv'::regclass ORDER BY 1, 2;
SELECT count(*) FROM pg_index i WHERE 1 = ANY(i.indkey) AND i.indrelid = 'ddl_cv'::regclass;
DROP TABLE ddl_cv;
