-- An assigned literal its column's type refuses fails the statement
-- where it is written, also in an explicit transaction and when no row is
-- written (UPDATE ... WHERE false), placed at the literal; the
-- transaction is then aborted (25P02) until ROLLBACK. (Outside a
-- transaction the literals were read before the statement ran already.)
CREATE TABLE n29wr_x (i int4, n numeric(3,1), d date, v varchar(2));
-- positions
BEGIN;
UPDATE n29wr_x SET i = 'x' WHERE false;
SELECT 1;
ROLLBACK;
BEGIN;
INSERT INTO n29wr_x (i) VALUES (1);
UPDATE n29wr_x SET d = '2020-13-01' WHERE false;
SELECT count(*) FROM n29wr_x;
ROLLBACK;
BEGIN;
UPDATE n29wr_x SET v = 'abc' WHERE false;
ROLLBACK;
BEGIN;
UPDATE n29wr_x SET n = '1234' WHERE false;
ROLLBACK;
BEGIN;
INSERT INTO n29wr_x (i) VALUES (1);
UPDATE n29wr_x SET i = 'y' WHERE i = 2;
COMMIT;
SELECT count(*) FROM n29wr_x;
-- a transaction that changed the schema reads the literal when a row
-- is written
BEGIN;
CREATE TABLE n29wr_x2 (i int4);
INSERT INTO n29wr_x2 VALUES ('z');
ROLLBACK;
