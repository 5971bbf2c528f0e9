-- CREATE TABLE ... REFERENCES / FOREIGN KEY between columns whose types
-- do not join is PostgreSQL's 42804 (pgdialect/createfk.go,
-- sqlexec/createfk.go); it was accepted, the key then compared by
-- SQLite's affinity rules. Checked at apply, after the table exists.
CREATE TABLE fkc_p (id int PRIMARY KEY, code text UNIQUE, n numeric UNIQUE, UNIQUE (id, code));
CREATE TABLE fkc_c1 (pid text REFERENCES fkc_p (id));
CREATE TABLE fkc_c2 (pid varchar(5) REFERENCES fkc_p);
CREATE TABLE fkc_c3 (pcode int, CONSTRAINT fkc_c3_fk FOREIGN KEY (pcode) REFERENCES fkc_p (code));
CREATE TABLE fkc_c4 (pn date CONSTRAINT my_fkc_fk REFERENCES fkc_p (n));
CREATE TABLE fkc_c5 (a int, b int, FOREIGN KEY (a, b) REFERENCES fkc_p (id, code));
-- the first key in the definition's order is reported
CREATE TABLE fkc_c6 (a text REFERENCES fkc_p (id), b int REFERENCES fkc_p (code));
CREATE TABLE fkc_c7 (a text, b int REFERENCES fkc_p (code), FOREIGN KEY (a) REFERENCES fkc_p (id));
-- a self-reference
CREATE TABLE fkc_s (id int PRIMARY KEY, parent text REFERENCES fkc_s (id));
CREATE TABLE IF NOT EXISTS fkc_c8 (a varchar(3) REFERENCES fkc_p (code), b bigint REFERENCES fkc_p (n));
-- types that join are accepted
CREATE TABLE fkc_ok (a bigint REFERENCES fkc_p (id), b varchar(3) REFERENCES fkc_p (code), c int2 REFERENCES fkc_p (n),
  id int PRIMARY KEY, parent int8 REFERENCES fkc_ok (id));
INSERT INTO fkc_p VALUES (1, 'a', 1);
INSERT INTO fkc_ok VALUES (1, 'a', 1, 1, NULL);
SELECT relname FROM pg_class WHERE relname LIKE 'fkc%' AND relkind = 'r' ORDER BY relname;
-- inside a transaction block the refused CREATE leaves nothing behind
BEGIN;
SAVEPOINT s;
CREATE TABLE fkc_t (pid text REFERENCES fkc_p (id));
ROLLBACK TO s;
CREATE TABLE fkc_t (pid int REFERENCES fkc_p (id));
SELECT relname FROM pg_class WHERE relname LIKE 'fkc%' AND relkind = 'r' ORDER BY relname;
COMMIT;
BEGIN;
CREATE TABLE fkc_t2 (pid text REFERENCES fkc_p (id));
ROLLBACK;
SELECT relname FROM pg_class WHERE relname LIKE 'fkc%' AND relkind = 'r' ORDER BY relname;
DROP TABLE fkc_t;
DROP TABLE fkc_c8;
DROP TABLE fkc_ok;
DROP TABLE fkc_p;
