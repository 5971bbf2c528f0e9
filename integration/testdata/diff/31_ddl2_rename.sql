-- RENAME COLUMN / RENAME TO: PostgreSQL's errors, the rows and foreign
-- keys following the new names; a view reading the column or table keeps
-- its column names and types in PostgreSQL, which raftsql cannot keep
-- (SQLite rewrites the view, its type lookups name the old ones): 0A000.
CREATE TABLE ddl2_rn (id int PRIMARY KEY, name text, n int);
CREATE TABLE ddl2_rnc (id int, pid int REFERENCES ddl2_rn (id));
INSERT INTO ddl2_rn VALUES (1, 'a', 5);
INSERT INTO ddl2_rnc VALUES (1, 1);
ALTER TABLE ddl2_rn RENAME COLUMN name TO title;
ALTER TABLE ddl2_rn RENAME id TO rid;
ALTER TABLE ddl2_rn RENAME COLUMN n TO title;
ALTER TABLE ddl2_rn RENAME COLUMN nope TO z;
ALTER TABLE ddl2_nope RENAME COLUMN nope TO z;
ALTER TABLE ddl2_rn RENAME TO ddl2_rn2;
SELECT * FROM ddl2_rn2;
INSERT INTO ddl2_rnc VALUES (2, 2);
DELETE FROM ddl2_rn2;
SELECT column_name FROM information_schema.columns WHERE table_name = 'ddl2_rn2' ORDER BY ordinal_position;
BEGIN;
ALTER TABLE ddl2_rn2 RENAME COLUMN title TO t2;
ALTER TABLE ddl2_rn2 RENAME TO ddl2_rn3;
ROLLBACK;
SELECT column_name FROM information_schema.columns WHERE table_name = 'ddl2_rn2' ORDER BY ordinal_position;
-- views
CREATE TABLE ddl2_rv (d date, m numeric(6,2), k int);
INSERT INTO ddl2_rv VALUES ('2024-01-31', 1.50, 1);
CREATE VIEW ddl2_rvv AS SELECT d + 1 AS d1, m * 2 AS m2, d FROM ddl2_rv;
ALTER TABLE ddl2_rv RENAME COLUMN k TO kk;
BEGIN;
-- differs: refused (0A000): the view's text and type lookups would still name d
ALTER TABLE ddl2_rv RENAME COLUMN d TO dd;
ROLLBACK;
BEGIN;
-- differs: refused (0A000): the view's type lookups would still name ddl2_rv
ALTER TABLE ddl2_rv RENAME TO ddl2_rv2;
ROLLBACK;
SELECT * FROM ddl2_rvv;
DROP VIEW ddl2_rvv;
ALTER TABLE ddl2_rv RENAME COLUMN d TO dd;
ALTER TABLE ddl2_rv RENAME TO ddl2_rv2;
SELECT * FROM ddl2_rv2;
