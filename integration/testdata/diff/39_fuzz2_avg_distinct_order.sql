-- avg(DISTINCT i) of an integer column is numeric and sorts by value, as
-- avg(i) does: ORDER BY it sorted the numeric text as text (10.00 before
-- 3.00; the differential fuzz tester, seed 840360).
CREATE TABLE fz39b_ad (id int, g int, i int4, n numeric);
INSERT INTO fz39b_ad VALUES (1, 1, 3, 2.5), (2, 2, 10, 10.25), (3, 3, -7, -1), (4, 4, 2147483647, 3), (5, 5, NULL, NULL), (6, 2, 10, 9.5);
SELECT g, avg(DISTINCT i) AS c FROM fz39b_ad GROUP BY g ORDER BY 2, 1;
SELECT g, avg(DISTINCT i) AS c FROM fz39b_ad GROUP BY g ORDER BY c DESC NULLS LAST, g;
SELECT g, sum(DISTINCT n) AS s, max(DISTINCT n) AS m FROM fz39b_ad GROUP BY g ORDER BY 2, 1;
SELECT g FROM fz39b_ad GROUP BY g ORDER BY avg(ALL n), g;
DROP TABLE fz39b_ad;
