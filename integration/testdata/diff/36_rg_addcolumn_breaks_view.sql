-- ADD COLUMN that would make a view's names ambiguous (its USING join's
-- tables now share another column) is refused with 0A000 and rolled
-- back: SQLite re-resolves a view's text each time, so the view broke
-- and every later DROP COLUMN or RENAME of any table failed with XX000
-- "error in view ...". From PostgreSQL's regression create_view.sql.
CREATE TABLE rg_av1 (x int, y int);
CREATE TABLE rg_av2 (x int, z int);
CREATE TABLE rg_av3 (z int, q int);
CREATE VIEW rg_av_v AS SELECT x, y, z, q FROM (rg_av1 JOIN rg_av2 USING (x)) JOIN rg_av3 USING (z);
INSERT INTO rg_av1 VALUES (1, 2);
INSERT INTO rg_av2 VALUES (1, 3);
INSERT INTO rg_av3 VALUES (3, 4);
-- differs: raftsql refuses a new column that would break a view (PostgreSQL binds a view's names once)
ALTER TABLE rg_av1 ADD COLUMN z int;
SELECT * FROM rg_av_v;
CREATE TABLE rg_av_other (a int, b int);
ALTER TABLE rg_av_other DROP COLUMN b;
ALTER TABLE rg_av_other RENAME COLUMN a TO c;
SELECT * FROM rg_av_other;
ALTER TABLE rg_av1 ADD COLUMN w int;
SELECT x, y, w FROM rg_av1;
DROP VIEW rg_av_v;
DROP TABLE rg_av1, rg_av2, rg_av3, rg_av_other;
