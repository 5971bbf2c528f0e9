-- DDL on keys: DROP COLUMN of a primary key column, TRUNCATE of a
-- referenced table, DROP CONSTRAINT by the names PostgreSQL gives
-- implicit constraints.
CREATE TABLE ddk_p (id int PRIMARY KEY, v text);
INSERT INTO ddk_p VALUES (1, 'a'), (2, 'b');
ALTER TABLE ddk_p DROP COLUMN id;
SELECT * FROM ddk_p ORDER BY v;
INSERT INTO ddk_p VALUES ('c');
CREATE TABLE ddk_p2 (id int PRIMARY KEY, v text);
CREATE TABLE ddk_c2 (id int, pid int REFERENCES ddk_p2(id));
ALTER TABLE ddk_p2 DROP COLUMN id;
ALTER TABLE ddk_p2 DROP COLUMN v;
CREATE TABLE ddk_p3 (a int, b int, v text, PRIMARY KEY (a, b));
ALTER TABLE ddk_p3 DROP COLUMN b;
CREATE TABLE ddk_u (id int, code text UNIQUE);
ALTER TABLE ddk_u DROP COLUMN code;
CREATE TABLE ddk_tp (id int PRIMARY KEY);
CREATE TABLE ddk_tc (id int, pid int REFERENCES ddk_tp(id));
INSERT INTO ddk_tp VALUES (1), (2);
INSERT INTO ddk_tc VALUES (10, 1), (11, 2);
TRUNCATE ddk_tp;
TRUNCATE ddk_tp RESTRICT;
SELECT count(*) FROM ddk_tc;
TRUNCATE ddk_tp CASCADE;
SELECT count(*) FROM ddk_tp;
SELECT count(*) FROM ddk_tc;
INSERT INTO ddk_tp VALUES (1);
INSERT INTO ddk_tc VALUES (10, 1);
TRUNCATE ddk_tp, ddk_tc;
SELECT count(*) FROM ddk_tc;
TRUNCATE ddk_tc;
CREATE TABLE ddk_k (id int PRIMARY KEY, code text UNIQUE, n int CHECK (n > 0), pid int REFERENCES ddk_tp(id));
ALTER TABLE ddk_k DROP CONSTRAINT ddk_k_n_check;
INSERT INTO ddk_k (id, n) VALUES (1, -1);
ALTER TABLE ddk_k DROP CONSTRAINT ddk_k_pid_fkey;
INSERT INTO ddk_k (id, pid) VALUES (2, 99);
ALTER TABLE ddk_k DROP CONSTRAINT ddk_k_code_key;
INSERT INTO ddk_k (id, code) VALUES (3, 'x'), (4, 'x');
ALTER TABLE ddk_k DROP CONSTRAINT ddk_k_pkey;
INSERT INTO ddk_k (id) VALUES (1);
SELECT id, code, n, pid FROM ddk_k ORDER BY id, code;
ALTER TABLE ddk_k DROP CONSTRAINT ddk_k_nothere;
CREATE TABLE ddk_k2 (a int, b int, PRIMARY KEY (a, b), UNIQUE (b), CHECK (a < b));
ALTER TABLE ddk_k2 DROP CONSTRAINT ddk_k2_check;
INSERT INTO ddk_k2 VALUES (5, 1);
ALTER TABLE ddk_k2 DROP CONSTRAINT ddk_k2_b_key;
ALTER TABLE ddk_k2 DROP CONSTRAINT ddk_k2_pkey;

-- TRUNCATE: the rule is about the schema (an empty referencing table
-- still refuses), CASCADE follows references recursively, a
-- self-reference is no obstacle, ON DELETE actions never fire.
CREATE TABLE ddk_ta (id int PRIMARY KEY);
CREATE TABLE ddk_tb (id int PRIMARY KEY, a int REFERENCES ddk_ta(id) ON DELETE SET NULL);
CREATE TABLE ddk_tcc (id serial PRIMARY KEY, b int REFERENCES ddk_tb(id) ON DELETE CASCADE);
CREATE TABLE ddk_self (id int PRIMARY KEY, parent int REFERENCES ddk_self(id));
INSERT INTO ddk_self VALUES (1, NULL), (2, 1), (3, 2);
TRUNCATE ddk_self;
SELECT count(*) FROM ddk_self;
TRUNCATE ddk_ta;
TRUNCATE ddk_ta, ddk_tb;
INSERT INTO ddk_ta VALUES (1), (2);
INSERT INTO ddk_tb VALUES (10, 1), (20, 2);
INSERT INTO ddk_tcc (b) VALUES (10), (20);
TRUNCATE ddk_tb, ddk_ta;
SELECT count(*) FROM ddk_tb;
BEGIN;
TRUNCATE TABLE ddk_ta CASCADE;
SELECT (SELECT count(*) FROM ddk_ta), (SELECT count(*) FROM ddk_tb), (SELECT count(*) FROM ddk_tcc);
ROLLBACK;
SELECT (SELECT count(*) FROM ddk_ta), (SELECT count(*) FROM ddk_tb), (SELECT count(*) FROM ddk_tcc);
TRUNCATE ddk_ta CASCADE;
SELECT (SELECT count(*) FROM ddk_ta), (SELECT count(*) FROM ddk_tb), (SELECT count(*) FROM ddk_tcc);
INSERT INTO ddk_ta VALUES (1);
INSERT INTO ddk_tb VALUES (10, 1);
INSERT INTO ddk_tcc (b) VALUES (10) RETURNING id;
TRUNCATE ddk_tb RESTART IDENTITY CASCADE;
INSERT INTO ddk_tb VALUES (10, 1);
INSERT INTO ddk_tcc (b) VALUES (10) RETURNING id;
SELECT (SELECT count(*) FROM ddk_ta), (SELECT count(*) FROM ddk_tb), (SELECT count(*) FROM ddk_tcc);
TRUNCATE ddk_nothere CASCADE;

-- DROP COLUMN of a key column other tables' foreign keys depend on:
-- through the primary key (no column named), and by name.
CREATE TABLE ddk_p4 (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE ddk_c4 (id int, p int REFERENCES ddk_p4);
CREATE TABLE ddk_c5 (id int, code text, CONSTRAINT c5_code FOREIGN KEY (code) REFERENCES ddk_p4 (code));
ALTER TABLE ddk_p4 DROP COLUMN id;
ALTER TABLE ddk_p4 DROP COLUMN code;
ALTER TABLE ddk_p4 DROP COLUMN nothere;
