-- fuzz3_window_order: ORDER BY a window sum/avg/min/max of a numeric
-- column (by position, alias or the expression) sorts by value, as the
-- aggregate's does: the running sum's numeric text ordered -0.50 before
-- -3.00 (found by the differential fuzz tester, seeds 1300398 and
-- 1300954).
CREATE TABLE n26fuzz3_w (id int PRIMARY KEY, g text, n2 numeric(10,2), i4 int4);
INSERT INTO n26fuzz3_w VALUES (1, 'a', 0.00, 0), (2, 'b', -2.50, -7), (3, 'a', 99999999.99, 2147483647), (4, 'b', 0.50, 7), (5, 'c', 1.50, 3), (6, 'c', NULL, NULL), (7, 'd', -0.50, 10), (8, 'e', 100.00, -3);
SELECT id, sum(n2) OVER (PARTITION BY g ORDER BY id) AS s FROM n26fuzz3_w ORDER BY 2, 1;
SELECT id, sum(n2) OVER (ORDER BY id) AS s FROM n26fuzz3_w ORDER BY s DESC, id;
SELECT id, max(n2) OVER (PARTITION BY g) FROM n26fuzz3_w ORDER BY max(n2) OVER (PARTITION BY g), id;
SELECT id, avg(i4) OVER (PARTITION BY g) AS a FROM n26fuzz3_w ORDER BY a NULLS FIRST, id;
SELECT id, min(n2) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS m FROM n26fuzz3_w ORDER BY 2 DESC, 1;
