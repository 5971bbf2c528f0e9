-- A numeric column beside a float column (or a cast to one) in COALESCE,
-- GREATEST/LEAST, CASE and ARRAY[] is read as the float, their common
-- type: coalesce(f, n) and ARRAY[f, n] printed n's 4.50 where
-- PostgreSQL's is 4.5.
CREATE TABLE kn_fc (id int PRIMARY KEY, n numeric(6,2), f float8, r real, i int);
INSERT INTO kn_fc VALUES (1, 4.50, 5.5, 0.25, 2), (2, 1.10, NULL, NULL, 3), (3, NULL, 2.0, 1.5, NULL);
SELECT id, coalesce(f, n) FROM kn_fc ORDER BY id;
SELECT id, coalesce(n, f) FROM kn_fc ORDER BY id;
SELECT id, coalesce(NULL::float8, n) FROM kn_fc ORDER BY id;
SELECT id, ARRAY[f, n] FROM kn_fc ORDER BY id;
SELECT id, ARRAY[n, f, i] FROM kn_fc ORDER BY id;
SELECT id, ARRAY[r, n] FROM kn_fc ORDER BY id;
SELECT id, CASE WHEN id = 3 THEN f ELSE n END FROM kn_fc ORDER BY id;
SELECT id, greatest(f, n), least(n, f) FROM kn_fc ORDER BY id;
SELECT id, coalesce(n, i) FROM kn_fc ORDER BY id;
SELECT id, ARRAY[n, i] FROM kn_fc ORDER BY id;
SELECT coalesce(n, f) AS c, count(*) FROM kn_fc GROUP BY 1 ORDER BY 1;
DROP TABLE kn_fc;
