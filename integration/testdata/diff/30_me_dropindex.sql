-- DROP INDEX of the index a PRIMARY KEY or UNIQUE constraint owns is
-- PostgreSQL's 2BP01 (sqlexec/dropindex.go). It was: the index of a
-- constraint added by ALTER TABLE dropped, and the constraint with it
-- (the duplicate INSERT below was accepted); the others 42704.
CREATE TABLE me_di (a int PRIMARY KEY, b int, c int UNIQUE, d int);
ALTER TABLE me_di ADD CONSTRAINT me_di_b_key UNIQUE (b);
ALTER TABLE me_di ADD CONSTRAINT me_di_named UNIQUE (d);
CREATE INDEX me_di_plain ON me_di (d);
DROP INDEX me_di_b_key;
DROP INDEX IF EXISTS me_di_b_key;
DROP INDEX me_di_pkey;
DROP INDEX me_di_c_key;
DROP INDEX me_di_named;
INSERT INTO me_di VALUES (1, 1, 1, 1), (2, 1, 2, 2);
INSERT INTO me_di VALUES (1, 1, 1, 1);
DROP INDEX me_di_plain;
DROP INDEX IF EXISTS me_di_plain;
DROP INDEX me_di_missing;
ALTER TABLE me_di DROP CONSTRAINT me_di_b_key;
INSERT INTO me_di VALUES (2, 1, 2, 2);
SELECT a, b FROM me_di ORDER BY a;
DROP TABLE me_di;
