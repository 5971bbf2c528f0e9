-- NULLS FIRST / NULLS LAST on an index column (pg_dump and ORMs write
-- them) were refused (0A000: SQLite's CREATE INDEX has no NULLS clause).
-- An index changes no result; the catalog shows the non-default orders as
-- PostgreSQL does (NULLS FIRST ascending, NULLS LAST descending) and drops
-- ASC (pgdialect/index_nulls.go).
CREATE TABLE ddl_inl (id int primary key, a int, b text);
CREATE INDEX ddl_inl_a ON ddl_inl (a DESC NULLS LAST, b ASC NULLS FIRST);
CREATE INDEX ddl_inl_b ON ddl_inl (b NULLS LAST);
CREATE INDEX ddl_inl_c ON ddl_inl USING btree (a NULLS FIRST);
CREATE INDEX ddl_inl_d ON ddl_inl (a DESC NULLS FIRST, b DESC, lower(b) ASC NULLS LAST);
CREATE UNIQUE INDEX ddl_inl_e ON ddl_inl (a desc nulls last) WHERE b IS NOT NULL;
CREATE INDEX ddl_inl_f ON ddl_inl (id ASC, a asc);
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'ddl_inl' ORDER BY 1;
SELECT pg_get_indexdef('ddl_inl_a'::regclass), pg_get_indexdef('ddl_inl_d'::regclass);
INSERT INTO ddl_inl VALUES (1, 1, 'x'), (2, NULL, 'y'), (3, 3, NULL), (4, 1, 'w');
SELECT a, b FROM ddl_inl ORDER BY a DESC NULLS LAST, b NULLS FIRST;
SELECT a, b FROM ddl_inl ORDER BY a NULLS FIRST, b;
SELECT a, b FROM ddl_inl ORDER BY b DESC NULLS LAST, a;
SELECT a FROM ddl_inl WHERE a > 0 ORDER BY a DESC NULLS FIRST;
INSERT INTO ddl_inl VALUES (5, 1, 'v');
INSERT INTO ddl_inl VALUES (6, 7, 'v'), (7, 7, 'u');
DROP TABLE ddl_inl;
