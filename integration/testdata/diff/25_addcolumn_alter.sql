-- ALTER TABLE ... ADD COLUMN on tables that hold rows, as migrations write
-- it: PRIMARY KEY / UNIQUE (named as PostgreSQL names them), non-constant
-- defaults (now() once for the statement, gen_random_uuid() and nextval()
-- once per row), STORED generated columns computed for the existing rows,
-- NOT NULL / CHECK / REFERENCES checked against them with PostgreSQL's
-- errors, and a failed ADD COLUMN changing nothing. now() differs between
-- servers: only its relations are compared.
CREATE TABLE n25ac_t (id int PRIMARY KEY);
INSERT INTO n25ac_t VALUES (1), (2), (3);
ALTER TABLE n25ac_t ADD COLUMN u int UNIQUE;
ALTER TABLE n25ac_t ADD COLUMN email text CONSTRAINT n25ac_t_email_uq UNIQUE;
ALTER TABLE n25ac_t ADD COLUMN k int PRIMARY KEY;
ALTER TABLE n25ac_t ADD COLUMN d int DEFAULT 1 UNIQUE;
UPDATE n25ac_t SET u = 10, email = 'a@x' WHERE id = 1;
INSERT INTO n25ac_t (id, u) VALUES (4, 10);
INSERT INTO n25ac_t (id, email) VALUES (5, 'a@x');
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'n25ac_t'::regclass ORDER BY conname;
SELECT indexname FROM pg_indexes WHERE tablename = 'n25ac_t' ORDER BY 1;
-- now(): every existing row gets the statement's time, later rows their own
CREATE TABLE n25ac_d (id int PRIMARY KEY);
INSERT INTO n25ac_d VALUES (1), (2), (3);
ALTER TABLE n25ac_d ADD COLUMN ts timestamptz DEFAULT now();
SELECT count(*), count(ts), count(DISTINCT ts) FROM n25ac_d;
INSERT INTO n25ac_d (id) VALUES (6);
SELECT id, ts IS NOT NULL, ts >= (SELECT min(ts) FROM n25ac_d) FROM n25ac_d ORDER BY id;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n25ac_d' AND column_name = 'ts';
-- gen_random_uuid(): a value per row
ALTER TABLE n25ac_d ADD COLUMN gu uuid DEFAULT gen_random_uuid();
SELECT count(*), count(gu), count(DISTINCT gu) FROM n25ac_d;
-- nextval(): a value per row (in the rows' physical order in PostgreSQL)
CREATE SEQUENCE n25ac_s;
ALTER TABLE n25ac_d ADD COLUMN sq int DEFAULT nextval('n25ac_s');
SELECT count(DISTINCT sq), min(sq), max(sq) FROM n25ac_d;
INSERT INTO n25ac_d (id) VALUES (7);
SELECT id, sq FROM n25ac_d WHERE id = 7;
-- STORED generated column: computed for the existing rows
ALTER TABLE n25ac_t ADD COLUMN g int GENERATED ALWAYS AS (id * 10) STORED;
SELECT id, g FROM n25ac_t ORDER BY id;
INSERT INTO n25ac_t (id) VALUES (8);
SELECT id, g FROM n25ac_t WHERE id = 8;
INSERT INTO n25ac_t (id, g) VALUES (9, 1);
UPDATE n25ac_t SET g = 1;
ALTER TABLE n25ac_t ADD COLUMN g2 int GENERATED ALWAYS AS (id + 1) STORED CHECK (g2 > 3);
ALTER TABLE n25ac_t ADD COLUMN g2 int GENERATED ALWAYS AS (id + 1) STORED DEFAULT 5;
ALTER TABLE n25ac_t ADD COLUMN g2 int DEFAULT 5 GENERATED ALWAYS AS (id + 1) STORED;
-- NOT NULL and CHECK against the existing rows
ALTER TABLE n25ac_t ADD COLUMN c int CHECK (c > 0) DEFAULT 0;
ALTER TABLE n25ac_t ADD COLUMN c int CONSTRAINT n25ac_c_pos CHECK (c > 0) DEFAULT 0;
ALTER TABLE n25ac_t ADD COLUMN c int CHECK (c > id) DEFAULT 5;
ALTER TABLE n25ac_t ADD COLUMN n text NOT NULL;
ALTER TABLE n25ac_t ADD COLUMN n text NOT NULL DEFAULT 'x' CHECK (n <> 'x');
ALTER TABLE n25ac_t ADD COLUMN n text DEFAULT 'x' CHECK (n <> 'x') UNIQUE;
ALTER TABLE n25ac_t ADD COLUMN n text CHECK (n <> 'x') NOT NULL UNIQUE;
ALTER TABLE n25ac_t ADD COLUMN n text NOT NULL DEFAULT 'n' CHECK (length(n) = 1);
SELECT id, n FROM n25ac_t ORDER BY id;
INSERT INTO n25ac_t (id, n) VALUES (9, NULL);
INSERT INTO n25ac_t (id, n) VALUES (9, 'toolong');
SELECT conname FROM pg_constraint WHERE conrelid = 'n25ac_t'::regclass AND contype = 'c' ORDER BY conname;
-- a failed ADD COLUMN changes nothing
SELECT column_name FROM information_schema.columns WHERE table_name = 'n25ac_t' ORDER BY ordinal_position;
-- on an empty table
CREATE TABLE n25ac_e (id int);
ALTER TABLE n25ac_e ADD COLUMN n text NOT NULL;
ALTER TABLE n25ac_e ADD COLUMN k int PRIMARY KEY;
ALTER TABLE n25ac_e ADD COLUMN c int CHECK (c > 0) DEFAULT 0;
ALTER TABLE n25ac_e ADD COLUMN i2 smallint DEFAULT 40000;
ALTER TABLE n25ac_e ADD COLUMN i2 smallint DEFAULT -40000;
ALTER TABLE n25ac_e ADD COLUMN v varchar(3) DEFAULT 'abcd';
ALTER TABLE n25ac_e ADD COLUMN b boolean DEFAULT 'maybe';
INSERT INTO n25ac_e (id) VALUES (1);
INSERT INTO n25ac_e (id, n, k) VALUES (1, 'a', 1);
SELECT * FROM n25ac_e;
CREATE TABLE n25ac_e2 (id int);
-- differs: a constant expression (not a literal) is evaluated for the existing rows only; PostgreSQL evaluates it when the column is added
ALTER TABLE n25ac_e2 ADD COLUMN i3 smallint DEFAULT 20000 * 2;
-- differs-message: a literal default is checked by the translation, whose errors carry no DETAIL
ALTER TABLE n25ac_e2 ADD COLUMN nm numeric(5,2) DEFAULT 1234.5;
CREATE TABLE n25ac_cd (a int);
INSERT INTO n25ac_cd VALUES (1);
ALTER TABLE n25ac_cd ADD COLUMN y int DEFAULT 1.5, ADD COLUMN z real DEFAULT 0.1, ADD COLUMN v numeric(5,2) DEFAULT 1.234, ADD COLUMN nb numeric(12,2) DEFAULT 0, ADD COLUMN s smallint DEFAULT 2.5;
SELECT * FROM n25ac_cd;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n25ac_cd' ORDER BY ordinal_position;
-- differs: a decimal literal DEFAULT of an integer or real column is stored as written, which the column's type check refuses at each insert (CREATE TABLE alike)
INSERT INTO n25ac_cd (a) VALUES (2);
-- a primary key on a table without one: its rows must have values
CREATE TABLE n25ac_np (a int);
INSERT INTO n25ac_np VALUES (1), (2);
ALTER TABLE n25ac_np ADD COLUMN k int PRIMARY KEY;
ALTER TABLE n25ac_np ADD COLUMN k int PRIMARY KEY DEFAULT 1;
ALTER TABLE n25ac_np ADD COLUMN k serial PRIMARY KEY;
SELECT * FROM n25ac_np ORDER BY a;
ALTER TABLE n25ac_np ADD PRIMARY KEY (a);
CREATE TABLE n25ac_np2 (a int, b int);
INSERT INTO n25ac_np2 VALUES (1, NULL);
ALTER TABLE n25ac_np2 ADD PRIMARY KEY (b);
ALTER TABLE n25ac_np2 ADD PRIMARY KEY (a);
INSERT INTO n25ac_np2 VALUES (NULL, 1);
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'n25ac_np2'::regclass ORDER BY conname;
-- REFERENCES, with a default and ON DELETE CASCADE
CREATE TABLE n25ac_p (id int PRIMARY KEY);
INSERT INTO n25ac_p VALUES (1), (2);
CREATE TABLE n25ac_c (id int PRIMARY KEY);
INSERT INTO n25ac_c VALUES (1), (2);
ALTER TABLE n25ac_c ADD COLUMN r int DEFAULT 5 REFERENCES n25ac_p ON DELETE CASCADE;
ALTER TABLE n25ac_c ADD COLUMN r int DEFAULT 1 REFERENCES n25ac_p ON DELETE CASCADE;
ALTER TABLE n25ac_c ADD COLUMN r2 int REFERENCES n25ac_p (id) ON DELETE SET NULL;
UPDATE n25ac_c SET r2 = 2;
DELETE FROM n25ac_p WHERE id = 2;
SELECT * FROM n25ac_c ORDER BY id;
DELETE FROM n25ac_p WHERE id = 1;
SELECT * FROM n25ac_c ORDER BY id;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'n25ac_c'::regclass ORDER BY conname;
-- IF NOT EXISTS, several columns in one statement
CREATE TABLE n25ac_i (id int PRIMARY KEY);
INSERT INTO n25ac_i VALUES (1), (2);
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS email text UNIQUE;
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS email text UNIQUE;
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS f int NOT NULL;
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS f int DEFAULT 3 CHECK (f > 2);
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS f int DEFAULT 4 CHECK (f > 3);
ALTER TABLE n25ac_i ADD COLUMN a int DEFAULT 1, ADD COLUMN b int DEFAULT 2 NOT NULL, ADD COLUMN c text COLLATE "C" DEFAULT 'x';
ALTER TABLE n25ac_i ADD COLUMN x int DEFAULT 1, ADD COLUMN y int CHECK (y > 0), ADD COLUMN z int CHECK (z > 0) DEFAULT 0;
ALTER TABLE n25ac_i ADD COLUMN x int CHECK (x > 5) DEFAULT 1, ADD COLUMN y int DEFAULT 1 UNIQUE;
ALTER TABLE n25ac_i ADD COLUMN x int NOT NULL, ADD COLUMN y int DEFAULT 0 CHECK (y > 0);
ALTER TABLE n25ac_i ADD COLUMN y int DEFAULT 0 CHECK (y > 0), ADD COLUMN x int NOT NULL;
ALTER TABLE n25ac_i ADD COLUMN x int DEFAULT 1 REFERENCES n25ac_i (id), ADD COLUMN y int DEFAULT 5 CHECK (y > 5);
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS a serial;
ALTER TABLE n25ac_i ADD COLUMN IF NOT EXISTS s serial UNIQUE;
SELECT relname FROM pg_class WHERE relname LIKE 'n25ac_i%' ORDER BY 1;
SELECT * FROM n25ac_i ORDER BY id;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'n25ac_i'::regclass ORDER BY conname;
-- types: arrays, enums, numerics, integers, dates, collations
CREATE TYPE n25ac_mood AS ENUM ('sad', 'happy');
CREATE TABLE n25ac_ty (id int PRIMARY KEY);
INSERT INTO n25ac_ty VALUES (1), (2);
ALTER TABLE n25ac_ty ADD COLUMN arr int[] DEFAULT ARRAY[1, 2];
ALTER TABLE n25ac_ty ADD COLUMN arr2 text[] DEFAULT '{a,b}';
ALTER TABLE n25ac_ty ADD COLUMN m n25ac_mood DEFAULT 'happy';
ALTER TABLE n25ac_ty ADD COLUMN m2 n25ac_mood NOT NULL DEFAULT 'sad';
ALTER TABLE n25ac_ty ADD COLUMN m3 n25ac_mood DEFAULT 'bogus';
ALTER TABLE n25ac_ty ADD COLUMN nm numeric(5,2) DEFAULT 1.234;
ALTER TABLE n25ac_ty ADD COLUMN nm2 numeric(5,2) DEFAULT 1 + 0.555;
ALTER TABLE n25ac_ty ADD COLUMN v varchar(3) DEFAULT 'abcd';
ALTER TABLE n25ac_ty ADD COLUMN v2 varchar(3) DEFAULT 'ab' || 'cd';
ALTER TABLE n25ac_ty ADD COLUMN i2 smallint DEFAULT 40000;
ALTER TABLE n25ac_ty ADD COLUMN i3 smallint DEFAULT 20000 * 2;
ALTER TABLE n25ac_ty ADD COLUMN dt date DEFAULT '2024-01-01'::date + 1;
ALTER TABLE n25ac_ty ADD COLUMN b boolean DEFAULT 'yes';
ALTER TABLE n25ac_ty ADD COLUMN cs text COLLATE "C" DEFAULT 'B';
ALTER TABLE n25ac_ty ADD COLUMN z int DEFAULT 0, ADD COLUMN zn int DEFAULT -1, ADD COLUMN zt text DEFAULT 'abc', ADD COLUMN zb boolean DEFAULT true, ADD COLUMN zf float8 DEFAULT 1.5, ADD COLUMN zc char(3) DEFAULT 'a';
SELECT id, z, zn, zt, zb, zf, zc || '|' FROM n25ac_ty ORDER BY id;
ALTER TABLE n25ac_ty ADD COLUMN y1 boolean DEFAULT 1;
ALTER TABLE n25ac_ty ADD COLUMN y1 int DEFAULT 'abc';
ALTER TABLE n25ac_ty ADD COLUMN y1 int DEFAULT 2, ADD COLUMN y2 text DEFAULT 5, ADD COLUMN y3 int DEFAULT ' 7 ', ADD COLUMN y5 numeric DEFAULT 1e3;
ALTER TABLE n25ac_ty ADD COLUMN y6 int DEFAULT true;
ALTER TABLE n25ac_ty ADD COLUMN y6 bigint DEFAULT 9223372036854775808;
ALTER TABLE n25ac_ty ADD COLUMN y6 varchar(2) DEFAULT 123;
SELECT id, y1, y2, y3, y5 FROM n25ac_ty ORDER BY id;
CREATE TABLE n25ac_bd (a boolean DEFAULT 1.5, b int DEFAULT false);
CREATE TABLE n25ac_bd (a boolean DEFAULT 'yes' NOT NULL, b int DEFAULT 5000000000, c real DEFAULT true);
SELECT id, arr, arr2, m::text, m2::text, nm, nm2, dt, b, cs FROM n25ac_ty ORDER BY id;
INSERT INTO n25ac_ty (id, cs) VALUES (3, 'a');
SELECT cs FROM n25ac_ty ORDER BY cs;
-- in an explicit transaction
BEGIN;
ALTER TABLE n25ac_ty ADD COLUMN tx int DEFAULT 7 UNIQUE;
ALTER TABLE n25ac_ty ADD COLUMN tg int GENERATED ALWAYS AS (id * 100) STORED;
SELECT id, tg FROM n25ac_ty ORDER BY id;
ROLLBACK;
BEGIN;
ALTER TABLE n25ac_ty ADD COLUMN tg int GENERATED ALWAYS AS (id * 100) STORED;
ALTER TABLE n25ac_ty ADD COLUMN tu int UNIQUE;
INSERT INTO n25ac_ty (id, tu) VALUES (10, 1);
UPDATE n25ac_ty SET tu = id + 100;
SELECT id, tg, tu FROM n25ac_ty ORDER BY id;
COMMIT;
SELECT id, tg, tu FROM n25ac_ty ORDER BY id;
INSERT INTO n25ac_ty (id, tu) VALUES (11, 101);
-- a value for a generated column in an INSERT without a column list
CREATE TABLE n25ac_g (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int);
INSERT INTO n25ac_g VALUES (1, 5);
INSERT INTO n25ac_g VALUES (1, 5, 3);
INSERT INTO n25ac_g VALUES (1);
INSERT INTO n25ac_g SELECT 1, 2;
INSERT INTO n25ac_g SELECT 7;
WITH x AS (INSERT INTO n25ac_g VALUES (8, 9) RETURNING *) SELECT * FROM x;
SELECT * FROM n25ac_g ORDER BY a;
-- positions
ALTER TABLE n25ac_g ADD COLUMN d int GENERATED ALWAYS AS (a + 1) STORED DEFAULT 5;
ALTER TABLE n25ac_g ADD COLUMN d int DEFAULT 5 GENERATED ALWAYS AS (a + 1) STORED;
ALTER TABLE n25ac_g ADD COLUMN d int GENERATED ALWAYS AS (a + 1);
ALTER TABLE n25ac_g ADD COLUMN d int GENERATED ALWAYS AS (a + 1) NOT NULL;
CREATE TABLE n25ac_gv (a int, v int GENERATED ALWAYS AS (a + 1));
