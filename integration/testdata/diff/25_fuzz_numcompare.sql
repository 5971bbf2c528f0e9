-- fuzz_numcompare: numeric results of round/trunc compared with BETWEEN
-- bounds and IN lists by value (the differential fuzz tester, seeds
-- 500000 and 700000, found them ordered after every number).
CREATE TABLE n25fuzz_n (id int PRIMARY KEY, n numeric, n2 numeric(10,2), i4 int4);
INSERT INTO n25fuzz_n VALUES (1, 0, 0.00, 0), (2, -2.5, -2.50, -7), (3, 12345.678, 99999999.99, 3), (4, 0.5, 0.50, 10), (5, NULL, NULL, NULL), (6, 100, 100.00, 100);
SELECT id, trunc(n2, 0) BETWEEN 3.00 AND 12345.678 FROM n25fuzz_n ORDER BY id;
SELECT id, trunc(n2, 0) NOT BETWEEN 3.00 AND 12345.678 FROM n25fuzz_n ORDER BY id;
SELECT id FROM n25fuzz_n WHERE trunc((n - n2), 2) BETWEEN -1.5 AND 1.25 ORDER BY id;
SELECT id, round(trunc(n2, 0), 0) NOT BETWEEN 0.0 AND 3.00 FROM n25fuzz_n ORDER BY id;
SELECT id, round(n2, 1) IN (0.5, 0.0, n) FROM n25fuzz_n ORDER BY id;
SELECT id, trunc(i4::numeric(12,2), 1) NOT IN (1.5, 3.00, n) FROM n25fuzz_n ORDER BY id;
SELECT id FROM n25fuzz_n WHERE round((0.5::float8)::numeric(10,2), 2) IN (0.5, 7) ORDER BY id;
