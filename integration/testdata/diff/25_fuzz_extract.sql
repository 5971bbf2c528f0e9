-- fuzz_extract: extract of a unit a date has not (hour, minute ...) from
-- an infinite date whose type the statement shows (a cast, a typed
-- literal) is 0A000 as for a finite one: the text 'infinity' alone does
-- not tell a date from a timestamp (found by the differential fuzz
-- tester, seeds 500000 and 700000).
CREATE TABLE n25fuzz_x (id int PRIMARY KEY, d date, ts timestamp, iv interval);
INSERT INTO n25fuzz_x VALUES (1, '2024-02-29', '2024-02-29 12:00:00', '1 day'), (2, 'infinity', 'infinity', '-2 hours'), (3, NULL, NULL, NULL);
SELECT extract(hour FROM 'infinity'::date);
SELECT extract(minute FROM DATE '-infinity');
SELECT extract(hour FROM ts::date) FROM n25fuzz_x WHERE id = 2;
SELECT extract(hour FROM (DATE 'infinity' + iv)::date) FROM n25fuzz_x WHERE id = 1;
SELECT id, extract(day FROM ts::date), extract(epoch FROM ts::date), extract(year FROM d) FROM n25fuzz_x ORDER BY id;
SELECT extract(hour FROM ts::date) FROM n25fuzz_x WHERE id = 3;
SELECT extract(hour FROM NULL::date), extract(minute FROM 'infinity'::timestamp);
