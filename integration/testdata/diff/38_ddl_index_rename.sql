-- ALTER INDEX ... RENAME TO (GORM's Migrator().RenameIndex) was refused
-- (0A000: SQLite cannot rename an index). The index is re-created from
-- its stored definition under the new name (sqlexec/index_rename.go).
CREATE TABLE ddl_ir (id int primary key, a int, b text unique);
CREATE INDEX ddl_ir_a ON ddl_ir (a DESC NULLS LAST) WHERE a > 0;
INSERT INTO ddl_ir VALUES (1, 1, 'x'), (2, NULL, 'y');
ALTER INDEX ddl_ir_a RENAME TO ddl_ir_a2;
ALTER INDEX IF EXISTS ddl_ir_nope RENAME TO ddl_ir_x;
ALTER INDEX ddl_ir_nope RENAME TO ddl_ir_x;
ALTER INDEX ddl_ir_a2 RENAME TO ddl_ir;
ALTER INDEX ddl_ir_a2 RENAME TO ddl_ir_b_key;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ddl_ir' ORDER BY 1;
SELECT a FROM ddl_ir ORDER BY a DESC NULLS LAST;
-- differs: renaming a constraint's index is refused (0A000): SQLite names it itself
ALTER INDEX ddl_ir_pkey RENAME TO ddl_ir_pk2;
DROP INDEX ddl_ir_a2;
DROP TABLE ddl_ir;
