-- ALTER TABLE changes that rebuild the table: DROP CONSTRAINT of a
-- PRIMARY KEY or UNIQUE declared in CREATE TABLE, DROP COLUMN of a key
-- column. Rows, other constraints, indexes, triggers, views and the
-- references other tables make stay; referencing rows never change.
CREATE TABLE rb_k (id int PRIMARY KEY, code varchar(5) UNIQUE, a int, b int, n numeric(6,2) DEFAULT 2.25, g int GENERATED ALWAYS AS (a * 2) STORED, CONSTRAINT rb_k_a_pos CHECK (a > 0), UNIQUE (a, b));
CREATE INDEX rb_k_b_idx ON rb_k (b);
CREATE TABLE rb_c (id int, kid int REFERENCES rb_k(id) ON DELETE CASCADE, kcode varchar(5) REFERENCES rb_k(code) ON DELETE SET NULL);
CREATE VIEW rb_v AS SELECT id, code FROM rb_k;
INSERT INTO rb_k (id, code, a, b) VALUES (1, 'x', 1, 1), (5, 'y', 2, 2), (9, 'z', 3, 3);
INSERT INTO rb_c VALUES (1, 1, 'x'), (2, 5, 'y'), (3, 9, 'z');
ALTER TABLE rb_k DROP CONSTRAINT rb_k_pkey;
ALTER TABLE rb_k DROP CONSTRAINT rb_k_code_key;
ALTER TABLE rb_k DROP CONSTRAINT rb_k_nothere;
ALTER TABLE rb_k DROP CONSTRAINT IF EXISTS rb_k_nothere;
ALTER TABLE rb_k DROP CONSTRAINT rb_k_pkey CASCADE;
SELECT id, kid, kcode FROM rb_c ORDER BY id;
SELECT id, code, a, b, n, g FROM rb_k ORDER BY id;
SELECT * FROM rb_v ORDER BY id;
INSERT INTO rb_k (id, code, a, b) VALUES (1, 'w', 7, 7);
INSERT INTO rb_k (id, code, a, b) VALUES (NULL, 'v', 7, 7);
INSERT INTO rb_k (id, code, a, b) VALUES (2, 'x', 8, 8);
INSERT INTO rb_k (id, a, b) VALUES (3, 8, 8);
INSERT INTO rb_k (id, a, b) VALUES (4, 0, 1);
INSERT INTO rb_k (id, code, a, b) VALUES (4, 'toolong', 1, 1);
SELECT a.attname, a.attnotnull FROM pg_attribute a WHERE a.attrelid = 'rb_k'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name IN ('rb_k', 'rb_c') AND constraint_name NOT LIKE '%not_null' ORDER BY 1;
SELECT indexname FROM pg_indexes WHERE tablename = 'rb_k' ORDER BY 1;
DELETE FROM rb_k WHERE id = 9;
SELECT id, kid, kcode FROM rb_c ORDER BY id;
ALTER TABLE rb_k DROP CONSTRAINT rb_k_code_key CASCADE;
SELECT constraint_name, constraint_type FROM information_schema.table_constraints WHERE table_name = 'rb_c' ORDER BY 1;
UPDATE rb_k SET code = 'q' WHERE id = 5;
SELECT id, kid, kcode FROM rb_c ORDER BY id;
INSERT INTO rb_k (id, code, a, b) VALUES (6, 'x', 9, 9);
SELECT id, code, a FROM rb_k ORDER BY id, code;

-- an integer primary key (SQLite's rowid) keeps its values; a serial's
-- sequence stays owned by its column
CREATE TABLE rb_r (id integer PRIMARY KEY, v text);
INSERT INTO rb_r VALUES (10, 'a'), (20, 'b'), (-3, 'c');
ALTER TABLE rb_r DROP CONSTRAINT rb_r_pkey;
INSERT INTO rb_r VALUES (10, 'd');
SELECT id, v FROM rb_r ORDER BY id, v;
CREATE TABLE rb_s (id serial PRIMARY KEY, v text);
INSERT INTO rb_s (v) VALUES ('a'), ('b');
ALTER TABLE rb_s DROP CONSTRAINT rb_s_pkey;
INSERT INTO rb_s (v) VALUES ('c');
SELECT id, v FROM rb_s ORDER BY id;
SELECT pg_get_serial_sequence('rb_s', 'id');

-- named constraints, a composite key, a self-reference
CREATE TABLE rb_n (a int, b int, c int, CONSTRAINT rb_n_k PRIMARY KEY (a, b), CONSTRAINT rb_n_u UNIQUE (c));
INSERT INTO rb_n VALUES (1, 2, 3);
ALTER TABLE rb_n DROP CONSTRAINT rb_n_k;
ALTER TABLE rb_n DROP CONSTRAINT rb_n_u;
INSERT INTO rb_n VALUES (1, 2, 3);
INSERT INTO rb_n VALUES (NULL, 2, 3);
SELECT * FROM rb_n ORDER BY a;
CREATE TABLE rb_self (id int PRIMARY KEY, parent int REFERENCES rb_self(id));
INSERT INTO rb_self VALUES (1, NULL), (2, 1);
ALTER TABLE rb_self DROP CONSTRAINT rb_self_pkey;
ALTER TABLE rb_self DROP CONSTRAINT rb_self_pkey CASCADE;
INSERT INTO rb_self VALUES (3, 99);
SELECT * FROM rb_self ORDER BY id;

-- DROP COLUMN of a key column drops its keys (a composite one too)
CREATE TABLE rb_d (id int PRIMARY KEY, code text UNIQUE, a int, b int, UNIQUE (a, b));
INSERT INTO rb_d VALUES (1, 'x', 1, 1), (2, 'y', 2, 2);
ALTER TABLE rb_d DROP COLUMN code;
ALTER TABLE rb_d DROP COLUMN b;
INSERT INTO rb_d VALUES (3, 1);
SELECT * FROM rb_d ORDER BY id;
ALTER TABLE rb_d DROP COLUMN id;
INSERT INTO rb_d VALUES (1);
SELECT * FROM rb_d ORDER BY a;
SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = 'rb_d' ORDER BY 1;
CREATE TABLE rb_p3 (a int, b int, v text, PRIMARY KEY (a, b));
INSERT INTO rb_p3 VALUES (1, 1, 'a');
ALTER TABLE rb_p3 DROP COLUMN b;
SELECT a.attname, a.attnotnull FROM pg_attribute a WHERE a.attrelid = 'rb_p3'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum;
CREATE TABLE rb_dp (id int PRIMARY KEY);
CREATE TABLE rb_dc (pid int REFERENCES rb_dp(id));
ALTER TABLE rb_dp DROP COLUMN id;
CREATE TABLE rb_ix (a int, b int);
CREATE INDEX rb_ix_ab ON rb_ix (a, b);
ALTER TABLE rb_ix ADD CONSTRAINT rb_ix_b_key UNIQUE (b);
ALTER TABLE rb_ix DROP COLUMN b;
SELECT indexname FROM pg_indexes WHERE tablename = 'rb_ix' ORDER BY 1;

-- in a transaction block, then rolled back
CREATE TABLE rb_t (id int PRIMARY KEY, v text);
INSERT INTO rb_t VALUES (1, 'a');
BEGIN;
ALTER TABLE rb_t DROP CONSTRAINT rb_t_pkey;
INSERT INTO rb_t VALUES (1, 'b');
SELECT * FROM rb_t ORDER BY v;
ROLLBACK;
INSERT INTO rb_t VALUES (1, 'c');
BEGIN;
ALTER TABLE rb_t DROP CONSTRAINT rb_t_pkey;
INSERT INTO rb_t VALUES (1, 'd');
COMMIT;
SELECT * FROM rb_t ORDER BY v;

-- a UNIQUE added by ALTER TABLE (an index of its own): the foreign keys
-- that depend on it too
CREATE TABLE rb_ai (id int, code text);
ALTER TABLE rb_ai ADD CONSTRAINT rb_ai_code_key UNIQUE (code);
CREATE TABLE rb_aic (c text REFERENCES rb_ai(code));
INSERT INTO rb_ai VALUES (1, 'a');
INSERT INTO rb_aic VALUES ('a');
ALTER TABLE rb_ai DROP CONSTRAINT rb_ai_code_key;
ALTER TABLE rb_ai DROP CONSTRAINT rb_ai_code_key CASCADE;
INSERT INTO rb_aic VALUES ('zz');
INSERT INTO rb_ai VALUES (2, 'a');
SELECT c FROM rb_aic ORDER BY c;

-- names PostgreSQL quotes in its messages
CREATE TABLE "Rb Q" ("Id" int PRIMARY KEY, "Co de" text UNIQUE);
CREATE TABLE "Rb Qc" (x int REFERENCES "Rb Q" ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED);
INSERT INTO "Rb Q" VALUES (1, 'a');
INSERT INTO "Rb Qc" VALUES (1);
ALTER TABLE "Rb Q" DROP CONSTRAINT "Rb Q_pkey";
ALTER TABLE "Rb Q" DROP COLUMN "Id";
BEGIN;
INSERT INTO "Rb Qc" VALUES (2);
ALTER TABLE "Rb Q" DROP CONSTRAINT "Rb Q_Co de_key";
INSERT INTO "Rb Q" VALUES (2, 'a');
COMMIT;
SELECT * FROM "Rb Q" ORDER BY 1;
SELECT * FROM "Rb Qc" ORDER BY 1;
BEGIN;
INSERT INTO "Rb Qc" VALUES (3);
ALTER TABLE "Rb Q" DROP COLUMN "Co de";
COMMIT;
SELECT * FROM "Rb Q" ORDER BY 1;

-- a self-reference depends on the referenced column
CREATE TABLE rb_sr (id int PRIMARY KEY, parent int REFERENCES rb_sr(id), v text);
INSERT INTO rb_sr VALUES (1, NULL, 'a'), (2, 1, 'b');
ALTER TABLE rb_sr DROP COLUMN id;
ALTER TABLE rb_sr DROP COLUMN parent;
ALTER TABLE rb_sr DROP COLUMN id;
SELECT * FROM rb_sr ORDER BY v;
