-- types3_money: money compares only with money (and with an untyped
-- literal, which becomes money): a money value compared with a number
-- (=, <>, <, BETWEEN, IN) is 42883 in PostgreSQL, as are the numeric
-- functions and aggregates over money (abs, round, sqrt, stddev, ...),
-- as is NULLIF of money and a number; COALESCE, GREATEST and LEAST of
-- money and a number are 42846 (no common type);
-- min, max and sum of money are money.
CREATE TABLE n25mc_t (id int PRIMARY KEY, m money);
INSERT INTO n25mc_t VALUES (1, '1'), (2, '2.50'), (3, NULL), (4, '-7');
SELECT abs(m) FROM n25mc_t;
SELECT trunc(m), ceil(m) FROM n25mc_t;
SELECT floor(m) FROM n25mc_t;
SELECT round(m) FROM n25mc_t;
SELECT round(m, 1) FROM n25mc_t;
SELECT sqrt(m) FROM n25mc_t;
SELECT sign(m) FROM n25mc_t;
SELECT ln(m) FROM n25mc_t;
SELECT exp(m) FROM n25mc_t;
SELECT log(m) FROM n25mc_t;
SELECT stddev(m) FROM n25mc_t;
SELECT variance(m) FROM n25mc_t;
SELECT avg(m) FROM n25mc_t;
SELECT min(m), max(m), sum(m) FROM n25mc_t;
SELECT id FROM n25mc_t WHERE m IN ('1', '$2.50') ORDER BY id;
SELECT id FROM n25mc_t WHERE m < '5' ORDER BY id;
SELECT id FROM n25mc_t WHERE m BETWEEN '$0' AND '2' ORDER BY id;
SELECT id FROM n25mc_t WHERE m NOT BETWEEN '0' AND '2' ORDER BY id;
SELECT id FROM n25mc_t WHERE n25mc_t.m BETWEEN '-10' AND '1.00' ORDER BY id;
-- differs: a subquery's money column compared with a literal is read as numeric (22P02)
SELECT id FROM (SELECT id, m FROM n25mc_t) s WHERE m > '$0' ORDER BY id;
SELECT '1'::money < '2', '1'::money IN ('1', '2');
-- positions
SELECT id FROM n25mc_t WHERE m < 5;
SELECT id FROM n25mc_t WHERE m = 2.5;
SELECT id FROM n25mc_t WHERE 5 > m;
SELECT id FROM n25mc_t WHERE m <> 0;
SELECT id FROM n25mc_t WHERE m BETWEEN 1 AND 2;
SELECT id FROM n25mc_t WHERE m NOT BETWEEN '1' AND 2;
SELECT id FROM n25mc_t WHERE m IN (1, 2);
SELECT id FROM n25mc_t WHERE m IN ('1', 2);
SELECT id FROM n25mc_t WHERE m NOT IN (1.5);
SELECT id FROM n25mc_t WHERE m = 3000000000;
SELECT id FROM n25mc_t WHERE m > 1e3;
SELECT id FROM (SELECT id, m FROM n25mc_t) s WHERE m < 5;
WITH c AS (SELECT m FROM n25mc_t) SELECT m FROM c WHERE m >= 1;
SELECT a.id FROM n25mc_t a JOIN n25mc_t b ON a.m = b.id;
SELECT abs(m) FROM n25mc_t;
SELECT trunc(m) FROM n25mc_t;
SELECT stddev(m) FROM n25mc_t;
SELECT round(m, 1) FROM n25mc_t;
SELECT abs('1'::money);
SELECT round('1'::money, 2);
SELECT '1'::money < 5;
SELECT '1'::money IN (1.5);
SELECT 1 WHERE '1'::money NOT BETWEEN 1 AND 2;
SELECT coalesce(1, 1.5, '1'::money);
SELECT least('1'::money, 2, 3);
SELECT greatest(1, '1'::money);
SELECT coalesce(NULL, '1'::money, '2'), nullif('1'::money, '1');
SELECT nullif('1'::money, 0);
