-- SELECT * and rel.* over catalog relations show their boolean columns
-- as booleans (t/f, described bool) as the named columns do; they were
-- described by their values, 0/1 (pgdialect/catalog_star.go).
CREATE SEQUENCE gap2_cs_seq START 5 INCREMENT 2 CYCLE;
CREATE SEQUENCE gap2_cs_seq2 AS integer MAXVALUE 100;
CREATE TABLE gap2_cs_t (id int PRIMARY KEY, v text);
-- differs-type: pg_sequences.data_type is regtype in PostgreSQL, text here
SELECT * FROM pg_sequences WHERE sequencename LIKE 'gap2_cs%' ORDER BY sequencename;
-- differs-type: pg_sequences.data_type is regtype in PostgreSQL, text here
SELECT s.* FROM pg_catalog.pg_sequences s WHERE s.sequencename = 'gap2_cs_seq';
-- differs-type: pg_sequences.data_type is regtype in PostgreSQL, text here
SELECT pg_sequences.*, 1 AS k FROM pg_sequences WHERE sequencename = 'gap2_cs_seq2';
SELECT * FROM pg_tables WHERE tablename = 'gap2_cs_t';
SELECT t.*, s.cycle FROM pg_tables t, pg_sequences s WHERE t.tablename = 'gap2_cs_t' AND s.sequencename = 'gap2_cs_seq';
-- differs-type: pg_sequences.data_type is regtype in PostgreSQL, text here
SELECT * FROM pg_tables t JOIN pg_sequences s ON s.schemaname = t.schemaname WHERE t.tablename = 'gap2_cs_t' AND s.sequencename LIKE 'gap2_cs%' ORDER BY s.sequencename;
SELECT * FROM pg_user WHERE usename = 'postgres';
SELECT count(*) FROM (SELECT * FROM pg_sequences) s WHERE s.cycle AND s.sequencename LIKE 'gap2_cs%';
SELECT * FROM pg_sequence WHERE false;
DROP TABLE gap2_cs_t;
DROP SEQUENCE gap2_cs_seq;
DROP SEQUENCE gap2_cs_seq2;
