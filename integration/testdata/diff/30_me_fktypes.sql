-- ALTER TABLE ... ADD CONSTRAINT ... FOREIGN KEY between columns whose
-- types do not join is PostgreSQL's 42804, NOT VALID too
-- (sqlexec/altertype_fk.go refuseAddedFKTypes); it was accepted, the
-- key then compared by SQLite's affinity rules.
CREATE TABLE me_fkp (id int PRIMARY KEY, code text UNIQUE, n numeric UNIQUE);
CREATE TABLE me_fkc (pid text, pcode int, pn bigint, pid2 bigint, pcode2 varchar(10));
ALTER TABLE me_fkc ADD CONSTRAINT me_fkc_pid_fkey FOREIGN KEY (pid) REFERENCES me_fkp (id);
ALTER TABLE me_fkc ADD FOREIGN KEY (pcode) REFERENCES me_fkp (code) NOT VALID;
ALTER TABLE me_fkc ADD FOREIGN KEY (pid2) REFERENCES me_fkp (id);
ALTER TABLE me_fkc ADD FOREIGN KEY (pcode2) REFERENCES me_fkp (code);
ALTER TABLE me_fkc ADD FOREIGN KEY (pn) REFERENCES me_fkp (n);
ALTER TABLE me_fkc ADD FOREIGN KEY (pid2) REFERENCES me_fkp_missing (id);
INSERT INTO me_fkp VALUES (1, 'a', 1.5);
INSERT INTO me_fkc VALUES ('1', 1, NULL, 1, 'a');
INSERT INTO me_fkc VALUES ('x', 1, NULL, 2, 'a');
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'me_fkc'::regclass ORDER BY conname;
-- inside a transaction: the refused key leaves nothing behind
BEGIN;
SAVEPOINT s;
ALTER TABLE me_fkc ADD CONSTRAINT me_fkc_pid_fkey FOREIGN KEY (pid) REFERENCES me_fkp (id);
ROLLBACK TO s;
ALTER TABLE me_fkc DROP CONSTRAINT me_fkc_pn_fkey;
COMMIT;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'me_fkc'::regclass ORDER BY conname;
DROP TABLE me_fkc;
DROP TABLE me_fkp;
