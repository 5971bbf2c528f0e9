-- fuzz_extract_order: extract's numeric results order, group and compare
-- by value: an integral one was a SQLite integer and a fractional or
-- infinite one text, and ORDER BY put every text after every integer
-- (found by the differential fuzz tester, seeds 500000 and 700000).
CREATE TABLE n25fuzz_e (id int PRIMARY KEY, d date, ts timestamp);
INSERT INTO n25fuzz_e VALUES (1, '2024-02-29', '2024-02-29 12:00:00'), (2, '2000-01-01', '2000-01-01 00:00:00'), (3, 'infinity', 'infinity'), (4, '-infinity', '-infinity'), (5, '1999-12-31', '1999-12-31 23:59:59.5'), (6, NULL, NULL), (7, '2023-03-31', '2023-03-31 10:30:00');
SELECT id, extract(epoch FROM ts) FROM n25fuzz_e ORDER BY 2 DESC NULLS LAST, 1;
SELECT id, extract(second FROM ts) FROM n25fuzz_e ORDER BY 2, 1;
SELECT id, extract(year FROM d) FROM n25fuzz_e ORDER BY 2 NULLS FIRST, 1;
SELECT extract(year FROM d) AS y, count(*) FROM n25fuzz_e GROUP BY 1 ORDER BY 1;
SELECT id FROM n25fuzz_e WHERE extract(epoch FROM ts) > 946684799 ORDER BY id;
SELECT min(extract(epoch FROM ts)), max(extract(year FROM d)) FROM n25fuzz_e;
SELECT id, extract(year FROM d) + 1, extract(day FROM ts) BETWEEN 29 AND 31 FROM n25fuzz_e ORDER BY id;
