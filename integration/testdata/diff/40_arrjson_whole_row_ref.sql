-- A FROM item's name used as a value is PostgreSQL's whole row, a
-- record; raftsql has no record values outside the JSON constructors
-- and refuses it naming the reference (0A000), where SQLite's no such
-- column was PostgreSQL's 42703 as if the statement were wrong
-- (pgdialect/whole_row_ref.go). An unknown column stays 42703.
CREATE TABLE arrjson_wr (id int PRIMARY KEY, s text);
INSERT INTO arrjson_wr VALUES (1, 'x'), (2, 'y');
-- differs: a whole-row reference is refused (0A000): PostgreSQL answers an array of records
SELECT array_agg(r ORDER BY id) FROM arrjson_wr r;
-- differs: a whole-row reference is refused (0A000): PostgreSQL answers an array of records
SELECT array_agg(arrjson_wr) FROM arrjson_wr;
-- differs: a whole-row reference is refused (0A000): PostgreSQL answers records
SELECT r FROM arrjson_wr r ORDER BY id;
-- differs: a whole-row reference is refused (0A000): PostgreSQL answers records' text
SELECT string_agg(r::text, ';' ORDER BY id) FROM (SELECT id, s FROM arrjson_wr) r;
SELECT json_agg(r ORDER BY id), array_agg(r.s ORDER BY id) FROM arrjson_wr r;
SELECT nosuch FROM arrjson_wr r;
SELECT r.nosuch FROM arrjson_wr r;
DROP TABLE arrjson_wr;
