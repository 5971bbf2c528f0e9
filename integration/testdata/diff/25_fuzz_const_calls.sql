-- fuzz_const_calls: a numeric function of constants (abs(-1.5)) beside a
-- column in + or -: the column's date/time rewrite copied the call
-- before it was made exact, and the copy was broken SQL (42601 at FROM)
-- or lost the constant's scale (found by the differential fuzz tester,
-- seeds 500000 and 700000).
CREATE TABLE n25fuzz_c (id int PRIMARY KEY, i8 int8, n numeric, d date);
INSERT INTO n25fuzz_c VALUES (1, 0, 0, '2024-02-29'), (2, -9000000000, -2.5, 'infinity'), (3, 7, 1.5, NULL), (4, NULL, NULL, '2000-01-01');
SELECT id, id - abs(-1.5), i8 + abs(-2.50), n * sqrt(4.0) + abs(2.50) FROM n25fuzz_c ORDER BY id;
SELECT avg(id - abs(-1.5)), sum((i8 + abs(-2.50))), max((id - abs(-1.5))) FROM n25fuzz_c;
SELECT DATE '2024-02-29' AS c1, avg(abs(100)) AS c2, avg((id - abs(-1.5))) AS c3 FROM n25fuzz_c GROUP BY 1 HAVING max(n) >= 1 ORDER BY 3 DESC, 2, 1;
SELECT id, d - abs(-2), d + mod(7, 3) FROM n25fuzz_c ORDER BY id;
