-- ALTER COLUMN TYPE over existing rows: automatic and USING conversions,
-- bad data failing the whole statement (nothing changed), typmods
-- rounding or refusing, a failed statement in a transaction rolled back,
-- and the dependents PostgreSQL refuses to convert under (a view or a
-- generated column reading the column: 0A000).
CREATE TABLE ddl2_at (id int PRIMARY KEY, n int, s text, m numeric(10,2), v varchar(10));
INSERT INTO ddl2_at VALUES (1, 10, '5', 123.45, 'abcdefgh'), (2, NULL, 'x', 9999.99, 'ab');
ALTER TABLE ddl2_at ALTER COLUMN n TYPE text;
SELECT id, n, pg_typeof(n) FROM ddl2_at ORDER BY id;
ALTER TABLE ddl2_at ALTER COLUMN s TYPE int;
ALTER TABLE ddl2_at ALTER COLUMN s TYPE int USING s::int;
ALTER TABLE ddl2_at ALTER COLUMN s TYPE int USING s::integer + 1;
SELECT id, s, pg_typeof(s) FROM ddl2_at ORDER BY id;
UPDATE ddl2_at SET s = '7' WHERE id = 2;
ALTER TABLE ddl2_at ALTER COLUMN s TYPE bigint USING s::bigint * 2;
SELECT id, s, pg_typeof(s) FROM ddl2_at ORDER BY id;
ALTER TABLE ddl2_at ALTER COLUMN m TYPE numeric(5,1);
SELECT id, m FROM ddl2_at ORDER BY id;
UPDATE ddl2_at SET m = 123.45 WHERE id = 2;
ALTER TABLE ddl2_at ALTER COLUMN m TYPE numeric(5,1);
SELECT id, m, pg_typeof(m) FROM ddl2_at ORDER BY id;
ALTER TABLE ddl2_at ALTER COLUMN v TYPE varchar(3);
ALTER TABLE ddl2_at ALTER COLUMN v TYPE varchar(8);
ALTER TABLE ddl2_at ALTER COLUMN v TYPE varchar(3) USING substr(v, 1, 3);
SELECT id, v FROM ddl2_at ORDER BY id;
SELECT column_name, data_type, character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'ddl2_at' ORDER BY ordinal_position;
-- USING reads the row with its old types
CREATE TABLE ddl2_au (id int, d date, m numeric(6,2), j jsonb);
INSERT INTO ddl2_au VALUES (1, '2024-01-31', 1.25, '{"a": 2}'), (2, '2024-02-29', 2.50, '{"a": 3}');
ALTER TABLE ddl2_au ALTER COLUMN d TYPE date USING d + 1;
ALTER TABLE ddl2_au ALTER COLUMN d TYPE timestamp USING d + interval '1 hour';
ALTER TABLE ddl2_au ALTER COLUMN m TYPE int USING (m * 2)::int;
ALTER TABLE ddl2_au ALTER COLUMN j TYPE int USING (j->>'a')::int + id;
ALTER TABLE ddl2_au ALTER COLUMN id TYPE text USING id || '-' || j;
SELECT * FROM ddl2_au ORDER BY id;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ddl2_au' ORDER BY ordinal_position;
-- what PostgreSQL refuses in a transform expression
ALTER TABLE ddl2_au ALTER COLUMN m TYPE int USING (SELECT 1);
ALTER TABLE ddl2_au ALTER COLUMN m TYPE int USING 1 + (SELECT 1);
ALTER TABLE ddl2_au ALTER COLUMN m TYPE int USING count(*);
ALTER TABLE ddl2_au ALTER COLUMN m TYPE int USING sum(m) OVER ();
ALTER TABLE ddl2_au ALTER COLUMN m TYPE int USING nope;
SELECT id, m FROM ddl2_au ORDER BY id;
-- a column with a default, an index and a CHECK
CREATE TABLE ddl2_ad (id int PRIMARY KEY, c int DEFAULT 7 CHECK (c > 0), d text);
CREATE INDEX ddl2_ad_c ON ddl2_ad (c);
INSERT INTO ddl2_ad VALUES (1, 5, 'a'), (2, 6, 'bb');
ALTER TABLE ddl2_ad ALTER COLUMN c TYPE bigint;
INSERT INTO ddl2_ad (id, d) VALUES (3, 'ccc');
INSERT INTO ddl2_ad VALUES (4, -1, 'd');
SELECT id, c, pg_typeof(c) FROM ddl2_ad ORDER BY id;
-- differs: refused (0A000): the CHECK was translated for integer c
ALTER TABLE ddl2_ad ALTER COLUMN c TYPE numeric(3,1);
ALTER TABLE ddl2_ad DROP CONSTRAINT ddl2_ad_c_check;
ALTER TABLE ddl2_ad ALTER COLUMN c TYPE numeric(3,1);
SELECT id, c, pg_typeof(c) FROM ddl2_ad ORDER BY id;
ALTER TABLE ddl2_ad ALTER COLUMN c TYPE numeric(2,1);
ALTER TABLE ddl2_ad ALTER COLUMN id TYPE bigint;
ALTER TABLE ddl2_ad ALTER COLUMN d TYPE int USING length(d);
SELECT * FROM ddl2_ad ORDER BY id;
SELECT * FROM ddl2_ad WHERE c = 6;
-- views and generated columns reading the column
CREATE TABLE ddl2_av (id int, x int, y int, g int GENERATED ALWAYS AS (x * 2) STORED);
INSERT INTO ddl2_av (id, x, y) VALUES (1, 2, 3);
CREATE VIEW ddl2_av_y AS SELECT y FROM ddl2_av;
CREATE VIEW ddl2_av_all AS SELECT * FROM ddl2_av;
ALTER TABLE ddl2_av ALTER COLUMN x TYPE bigint;
ALTER TABLE ddl2_av ALTER COLUMN y TYPE bigint;
ALTER TABLE ddl2_av ALTER COLUMN id TYPE int;
ALTER TABLE ddl2_av ALTER COLUMN id TYPE text;
DROP VIEW ddl2_av_all;
ALTER TABLE ddl2_av ALTER COLUMN id TYPE text;
SELECT id, pg_typeof(id), y, pg_typeof(y) FROM ddl2_av;
SELECT y, pg_typeof(y) FROM ddl2_av_y;
-- a failed ALTER in a transaction block leaves the schema as it was
BEGIN;
ALTER TABLE ddl2_av ALTER COLUMN x TYPE text;
ROLLBACK;
BEGIN;
ALTER TABLE ddl2_av ALTER COLUMN id TYPE varchar(20);
ALTER TABLE ddl2_av ADD COLUMN z int;
SELECT 1/0;
ROLLBACK;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'ddl2_av' ORDER BY ordinal_position;
SELECT * FROM ddl2_av;
-- a column of a foreign key, on either side: PostgreSQL re-creates the key
-- for the new type, 42804 where the types no longer join
CREATE TABLE ddl2_afp (id int PRIMARY KEY, code varchar(5) UNIQUE);
CREATE TABLE ddl2_afc (id int, pid int REFERENCES ddl2_afp (id), pc text REFERENCES ddl2_afp (code));
INSERT INTO ddl2_afp VALUES (1, 'a');
INSERT INTO ddl2_afc VALUES (1, 1, 'a');
ALTER TABLE ddl2_afc ALTER COLUMN pid TYPE bigint;
ALTER TABLE ddl2_afc ALTER COLUMN pid TYPE numeric;
ALTER TABLE ddl2_afc ALTER COLUMN pid TYPE text;
ALTER TABLE ddl2_afc ALTER COLUMN pc TYPE varchar(10);
ALTER TABLE ddl2_afc ALTER COLUMN pc TYPE int USING 1;
ALTER TABLE ddl2_afp ALTER COLUMN id TYPE bigint;
ALTER TABLE ddl2_afp ALTER COLUMN id TYPE text;
ALTER TABLE ddl2_afp ALTER COLUMN id TYPE numeric;
ALTER TABLE ddl2_afp ALTER COLUMN code TYPE text;
SELECT column_name, data_type FROM information_schema.columns WHERE table_name IN ('ddl2_afp', 'ddl2_afc') ORDER BY table_name, ordinal_position;
INSERT INTO ddl2_afc VALUES (2, 2, 'a');
INSERT INTO ddl2_afc VALUES (2, 1, 'b');
SELECT * FROM ddl2_afc;
-- a column a CHECK constraint reads: kept where the type's kind stays
-- (the integers, text and varchar), refused otherwise (the CHECK's
-- translation is for the old type)
CREATE TABLE ddl2_ack (c int CHECK (c > 0), d int, e varchar(5) CHECK (e <> ''), CONSTRAINT ddl2_ack_cd CHECK (c + d < 100));
INSERT INTO ddl2_ack VALUES (5, 1, 'x');
-- differs: refused (0A000): the CHECK was translated for integer c
ALTER TABLE ddl2_ack ALTER COLUMN c TYPE text;
-- differs: refused (0A000): the CHECK was translated for integer c (c + d divides, compares as integers)
ALTER TABLE ddl2_ack ALTER COLUMN d TYPE numeric(4,1);
ALTER TABLE ddl2_ack ALTER COLUMN c TYPE bigint;
ALTER TABLE ddl2_ack ALTER COLUMN d TYPE smallint;
ALTER TABLE ddl2_ack ALTER COLUMN e TYPE text;
ALTER TABLE ddl2_ack ALTER COLUMN e TYPE varchar(3);
INSERT INTO ddl2_ack VALUES (-1, 1, 'y');
INSERT INTO ddl2_ack VALUES (7, 99, 'y');
INSERT INTO ddl2_ack VALUES (7, 1, '');
SELECT c, pg_typeof(c), d, pg_typeof(d), e, pg_typeof(e) FROM ddl2_ack;
