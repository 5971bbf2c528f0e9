-- A parameter compared with a catalog column takes the column's type:
-- SQLite declares the catalog views' columns by affinity (relname BLOB),
-- and relname = $1 described a bytea parameter, which pgx sent as bytes
-- matching no name (GORM's ColumnTypes and GetIndexes read nothing).
CREATE TABLE ddl_cp (id int primary key, tags text[]);
-- args: ddl_cp
SELECT c.relname, c.relkind FROM pg_class c WHERE c.relname = $1;
-- args: ddl_cp
SELECT a.attname FROM pg_attribute a JOIN pg_class b ON a.attrelid = b.oid WHERE b.relname = $1 AND a.attnum > 0 ORDER BY a.attnum;
-- args: ddl_cp | tags
SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = $1 AND column_name = $2;
-- args: ddl_cp_pkey
SELECT indexname FROM pg_indexes WHERE indexname = $1;
DROP TABLE ddl_cp;
