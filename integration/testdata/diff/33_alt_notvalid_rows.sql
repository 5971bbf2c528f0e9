-- Rows that violate a CHECK added NOT VALID stay, as in PostgreSQL,
-- through statements that write every row again: SQLite's ADD COLUMN
-- tests every row against all the table's CHECKs, and the rewrite of a
-- new default, the conversion of ALTER COLUMN TYPE and a table rebuild
-- (a STORED generated column, a dropped key) wrote them under the CHECK:
-- each failed ("CHECK constraint failed", 23514) where PostgreSQL checks
-- no old constraint (sqlexec/addcolumn_notvalid.go,
-- pgdialect/notvalid.go's WithoutNotValidChecks).
CREATE TABLE alt_nv (id int PRIMARY KEY, v int, s text);
INSERT INTO alt_nv VALUES (1, -5, 'a'), (2, 10, 'b');
-- (statements before the NOT VALID constraint, so that FuzzSession's
-- pieces of 8 never hold the rows against it: its integrity_check
-- would call them damage)
ALTER TABLE alt_nv ADD COLUMN pre int DEFAULT 0;
ALTER TABLE alt_nv DROP COLUMN pre;
ALTER TABLE alt_nv ADD CONSTRAINT alt_nv_small CHECK (v < 100);
ALTER TABLE alt_nv ADD CONSTRAINT alt_nv_big CHECK (v > 1000);
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'alt_nv'::regclass ORDER BY 1;
SELECT * FROM alt_nv ORDER BY id;
ALTER TABLE alt_nv ADD CONSTRAINT alt_nv_pos CHECK (v > 0) NOT VALID;
ALTER TABLE alt_nv ADD COLUMN w int DEFAULT 3;
ALTER TABLE alt_nv ADD COLUMN n int;
ALTER TABLE alt_nv ADD COLUMN x varchar(2) DEFAULT 'abc';
ALTER TABLE alt_nv ADD COLUMN x2 text DEFAULT 'q' CHECK (x2 <> 'q');
ALTER TABLE alt_nv ADD COLUMN y int NOT NULL DEFAULT 7;
ALTER TABLE alt_nv ADD COLUMN y2 int NOT NULL;
ALTER TABLE alt_nv ADD COLUMN z serial;
ALTER TABLE alt_nv ADD COLUMN d numeric DEFAULT 1 + 1;
ALTER TABLE alt_nv ADD COLUMN IF NOT EXISTS e int DEFAULT 5;
ALTER TABLE alt_nv ADD COLUMN g int GENERATED ALWAYS AS (id * 2) STORED;
SELECT * FROM alt_nv ORDER BY id;
ALTER TABLE alt_nv ALTER COLUMN s TYPE varchar(5);
ALTER TABLE alt_nv ALTER COLUMN w TYPE bigint;
ALTER TABLE alt_nv ALTER COLUMN v TYPE bigint;
ALTER TABLE alt_nv ALTER COLUMN v TYPE smallint USING v - 1;
ALTER TABLE alt_nv ALTER COLUMN w SET DEFAULT 4;
ALTER TABLE alt_nv ALTER COLUMN w DROP DEFAULT;
SELECT * FROM alt_nv ORDER BY id;
ALTER TABLE alt_nv DROP CONSTRAINT alt_nv_pkey;
ALTER TABLE alt_nv DROP COLUMN g;
SELECT * FROM alt_nv ORDER BY id;
SELECT column_name, data_type, CASE WHEN column_name <> 'd' THEN column_default END, is_nullable FROM information_schema.columns WHERE table_name = 'alt_nv' ORDER BY ordinal_position;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'alt_nv'::regclass ORDER BY 1;
-- the constraint still holds for new rows and changed values
INSERT INTO alt_nv (id, v) VALUES (3, -1);
UPDATE alt_nv SET v = v WHERE id = 1;
UPDATE alt_nv SET v = -v WHERE id = 2;
ALTER TABLE alt_nv VALIDATE CONSTRAINT alt_nv_pos;
DELETE FROM alt_nv WHERE v <= 0;
ALTER TABLE alt_nv VALIDATE CONSTRAINT alt_nv_pos;
SELECT conname, convalidated FROM pg_constraint WHERE conrelid = 'alt_nv'::regclass ORDER BY 1;
SELECT * FROM alt_nv ORDER BY id;
DROP TABLE alt_nv;
