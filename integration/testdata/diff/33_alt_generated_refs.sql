-- A generation expression that reads another generated column is
-- PostgreSQL's 42P17, in CREATE TABLE and ADD COLUMN
-- (pgdialect/generated_refs.go): SQLite computes one generated column from
-- another, so such a table or column was made.
CREATE TABLE alt_gr (a int, b int GENERATED ALWAYS AS (a + 1) STORED, c int GENERATED ALWAYS AS (b * 2) STORED);
CREATE TABLE alt_gr (a int, c int GENERATED ALWAYS AS ("B" * 2) STORED, "B" int GENERATED ALWAYS AS (a + 1) STORED);
CREATE TABLE alt_gr (a int, b int GENERATED ALWAYS AS (a + 1) STORED, c int GENERATED ALWAYS AS (abs(a) * 2) STORED);
INSERT INTO alt_gr (a) VALUES (1), (-2);
ALTER TABLE alt_gr ADD COLUMN d int GENERATED ALWAYS AS (b * 2) STORED;
ALTER TABLE alt_gr ADD COLUMN d int GENERATED ALWAYS AS (a + c) STORED;
ALTER TABLE alt_gr ADD COLUMN e int GENERATED ALWAYS AS (a * 3) STORED;
SELECT * FROM alt_gr ORDER BY a;
SELECT column_name, is_generated FROM information_schema.columns WHERE table_name = 'alt_gr' ORDER BY ordinal_position;
DROP TABLE alt_gr;
