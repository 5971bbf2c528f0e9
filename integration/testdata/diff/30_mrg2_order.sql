-- MERGE acts on the source's rows in the source's order, a matched row and an unmatched one each as it comes (PostgreSQL 15's plan: a nested loop over the source).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
-- a key a WHEN MATCHED DELETE frees is free only for the INSERTs after it in the source's order
CREATE TABLE mrg2_u (k int PRIMARY KEY, tag text);
INSERT INTO mrg2_u VALUES (1, 'old');
MERGE INTO mrg2_u u USING (VALUES (5), (1)) AS v(k) ON u.k = v.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (1, 'new');
SELECT * FROM mrg2_u ORDER BY k;
MERGE INTO mrg2_u u USING (VALUES (1), (5)) AS v(k) ON u.k = v.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (1, 'new');
SELECT * FROM mrg2_u ORDER BY k;
-- a key a WHEN MATCHED UPDATE moves a row off is free only for the INSERTs after it
DELETE FROM mrg2_u;
INSERT INTO mrg2_u VALUES (1, 'old');
MERGE INTO mrg2_u u USING (VALUES (7), (1)) AS v(k) ON u.k = v.k WHEN MATCHED THEN UPDATE SET k = 8 WHEN NOT MATCHED THEN INSERT VALUES (1, 'ins');
SELECT * FROM mrg2_u ORDER BY k;
MERGE INTO mrg2_u u USING (VALUES (1), (7)) AS v(k) ON u.k = v.k WHEN MATCHED THEN UPDATE SET k = 8 WHEN NOT MATCHED THEN INSERT VALUES (1, 'ins');
SELECT * FROM mrg2_u ORDER BY k;
-- of two errors, the one of the row that comes first: a unique violation of an UPDATE or a NOT NULL of an INSERT
CREATE TABLE mrg2_e (k int PRIMARY KEY, v text NOT NULL);
INSERT INTO mrg2_e VALUES (1, 'a'), (2, 'b');
MERGE INTO mrg2_e e USING (VALUES (3, NULL), (1, 'x')) AS s(k, v) ON e.k = s.k WHEN MATCHED THEN UPDATE SET k = 2 WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.v);
MERGE INTO mrg2_e e USING (VALUES (1, 'x'), (3, NULL)) AS s(k, v) ON e.k = s.k WHEN MATCHED THEN UPDATE SET k = 2 WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.v);
SELECT * FROM mrg2_e ORDER BY k;
-- a sequence drawn by WHEN MATCHED and WHEN NOT MATCHED actions alike, in the source's order
CREATE SEQUENCE mrg2_seq;
CREATE TABLE mrg2_s (k int PRIMARY KEY, n bigint);
INSERT INTO mrg2_s VALUES (2, 0), (4, 0);
MERGE INTO mrg2_s s USING (VALUES (1), (2), (3), (4), (5)) AS v(k) ON s.k = v.k
WHEN MATCHED THEN UPDATE SET n = nextval('mrg2_seq') WHEN NOT MATCHED THEN INSERT VALUES (v.k, nextval('mrg2_seq'));
SELECT * FROM mrg2_s ORDER BY k;
-- serial values of the rows an INSERT action adds, between rows an UPDATE acts on, drawn in that order
CREATE TABLE mrg2_ser (id serial, k int PRIMARY KEY, tag text);
INSERT INTO mrg2_ser (k, tag) VALUES (2, 'old');
MERGE INTO mrg2_ser s USING (VALUES (1), (2), (3)) AS v(k) ON s.k = v.k
WHEN MATCHED THEN UPDATE SET id = DEFAULT, tag = 'upd' WHEN NOT MATCHED THEN INSERT (k, tag) VALUES (v.k, 'ins');
SELECT * FROM mrg2_ser ORDER BY id;
-- a table as the source: its rows in their stored order
CREATE TABLE mrg2_src (k int, tag text);
INSERT INTO mrg2_src VALUES (6, 'a'), (2, 'b'), (9, 'c'), (4, 'd');
MERGE INTO mrg2_s s USING mrg2_src ON s.k = mrg2_src.k
WHEN MATCHED THEN UPDATE SET n = nextval('mrg2_seq') WHEN NOT MATCHED THEN INSERT VALUES (mrg2_src.k, nextval('mrg2_seq'));
SELECT * FROM mrg2_s ORDER BY k;
-- a source row that matches two target rows: both act before the next source row
CREATE TABLE mrg2_m (id int PRIMARY KEY, g int, n bigint);
INSERT INTO mrg2_m VALUES (1, 10, 0), (2, 10, 0);
MERGE INTO mrg2_m m USING (VALUES (20), (10), (30)) AS v(g) ON m.g = v.g
WHEN MATCHED THEN UPDATE SET n = nextval('mrg2_seq') WHEN NOT MATCHED THEN INSERT VALUES (v.g, v.g, nextval('mrg2_seq'));
SELECT * FROM mrg2_m ORDER BY id;
-- in an explicit transaction: a MERGE's changes are seen by the next statement, undone by ROLLBACK TO SAVEPOINT, and a failing MERGE aborts the transaction
BEGIN;
MERGE INTO mrg2_u u USING (VALUES (1), (20)) AS v(k) ON u.k = v.k WHEN MATCHED THEN UPDATE SET tag = 'txn' WHEN NOT MATCHED THEN INSERT VALUES (v.k, 'txn');
SELECT * FROM mrg2_u ORDER BY k;
SAVEPOINT sp;
MERGE INTO mrg2_u u USING (VALUES (20), (21)) AS v(k) ON u.k = v.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (v.k, 'sp');
SELECT * FROM mrg2_u ORDER BY k;
ROLLBACK TO SAVEPOINT sp;
SELECT * FROM mrg2_u ORDER BY k;
MERGE INTO mrg2_u u USING (VALUES (30), (1)) AS v(k) ON u.k = v.k WHEN MATCHED THEN UPDATE SET k = 20 WHEN NOT MATCHED THEN INSERT VALUES (v.k, 'bad');
SELECT * FROM mrg2_u ORDER BY k;
ROLLBACK;
SELECT * FROM mrg2_u ORDER BY k;
BEGIN;
MERGE INTO mrg2_u u USING (VALUES (1), (40)) AS v(k) ON u.k = v.k WHEN MATCHED THEN UPDATE SET tag = 'committed' WHEN NOT MATCHED THEN INSERT VALUES (v.k, 'committed');
COMMIT;
SELECT * FROM mrg2_u ORDER BY k;
