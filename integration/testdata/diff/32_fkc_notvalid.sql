-- A constraint added NOT VALID reads convalidated false (and
-- pg_get_constraintdef ends in NOT VALID) until VALIDATE CONSTRAINT
-- succeeds (pgdialect/notvalid.go); it was always true. (No row violates
-- them here: SQLite's integrity_check would report such a row.)
CREATE TABLE fkc_np (id int PRIMARY KEY);
CREATE TABLE fkc_nc (a int, pid int, b int CHECK (b > 0));
INSERT INTO fkc_np VALUES (1);
INSERT INTO fkc_nc VALUES (1, 1, 1);
ALTER TABLE fkc_nc ADD CONSTRAINT fkc_nc_pos CHECK (a > 0) NOT VALID;
ALTER TABLE fkc_nc ADD CONSTRAINT fkc_nc_a2 CHECK (a < 100) NOT VALID;
ALTER TABLE fkc_nc ADD FOREIGN KEY (pid) REFERENCES fkc_np (id) NOT VALID;
ALTER TABLE fkc_nc ADD CONSTRAINT fkc_nc_b2 CHECK (b < 10);
SELECT conname, contype, convalidated FROM pg_constraint WHERE conrelid = 'fkc_nc'::regclass ORDER BY conname;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'fkc_nc'::regclass AND contype = 'f';
-- a validation rolled back with its transaction
BEGIN;
ALTER TABLE fkc_nc VALIDATE CONSTRAINT fkc_nc_pos;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fkc_nc'::regclass ORDER BY conname;
ROLLBACK;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fkc_nc'::regclass ORDER BY conname;
-- kept across a rename, a column change, and another constraint's drop
ALTER TABLE fkc_nc RENAME COLUMN b TO c;
ALTER TABLE fkc_nc ALTER COLUMN c TYPE bigint;
ALTER TABLE fkc_nc RENAME TO fkc_nc2;
ALTER TABLE fkc_nc2 DROP CONSTRAINT fkc_nc_b2;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fkc_nc2'::regclass ORDER BY conname;
-- validated: true; a constraint valid already stays so
ALTER TABLE fkc_nc2 VALIDATE CONSTRAINT fkc_nc_a2;
ALTER TABLE fkc_nc2 VALIDATE CONSTRAINT fkc_nc_pid_fkey;
ALTER TABLE fkc_nc2 VALIDATE CONSTRAINT fkc_nc_b_check;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'fkc_nc2'::regclass ORDER BY conname;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'fkc_nc2'::regclass AND contype = 'f';
DROP TABLE fkc_nc2;
DROP TABLE fkc_np;
