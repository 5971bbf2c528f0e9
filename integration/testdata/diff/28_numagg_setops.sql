-- numagg_setops: a set operation whose operands are numeric aggregates
-- (sum(amt) UNION ALL sum(amt)) orders, deduplicates, intersects and
-- excepts by value: an aggregate's numeric text has no collation in
-- SQLite, so the column ordered as text (103.00 before 3.75) and kept
-- 9.5 beside 9.50 (setoptypes.go, convertSetOp).
CREATE TABLE n28numagg_a (id int PRIMARY KEY, g int, amt numeric, n int);
CREATE TABLE n28numagg_b (id int PRIMARY KEY, g int, amt numeric(10,2), n int);
INSERT INTO n28numagg_a VALUES (1, 1, 1.5, 1), (2, 1, 1.50, 2), (3, 2, 100.00, 3), (4, 2, 3.00, 4), (5, 3, -0.5, 5), (6, 3, 10, 6);
INSERT INTO n28numagg_b VALUES (1, 1, 9.5, 7), (2, 2, 3, 8), (3, 3, 3.75, 9), (4, 4, NULL, 10);
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION ALL SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s DESC;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s LIMIT 3;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY 1 DESC LIMIT 2 OFFSET 1;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g INTERSECT SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g EXCEPT SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(amt) s FROM n28numagg_a UNION ALL SELECT sum(amt) FROM n28numagg_b ORDER BY s;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION ALL SELECT sum(n) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(n) s FROM n28numagg_a GROUP BY g UNION ALL SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT count(*) s FROM n28numagg_a GROUP BY g UNION ALL SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s DESC;
SELECT avg(amt) s FROM n28numagg_a GROUP BY g UNION ALL SELECT sum(amt) FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(amt) * 2 s FROM n28numagg_a GROUP BY g UNION SELECT sum(amt) + 0 FROM n28numagg_b GROUP BY g ORDER BY s;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT 3.0 ORDER BY 1;
SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT 3 ORDER BY 1;
SELECT s FROM (SELECT sum(amt) s FROM n28numagg_a GROUP BY g UNION SELECT sum(amt) FROM n28numagg_b GROUP BY g) q WHERE s > 5 ORDER BY s;
