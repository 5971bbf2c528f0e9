-- A conditional of a numeric column (coalesce, nullif, CASE) compared
-- with greatest or least of number constants compares by value: the
-- numeric column's text was compared with SQLite's number, which it
-- orders after every number (coalesce(n, 0) > greatest(1000000, 2) was
-- true for every row; the fuzz tester's seed 777318).
CREATE TABLE fz2_cm (id int PRIMARY KEY, n numeric, n2 numeric(10,2), f4 real, ta text[]);
INSERT INTO fz2_cm VALUES (1, 0, 0.00, 0, '{a,b}'), (2, -2.5, -2.50, -1.5, '{}'), (3, 12345.678, 99999999.99, 3.4e38, '{NULL,"x y"}'), (4, 0.5, 0.50, 0.5, '{"",z}'), (5, 1.5, 1.50, 2.5, NULL), (6, NULL, NULL, NULL, NULL), (7, -0.5, -0.50, -2.5, '{abc}'), (8, 100, 100.00, 100, '{abc,ABC}');
SELECT id FROM fz2_cm WHERE coalesce(n, 0) > greatest(1000000, 2) ORDER BY id;
SELECT id FROM fz2_cm WHERE coalesce(n, 0) > greatest(1, 2) ORDER BY id;
SELECT id FROM fz2_cm WHERE nullif(n, n2) >= greatest(1e10::float8, 1.5::float8) ORDER BY id;
SELECT id FROM fz2_cm WHERE nullif(n, 0) < least(1000000, 5.5) ORDER BY id;
SELECT id, coalesce(n2, n) <= least(100, 2.5) AS c FROM fz2_cm ORDER BY id;
SELECT id FROM fz2_cm WHERE greatest(0.5, 1) < coalesce(n, -1) ORDER BY id;
SELECT id FROM fz2_cm WHERE CASE WHEN id > 4 THEN n ELSE n2 END > greatest(50, 1.5) ORDER BY id;
WITH d AS (SELECT * FROM fz2_cm) SELECT a.id AS c1, ntile(4) OVER (ORDER BY coalesce(a.f4, a.f4), a.id) AS c2, a.ta AS c3 FROM d a WHERE ((nullif(a.n, a.n2) >= greatest(1e10::float8, 1.5::float8)) OR NULL) ORDER BY 2 NULLS FIRST, 3 DESC, 1 NULLS FIRST;
DROP TABLE fz2_cm;
