-- PostgreSQL tests every row an UPDATE writes against every CHECK of its
-- table, NOT VALID ones too (23514); SQLite tests only the CHECKs that
-- read a column the statement assigns, so a row breaking a CHECK added
-- NOT VALID took an update of its other columns
-- (sqlexec/notvalid_update.go).
CREATE TABLE gap2_nvu (id int PRIMARY KEY, a int, b int, "Val" text, g int GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO gap2_nvu VALUES (1, -5, 1, 'x'), (2, 5, 1, 'y'), (3, -60, 1, 'Z');
-- (statements before the NOT VALID constraints, so that FuzzSession's
-- pieces of 8 never hold the rows against them: its integrity_check
-- would call them damage)
SELECT count(*) FROM gap2_nvu;
SELECT id FROM gap2_nvu ORDER BY id;
SELECT a FROM gap2_nvu ORDER BY id;
SELECT b FROM gap2_nvu ORDER BY id;
SELECT "Val" FROM gap2_nvu ORDER BY id;
SELECT g FROM gap2_nvu ORDER BY id;
ALTER TABLE gap2_nvu ADD CONSTRAINT gap2_nvu_a CHECK (a > 0) NOT VALID;
UPDATE gap2_nvu SET b = 2 WHERE id = 1;
UPDATE gap2_nvu AS x SET b = 3 WHERE x.id = 2 RETURNING *;
UPDATE gap2_nvu x SET b = 3 FROM (SELECT 1 AS a) s WHERE x.id = s.a;
WITH q AS (SELECT 1 AS v) UPDATE gap2_nvu SET b = (SELECT v FROM q) WHERE id = 3;
INSERT INTO gap2_nvu AS x VALUES (1, 7, 7) ON CONFLICT (id) DO UPDATE SET b = 9;
INSERT INTO gap2_nvu VALUES (2, 7, 7) ON CONFLICT (id) DO UPDATE SET b = 9;
MERGE INTO gap2_nvu t USING (VALUES (1), (3)) v(k) ON t.id = v.k WHEN MATCHED THEN UPDATE SET b = 10;
UPDATE gap2_nvu SET b = 4 WHERE id > 100;
UPDATE gap2_nvu SET b = 4, a = 6 WHERE id = 1;
UPDATE gap2_nvu SET b = 5 WHERE id < 3;
SELECT * FROM gap2_nvu ORDER BY id;
ALTER TABLE gap2_nvu DROP CONSTRAINT gap2_nvu_a;
ALTER TABLE gap2_nvu ADD CONSTRAINT gap2_nvu_g CHECK (g > -100) NOT VALID;
UPDATE gap2_nvu SET "Val" = 'w';
UPDATE gap2_nvu SET "Val" = 'w' WHERE id <> 3;
ALTER TABLE gap2_nvu ADD CONSTRAINT gap2_nvu_v CHECK ("Val" = lower("Val")) NOT VALID;
UPDATE gap2_nvu SET b = 6 WHERE id = 3;
ALTER TABLE gap2_nvu DROP CONSTRAINT gap2_nvu_g;
UPDATE gap2_nvu SET b = 6 WHERE id = 3;
UPDATE gap2_nvu SET b = 7, "Val" = 'z' WHERE id = 3;
ALTER TABLE gap2_nvu ADD CONSTRAINT gap2_nvu_ab CHECK (a + b < 100) NOT VALID;
UPDATE gap2_nvu SET a = 50 WHERE id = 2;
UPDATE gap2_nvu SET "Val" = 'q' WHERE id = 2;
ALTER TABLE gap2_nvu DROP CONSTRAINT gap2_nvu_ab;
UPDATE gap2_nvu SET b = 8 WHERE id = 2;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'gap2_nvu'::regclass ORDER BY 1;
SELECT * FROM gap2_nvu ORDER BY id;
DROP TABLE gap2_nvu;
