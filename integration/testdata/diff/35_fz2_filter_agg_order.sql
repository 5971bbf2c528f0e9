-- ORDER BY an aggregate with FILTER (WHERE ...) of a numeric column sorts
-- by value: avg(n) FILTER (WHERE b) ordered -0.5 before -2.5, as text
-- (the fuzz tester's seed 782468).
CREATE TABLE fz2_fa (id int PRIMARY KEY, g text, n numeric, i4 int, b bool);
INSERT INTO fz2_fa VALUES (1, 'a', -2.5, 10, true), (2, 'b', -0.5, 3, true), (3, 'c', 12345.678, 9, true), (4, 'd', 100, -5, false), (5, 'a', 5, 7, false), (6, 'e', NULL, NULL, NULL);
SELECT g, avg(n) FILTER (WHERE b) AS c2 FROM fz2_fa GROUP BY 1 ORDER BY 2 NULLS FIRST, 1;
SELECT g, sum(n) FILTER (WHERE b) AS s, avg(i4) FILTER (WHERE b IS NOT NULL) AS a FROM fz2_fa GROUP BY 1 ORDER BY 2 DESC, 3, 1;
SELECT g, max(n) FILTER (WHERE id > 1) AS m FROM fz2_fa GROUP BY g ORDER BY m, g;
DROP TABLE fz2_fa;
