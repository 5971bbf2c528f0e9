-- A foreign key or NOT VALID CHECK naming a column that does not exist,
-- or a foreign key whose referenced columns are more or fewer than its
-- own, is refused as PostgreSQL refuses it (sqlexec/fkcolumns.go). ALTER
-- TABLE ... ADD FOREIGN KEY (nope), ADD ... FOREIGN KEY (a, b)
-- REFERENCES p (k) and ADD CHECK (nope > 0) NOT VALID installed a
-- definition SQLite cannot read ("malformed database schema"): every node
-- applying the entry stopped as if its file were damaged. A referenced
-- column that does not exist was 42830 (PostgreSQL: 42703).
CREATE TABLE alt_fkp (id int PRIMARY KEY, k int, UNIQUE (id, k));
CREATE TABLE alt_fkc (id int, pid int);
INSERT INTO alt_fkp VALUES (1, 1);
INSERT INTO alt_fkc VALUES (1, 1);
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid) REFERENCES alt_fkp (nope);
ALTER TABLE alt_fkc ADD FOREIGN KEY (nope) REFERENCES alt_fkp (id);
ALTER TABLE alt_fkc ADD FOREIGN KEY (nope) REFERENCES alt_fkp (id) NOT VALID;
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid) REFERENCES alt_nope (id);
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid) REFERENCES alt_nope (nope);
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid, id) REFERENCES alt_fkp (id);
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid) REFERENCES alt_fkp (id, k);
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid, id) REFERENCES alt_fkp;
ALTER TABLE alt_fkc ADD CONSTRAINT alt_fkc_ck CHECK (nope > 0);
ALTER TABLE alt_fkc ADD CONSTRAINT alt_fkc_ck CHECK (nope > 0) NOT VALID;
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid) REFERENCES alt_fkp (k);
-- the table is as it was, and keys that are right still go in
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid) REFERENCES alt_fkp;
ALTER TABLE alt_fkc ADD FOREIGN KEY (pid, id) REFERENCES alt_fkp (id, k);
ALTER TABLE alt_fkc ADD CONSTRAINT alt_fkc_ck CHECK (id > 0) NOT VALID;
SELECT conname, contype, convalidated, CASE contype WHEN 'f' THEN pg_get_constraintdef(oid) END FROM pg_constraint WHERE conrelid = 'alt_fkc'::regclass ORDER BY 1;
SELECT * FROM alt_fkc;
-- CREATE TABLE
CREATE TABLE alt_fkc2 (id int, pid int REFERENCES alt_fkp (nope));
CREATE TABLE alt_fkc2 (id int, FOREIGN KEY (nope) REFERENCES alt_fkp (id));
CREATE TABLE alt_fkc2 (id int, pid int REFERENCES alt_nope (nope));
CREATE TABLE alt_fkc2 (a int, b int, FOREIGN KEY (a, b) REFERENCES alt_fkp (id));
CREATE TABLE alt_fkc2 (a int, b int, FOREIGN KEY (a) REFERENCES alt_fkp (id, k));
CREATE TABLE alt_fkc2 (a int, b int, FOREIGN KEY (a, b) REFERENCES alt_fkp);
CREATE TABLE alt_fkc2 (a int, b int, FOREIGN KEY (a, b) REFERENCES alt_fkp (id, k));
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'alt_fkc2'::regclass ORDER BY 1;
DROP TABLE alt_fkc2, alt_fkc, alt_fkp;
