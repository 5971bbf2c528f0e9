-- a transaction's statements, run speculatively on the apply connection
-- (and run again from their start when the apply preempts them:
-- sqlexec/preempt.go), answer as in PostgreSQL: a bulk INSERT ... SELECT
-- after an earlier write sees that write, its RETURNING rows and tags
-- are one run's, and COMMIT keeps what the client saw.
CREATE TABLE n25sp_big (x int4, n int8);
CREATE TABLE n25sp_small (x int4);
BEGIN;
INSERT INTO n25sp_small VALUES (1), (2);
INSERT INTO n25sp_big (x, n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 5000) SELECT x, (SELECT count(*) FROM n25sp_small) FROM c;
SELECT count(*), min(n), max(n), sum(x) FROM n25sp_big;
UPDATE n25sp_big SET n = n + x WHERE x % 1000 = 0 RETURNING x, n;
INSERT INTO n25sp_small SELECT x FROM n25sp_big WHERE x > 4997 RETURNING x;
COMMIT;
SELECT count(*), sum(n) FROM n25sp_big;
SELECT count(*), sum(x) FROM n25sp_small;
BEGIN;
DELETE FROM n25sp_big WHERE x <= 4000;
SELECT count(*) FROM n25sp_big;
ROLLBACK;
SELECT count(*) FROM n25sp_big;
