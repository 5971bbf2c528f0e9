-- A table of no columns stays refused with 0A000 naming the construct
-- (CREATE TABLE t () was a syntax error): SQLite has no zero-column
-- tables, and a hidden placeholder column would show through every
-- reader of a table's columns.
CREATE TABLE vzc_t (a int);
-- differs: dropping a table's last column is refused (0A000: a table of no columns)
ALTER TABLE vzc_t DROP COLUMN a;
-- differs: a table of no columns is refused (0A000)
CREATE TABLE vzc_z ();
SELECT count(*) FROM vzc_t;
