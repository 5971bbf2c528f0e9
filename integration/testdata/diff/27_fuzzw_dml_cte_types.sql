-- fuzzw_dml_cte_types: a data-modifying CTE's RETURNING rows are kept in
-- a temporary table made anew by each statement; in a transaction the
-- main statement of a later one of the same shape (WITH w AS (... RETURNING
-- a.id, a.x AS r1) SELECT * FROM w) reused the compiled statement and the
-- result description of the earlier one, so r1 of an int4 column was
-- described timestamptz and 2147483647 printed as 2038-01-19 03:14:07+00
-- (dmlcte.go drops the cached statements naming the table; fuzz seed
-- 5000332).
CREATE TABLE n27fuzzw_w (id int4 PRIMARY KEY, i4 int4, d date, tz timestamptz, ia int4[], b bool);
INSERT INTO n27fuzzw_w VALUES (3, 2147483647, '2024-01-01', '2000-01-01 00:00:00+00', '{1,2}', true), (7, 3, '2023-03-31', '2023-03-31 10:30:00+00', NULL, false);
BEGIN;
WITH w AS (UPDATE n27fuzzw_w a SET b = NOT a.b RETURNING a.id, a.tz AS r1, a.ia AS r2) SELECT * FROM w ORDER BY 1;
WITH w AS (DELETE FROM n27fuzzw_w a WHERE a.id = 3 RETURNING a.id, a.i4 AS r1, a.d AS r2) SELECT * FROM w ORDER BY 1;
WITH w AS (UPDATE n27fuzzw_w a SET i4 = a.i4 + 1 RETURNING a.id, a.b AS r1, a.i4 AS r2) SELECT * FROM w ORDER BY 1;
WITH w AS (INSERT INTO n27fuzzw_w AS a (id, i4) VALUES (9, 5) RETURNING a.id, a.d AS r1, a.ia AS r2) SELECT * FROM w ORDER BY 1;
ROLLBACK;
WITH w AS (UPDATE n27fuzzw_w a SET b = NOT a.b RETURNING a.id, a.tz AS r1) SELECT * FROM w ORDER BY 1;
WITH w AS (UPDATE n27fuzzw_w a SET b = NOT a.b RETURNING a.id, a.i4 AS r1) SELECT * FROM w ORDER BY 1;
SELECT * FROM n27fuzzw_w ORDER BY id;
