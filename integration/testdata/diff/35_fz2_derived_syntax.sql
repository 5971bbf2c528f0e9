-- Two valid statements over a derived table were refused with 42601:
-- (array_length(a.ia, 1) + 1) IN (SELECT k ...) put the number
-- constant's CAST around the 1 inside the addition (the fuzz tester's
-- seed 781250), and over SELECT * FROM t the END of CASE ... END IN
-- (...) was read as t's column "end" (seed 781506).
CREATE TABLE fz2_ds (id int PRIMARY KEY, ia int[], b bool, d date);
CREATE TABLE fz2_du (k int, v numeric);
INSERT INTO fz2_ds VALUES (1, '{1,2}', true, '2024-01-01'), (2, '{}', false, 'infinity'), (3, NULL, NULL, NULL), (4, '{5}', true, '2023-03-31');
INSERT INTO fz2_du VALUES (2, 1.5), (3, 2), (NULL, NULL);
WITH d AS (SELECT * FROM fz2_ds) SELECT a.id, ((array_length(a.ia, 1) + 1) IN (SELECT k FROM fz2_du)) AS c3 FROM d a ORDER BY 1;
SELECT a.id, (array_length(a.ia, 1) * 2 IN (SELECT k FROM fz2_du)) AS c FROM fz2_ds a ORDER BY 1;
SELECT a.id, (CASE WHEN a.b THEN 100 ELSE 2147483647 END IN (32767, NULL)) AS c FROM (SELECT * FROM fz2_ds) a ORDER BY 1;
SELECT a.id, CASE WHEN a.b THEN 1 ELSE 2 END IN (1, 3) AS c, CASE WHEN a.b IS NOT DISTINCT FROM true THEN 'x' END AS e FROM (SELECT * FROM fz2_ds) a ORDER BY 1;
SELECT (('2024-03-01'::date - a.d) = 5) AS c1 FROM (SELECT * FROM fz2_ds) a WHERE (true OR (CASE WHEN a.b THEN 100 ELSE 2147483647 END IN (32767, NULL))) ORDER BY 1;
DROP TABLE fz2_ds;
DROP TABLE fz2_du;
