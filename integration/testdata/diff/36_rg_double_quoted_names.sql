-- A double-quoted name is always an identifier: one that names no
-- column is 42703, never SQLite's string literal (SELECT "nosuch"
-- answered the text nosuch, UPDATE ... WHERE "nope" = 'x' matched
-- nothing, CREATE INDEX ON t ("nosuch") and CHECK ("qq" > 0) were
-- accepted and a later DROP COLUMN failed on the index). From
-- PostgreSQL's regression alter_table.sql.
CREATE TABLE rg_dq (id int PRIMARY KEY, a int, "B" text);
INSERT INTO rg_dq VALUES (1, 10, 'x'), (2, 20, 'y');
SELECT "nosuch" FROM rg_dq;
SELECT "a", "B", "id" FROM rg_dq ORDER BY "id";
SELECT id FROM rg_dq WHERE "B" = 'x';
UPDATE rg_dq SET a = 1 WHERE "nope" = 'x';
DELETE FROM rg_dq WHERE "nope" = 'x';
INSERT INTO rg_dq VALUES (3, 30, "z");
CREATE INDEX rg_dq_i ON rg_dq ("nosuch");
CREATE INDEX rg_dq_i2 ON rg_dq (("nosuch" || 'x'));
CREATE INDEX rg_dq_i3 ON rg_dq (a) WHERE "zz" > 1;
CREATE TABLE rg_dq2 (a int CHECK ("qq" > 0));
ALTER TABLE rg_dq ADD CHECK ("nosuch2" > 3);
ALTER TABLE rg_dq ADD COLUMN c int CHECK ("c2" > 0);
-- differs-message: a UNIQUE or PRIMARY KEY column the table lacks is not named "in key"
ALTER TABLE rg_dq ADD UNIQUE ("nosuch3");
ALTER TABLE rg_dq DROP COLUMN a;
SELECT * FROM rg_dq ORDER BY id;
SELECT id, "B" || "B" AS bb FROM rg_dq ORDER BY 1;
DROP TABLE rg_dq;
