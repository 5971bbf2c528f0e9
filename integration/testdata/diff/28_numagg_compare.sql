-- numagg_compare: an aggregate of arithmetic over a numeric column
-- (sum(amt * 1)), arithmetic over aggregates (sum(amt) * 2, avg(amt) + 1,
-- max(amt) - min(amt)) compared with a number in HAVING, in the WHERE of
-- an outer query over a FROM subquery or CTE, or ordered: by value, where
-- sum(amt * 1) compared as text (3.00 > 5) (numeric_runtimecmp.go,
-- derivedcols.go).
CREATE TABLE n28numagg_c (id int PRIMARY KEY, g int, amt numeric, n int);
INSERT INTO n28numagg_c VALUES (1, 1, 1.5, 1), (2, 1, 1.50, 2), (3, 2, 100.00, 3), (4, 2, 3.00, 4), (5, 3, -0.5, 5), (6, 3, 10, 6);
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt * 1) > 5 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt * 1) = 3 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt * 1) > sum(n) ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt * n) > 100 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt + n) > 10 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt) * 2 > 20 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING avg(amt) + 1 > 5 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING max(amt) - min(amt) > 5 ORDER BY 1;
SELECT g FROM n28numagg_c GROUP BY g HAVING sum(amt) / 2 > 5 ORDER BY 1;
SELECT g, sum(amt * 1) s FROM n28numagg_c GROUP BY g ORDER BY s;
SELECT g, sum(amt) * 2 s FROM n28numagg_c GROUP BY g ORDER BY s DESC;
SELECT g, avg(amt) + 1 s FROM n28numagg_c GROUP BY g ORDER BY 2;
SELECT g FROM n28numagg_c GROUP BY g ORDER BY sum(amt * 1);
SELECT g FROM n28numagg_c GROUP BY g ORDER BY max(amt) - min(amt) DESC;
SELECT * FROM (SELECT g, sum(amt * 1) s FROM n28numagg_c GROUP BY g) q WHERE s > 5 ORDER BY g;
SELECT * FROM (SELECT g, sum(amt) * 2 s FROM n28numagg_c GROUP BY g) q WHERE s > 20 ORDER BY s;
SELECT * FROM (SELECT g, avg(amt) + 1 s FROM n28numagg_c GROUP BY g) q WHERE s < 5 ORDER BY s;
WITH q AS (SELECT g, sum(amt * 1) s FROM n28numagg_c GROUP BY g) SELECT g, s FROM q WHERE s BETWEEN 2 AND 50 ORDER BY s DESC;
WITH q AS (SELECT g, sum(amt * 1) s FROM n28numagg_c GROUP BY g) SELECT g, s FROM q ORDER BY s;
SELECT max((SELECT sum(amt) FROM n28numagg_c k WHERE k.g = c.g)) FROM n28numagg_c c;
SELECT min((SELECT sum(amt) FROM n28numagg_c k WHERE k.g = c.g)) FROM n28numagg_c c;
SELECT id, nullif(abs(amt), 1.5), nullif(amt * 1, 1.5), nullif(amt + 0, 10) FROM n28numagg_c ORDER BY id;
SELECT nullif(abs(amt), 3) AS x FROM n28numagg_c ORDER BY 1 DESC LIMIT 3;
