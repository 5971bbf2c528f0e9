-- fuzz_bool_text: a parenthesised boolean column cast to text, or
-- concatenated, prints true/false (t/f in concat) as the bare column does:
-- (b)::text was SQLite's 1/0, also where it is grouped, compared or
-- replaced (found by the differential fuzz tester, seeds 500000 and
-- 700000).
CREATE TABLE n25fuzz_b (id int PRIMARY KEY, b bool, f4 real, ts timestamp);
INSERT INTO n25fuzz_b VALUES (1, true, 1.1, '2024-02-29 12:00:00'), (2, false, -2.5, '2000-01-01 00:00:00'), (3, NULL, NULL, NULL), (4, true, 0, '2023-03-31 10:30:00');
SELECT id, (b)::text, ((b))::varchar(3), (a.b)::text FROM n25fuzz_b a ORDER BY id;
SELECT id, concat((b), 'x'), (b) || 'x', (f4)::text, concat((a.f4), '|') FROM n25fuzz_b a ORDER BY id;
SELECT (b)::text AS c1, count(*) FROM n25fuzz_b GROUP BY 1 ORDER BY 1;
SELECT id FROM n25fuzz_b WHERE (b)::text BETWEEN 'a' AND 'g' ORDER BY id;
SELECT id, replace((b)::text, 'ue', 'UE') || 100 FROM n25fuzz_b ORDER BY 2, 1;
SELECT (ts)::date AS c1 FROM n25fuzz_b WHERE ((b)::text BETWEEN '%b%' AND 'ABC') UNION SELECT ts::date + 1 FROM n25fuzz_b ORDER BY 1;
