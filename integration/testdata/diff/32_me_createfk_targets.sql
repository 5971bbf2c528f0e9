-- CREATE TABLE ... REFERENCES a table that does not exist (42P01) or
-- columns that are no unique key (42830) were accepted, every write to
-- the new table then failing (sqlexec/createfk.go refuseCreatedFKTargets).
CREATE TABLE me_cft_p (id int PRIMARY KEY, code text, u int UNIQUE);
CREATE TABLE me_cft_c1 (pid int REFERENCES me_cft_missing (id));
CREATE TABLE me_cft_c2 (pcode text REFERENCES me_cft_p (code));
CREATE TABLE me_cft_c3 (a int, b text, FOREIGN KEY (a) REFERENCES me_cft_p (id), FOREIGN KEY (b) REFERENCES me_cft_p (code));
CREATE TABLE me_cft_c4 (pid int REFERENCES me_cft_p (id), pu int REFERENCES me_cft_p (u), self int REFERENCES me_cft_c4 (pid));
CREATE TABLE me_cft_c5 (pid int PRIMARY KEY, parent int REFERENCES me_cft_c5 (pid));
CREATE TABLE me_cft_c6 (pid text REFERENCES me_cft_missing2 (id), q int REFERENCES me_cft_p (code));
SELECT relname FROM pg_class WHERE relname LIKE 'me\_cft\_%' AND relkind = 'r' ORDER BY relname;
INSERT INTO me_cft_p VALUES (1, 'a', 10);
INSERT INTO me_cft_c5 VALUES (1, NULL), (2, 1);
BEGIN;
CREATE TABLE me_cft_c7 (pid int REFERENCES me_cft_p (code));
ROLLBACK;
DROP TABLE me_cft_c5;
DROP TABLE me_cft_p;
