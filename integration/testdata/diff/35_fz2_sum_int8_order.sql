-- ORDER BY a sum of a bigint column, as an aggregate or a window, orders
-- by value: the sum is numeric, and one past bigint's range was numeric
-- text, which sorted after every sum that fits (the fuzz tester's seed
-- 778312: -9000000000 before -9223372045854775805).
CREATE TABLE fz2_si (id int PRIMARY KEY, g int, i8 bigint, i4 int, n numeric);
INSERT INTO fz2_si VALUES (1, 1, 0, 0, 0), (2, 1, -9000000000, -7, -2.5), (3, 2, 9223372036854775807, 2147483647, 12345.678), (4, 2, -9223372036854775808, -2147483648, 0.5), (5, 3, 7, 7, 1.5), (6, 3, NULL, NULL, NULL), (7, 4, 3, 3, -0.5), (8, 4, 100, 10, 100);
SELECT id, sum(i8) OVER (ORDER BY n / -1 DESC) AS s FROM fz2_si ORDER BY 2, 1;
SELECT a.id, sum(a.i8) OVER (ORDER BY (a.n / -1) DESC) AS s FROM (SELECT * FROM fz2_si) a ORDER BY 2 DESC, 1;
SELECT id, sum(i8) OVER (ORDER BY n DESC) AS s FROM fz2_si ORDER BY s NULLS FIRST, 1;
SELECT id FROM fz2_si ORDER BY sum(i8) OVER (ORDER BY id DESC), id;
SELECT id, sum(i8) OVER (PARTITION BY g) AS s FROM fz2_si ORDER BY 2, 1;
SELECT g, sum(i8) AS s FROM fz2_si GROUP BY g ORDER BY 2, 1;
SELECT g FROM fz2_si GROUP BY g ORDER BY sum(i8) DESC, g;
SELECT id, sum(i4) OVER (ORDER BY n DESC) AS s FROM fz2_si ORDER BY 2, 1;
WITH d AS (SELECT * FROM fz2_si) SELECT g, sum(i8) AS s FROM d GROUP BY g ORDER BY s, g;
DROP TABLE fz2_si;
