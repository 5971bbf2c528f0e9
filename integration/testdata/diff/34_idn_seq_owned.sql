-- CREATE/ALTER SEQUENCE ... OWNED BY t.c checks its table and column, as
-- PostgreSQL (sqlexec/seqowner.go): a missing table or column was taken
-- (and a table created later under that name took the sequence with it
-- when dropped); OWNED BY c without a table is PostgreSQL's 42601 with
-- its HINT.
CREATE TABLE idn_o (id int, x int);
CREATE SEQUENCE idn_q OWNED BY idn_o.nope;
CREATE SEQUENCE idn_q OWNED BY idn_none.id;
CREATE SEQUENCE idn_q OWNED BY id;
CREATE SEQUENCE idn_q;
ALTER SEQUENCE idn_q OWNED BY idn_o.nope;
ALTER SEQUENCE idn_q OWNED BY idn_none.x;
ALTER SEQUENCE idn_q OWNED BY public.idn_o.x;
SELECT pg_get_serial_sequence('idn_o', 'x');
ALTER SEQUENCE idn_q OWNED BY idn_o.x;
SELECT pg_get_serial_sequence('idn_o', 'x');
SELECT deptype, refobjsubid FROM pg_depend WHERE objid = 'idn_q'::regclass AND refobjid = 'idn_o'::regclass;
ALTER TABLE idn_o RENAME x TO y;
SELECT pg_get_serial_sequence('idn_o', 'y');
DROP TABLE idn_o;
SELECT count(*) FROM pg_class WHERE relname = 'idn_q';
CREATE VIEW idn_v AS SELECT 1 AS a;
CREATE SEQUENCE idn_s1;
CREATE SEQUENCE idn_s2 OWNED BY idn_v.a;
CREATE SEQUENCE idn_s3 OWNED BY idn_s1.last_value;
CREATE SEQUENCE idn_s4 OWNED BY idn_v.b;
DROP VIEW idn_v;
SELECT relname FROM pg_class WHERE relname LIKE 'idn_s%' ORDER BY 1;
DROP SEQUENCE idn_s1;
CREATE TABLE idn_o2 (id int);
CREATE SEQUENCE idn_s5 OWNED BY IDN_O2.ID;
ALTER TABLE idn_o2 ADD COLUMN s serial;
ALTER TABLE idn_o2 ADD COLUMN g int GENERATED ALWAYS AS IDENTITY;
SELECT pg_get_serial_sequence('idn_o2', 'id'), pg_get_serial_sequence('idn_o2', 's'), pg_get_serial_sequence('idn_o2', 'g');
DROP TABLE idn_o2;
SELECT relname FROM pg_class WHERE relname LIKE 'idn_%' AND relkind = 'S' ORDER BY 1;
DROP SEQUENCE idn_s2;
