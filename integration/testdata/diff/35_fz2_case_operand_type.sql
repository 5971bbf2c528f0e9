-- A CASE followed by an operator is typed by the operator's result, not
-- by the CASE's first branch: CASE ... END - d, a difference of dates,
-- was described as a date and its days printed as dates (-8825 as
-- 1969-12-31; the fuzz tester's seed 777679).
CREATE TABLE fz2_ct (id int PRIMARY KEY, i2 int2, b bool, d date, ts timestamp, f8 float8, t text);
INSERT INTO fz2_ct VALUES (1, 0, false, '2024-02-29', '2024-02-29 12:00:00', 0, ''), (2, -1, true, '2000-01-01', '2000-01-01 00:00:00', -0.5, 'Hello'), (7, 3, true, '2023-03-31', '2023-03-31 10:30:00', 0, 'abc'), (8, 3, false, '2024-01-31', '2024-01-31 00:00:00', 100, 'ABC'), (6, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, CASE WHEN b THEN DATE '2023-03-31' ELSE DATE '2000-01-01' END - d AS c FROM fz2_ct ORDER BY id;
SELECT id, CASE WHEN b THEN DATE '2023-03-31' ELSE DATE '2000-01-01' END - (d + -1) AS c FROM fz2_ct ORDER BY id;
-- differs-type: a difference of dates computed at run time beside an int2 branch is described int8, "Differences from PostgreSQL"
SELECT id, CASE WHEN (i2 IS DISTINCT FROM (-i2)) THEN (CASE WHEN b THEN DATE '2023-03-31' ELSE DATE '2000-01-01' END - (d + -1)) ELSE (f8)::int2 END AS c FROM fz2_ct ORDER BY id;
SELECT id, CASE WHEN b THEN d END - DATE '2000-01-01' AS c FROM fz2_ct ORDER BY id;
SELECT id, CASE WHEN b THEN d ELSE DATE '2024-01-01' END + 1 AS c FROM fz2_ct ORDER BY id;
SELECT id, CASE WHEN b THEN ts END - ts AS c FROM fz2_ct ORDER BY id;
SELECT id, CASE WHEN b THEN 1 ELSE 2 END + 1.5 AS c FROM fz2_ct ORDER BY id;
SELECT id, CASE WHEN b THEN t ELSE 'x' END || 'z' AS c FROM fz2_ct ORDER BY id;
DROP TABLE fz2_ct;
