-- Wrong answers and refusals of valid SQL that the differential fuzz
-- tester (difffuzz_test.go) found, each reduced to a small statement.
CREATE TABLE n25fnd_t (id int PRIMARY KEY, n numeric, d date, ts timestamp, iv interval, ia int4[], ta text[], k int);
INSERT INTO n25fnd_t VALUES
 (1, 1.5, '2024-02-29', '2024-02-29 12:00:00', '1 mon -1 day', '{1,2,3}', '{a,b}', 1),
 (2, 100, '2000-01-01', '2000-01-01 00:00:00', '-2 hours', '{}', '{}', 2),
 (3, 2.25, 'infinity', 'infinity', '1 year', '{NULL,5}', '{NULL,"x y"}', 1),
 (4, -1, '-infinity', '-infinity', '00:00:00', '{-1,0,1}', '{"",z}', 3),
 (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (6, 0.25, '1999-12-31', '1999-12-31 23:59:59.5', '36 hours', '{10}', '{abc,ABC}', 2);
-- CASE ... END as an operand of arithmetic (was a syntax error: END read as a column)
SELECT id, CASE WHEN id > 2 THEN id END * 2 AS x FROM n25fnd_t ORDER BY id;
SELECT CASE WHEN true THEN 1 END * 2, CASE WHEN false THEN 1 ELSE 2 END + 3;
-- a qualified array column || a cast array literal (was a syntax error)
SELECT t.id, (t.ia || '{10,3}'::int4[]) AS x FROM n25fnd_t t ORDER BY t.id;
-- date arithmetic on a parenthesised date column chain (was 22P02)
SELECT id, (d + 1) - 1 AS a, (d - -1) - 1 AS b, (d + 30) + 1 AS c FROM n25fnd_t ORDER BY id;
-- extract of a unit a date has not is 0A000 (was 22023); date_part of a date reads it as a timestamp
SELECT extract(hour FROM d) FROM n25fnd_t WHERE id = 1;
SELECT extract(hour FROM d) FROM n25fnd_t WHERE id = 3;
SELECT extract(foo FROM DATE '2024-01-01');
SELECT extract(dow FROM INTERVAL '1 day');
SELECT extract(day FROM TIME '10:00');
SELECT date_part('hour', DATE '2024-01-01'), date_part('day', DATE '2024-01-02');
-- a subquery of IN / EXISTS before a set operation (was a syntax error)
SELECT id FROM n25fnd_t WHERE k IN (SELECT 1) EXCEPT SELECT id FROM n25fnd_t WHERE id > 2 ORDER BY 1;
SELECT id FROM n25fnd_t a WHERE EXISTS (SELECT 1 FROM n25fnd_t b WHERE b.k = a.id) UNION SELECT 6 ORDER BY 1;
-- ORDER BY the position or name of a numeric aggregate orders by value (was by text: 100 before 2.25)
SELECT k, sum(n) AS s FROM n25fnd_t GROUP BY k ORDER BY 2, 1;
SELECT k, sum(n) AS s FROM n25fnd_t GROUP BY k ORDER BY s DESC, k;
SELECT k, max(n) AS m FROM n25fnd_t GROUP BY k ORDER BY m, k;
-- ORDER BY the position of a scalar subquery's numeric aggregate orders by value (was by text: 103.00 before 3.75; 27_numorder_scalarsub)
SELECT id, (SELECT sum(b.n) FROM n25fnd_t b WHERE b.k <= a.k) AS s FROM n25fnd_t a ORDER BY 2, 1;
-- timestamp minus an interval column, ordered: infinity after the finite values
SELECT id, ts - iv AS x FROM n25fnd_t ORDER BY 2, 1;
-- an array || an array literal orders as the array type does (was by text)
SELECT id, ia || ARRAY[7] AS x FROM n25fnd_t ORDER BY 2, 1;
SELECT id, ta || ARRAY['q'] AS x FROM n25fnd_t ORDER BY 2 DESC, 1;
-- round/trunc/abs of a decimal constant keep its scale (trunc(10.005, 2) was 10)
SELECT trunc(10.005, 2), trunc(10.005, 1), round(-2.50, 2), abs(-0.50), round(1.5), round(round(trunc(1.5, 1)), 1);
-- CASE ... END as the right operand of an operator or after a sign (was a syntax error)
SELECT id, 10 / CASE WHEN id > 2 THEN id END AS a, -CASE WHEN id = 1 THEN k ELSE id END AS b, 'x' || CASE WHEN id = 1 THEN 'a' END AS c FROM n25fnd_t ORDER BY id;
SELECT id, n * CASE WHEN id = 2 THEN 2 ELSE 1 END AS x FROM n25fnd_t ORDER BY id;
-- mod of a zero divisor whose type the statement does not show is 22012 (was NULL)
SELECT mod(trunc(n, 1), n - n) FROM n25fnd_t WHERE id = 1;
SELECT id, mod(trunc(n, 1), k) FROM n25fnd_t ORDER BY id;
-- ORDER BY avg of an integer column orders by value (was by text: 10.00 before 9.00)
CREATE TABLE n25fnd_av (g int, v int, w int8);
INSERT INTO n25fnd_av VALUES (1, 10, 10), (2, 9, 9), (3, 100, 100), (3, 101, 101), (4, NULL, NULL);
SELECT g, avg(v) FROM n25fnd_av GROUP BY g ORDER BY avg(v), g;
SELECT g, avg(w) AS a FROM n25fnd_av GROUP BY g ORDER BY a DESC, g;
SELECT g, avg(v) FROM n25fnd_av GROUP BY g ORDER BY 2 NULLS FIRST, 1;
SELECT id, mod(mod(trunc(n, 1), 1.25), 0.5) AS a, mod(round(n, -1), -1.5) AS b FROM n25fnd_t ORDER BY id;
-- interval functions order by value, as interval columns (was as text)
SELECT id, justify_interval(iv) AS j FROM n25fnd_t ORDER BY 2, 1;
SELECT id, age(ts, TIMESTAMP '2000-01-01') AS a FROM n25fnd_t WHERE id NOT IN (3, 4) ORDER BY 2 DESC, 1;
SELECT max(justify_hours(iv)), min(justify_days(iv)) FROM n25fnd_t;
-- a function call after IS [NOT] DISTINCT FROM is translated as elsewhere (was 42883: it was read as a FROM item)
SELECT id, 2 IS DISTINCT FROM array_length(ia, 1) AS a, d IS NOT DISTINCT FROM make_date(2024, 2, 29) AS b FROM n25fnd_t ORDER BY id;
