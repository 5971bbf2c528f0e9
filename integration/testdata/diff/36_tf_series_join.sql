-- A report's calendar: generate_series over dates (a timestamptz series)
-- joined with a date column. A series column named in a column alias
-- list (AS d(day)) lost its type when the join condition read it (ON was
-- not typed, and the FROM item after the alias list was not read), so
-- o.d = d.day compared the series' UTC text with the date as text and no
-- day matched (pgdialect/derivedcols.go typeJoinConditions,
-- pgcast.go afterColumnAliases).
SET TIME ZONE 'America/New_York';
CREATE TABLE tf_sj (id int, d date, amt numeric(10,2));
INSERT INTO tf_sj VALUES (1, '2024-01-01', 10), (2, '2024-01-01', 20.5), (3, '2024-01-02', 5), (4, '2024-01-05', 7.25), (5, '2024-02-01', 100);
SELECT d.day, coalesce(sum(o.amt), 0) FROM generate_series(date '2024-01-01', date '2024-01-06', interval '1 day') AS d(day) LEFT JOIN tf_sj o ON o.d = d.day GROUP BY d.day ORDER BY d.day;
SELECT s.g, count(o.id) FROM generate_series(date '2024-01-01', date '2024-01-03', interval '1 day') AS s(g) JOIN tf_sj o ON s.g = o.d GROUP BY s.g ORDER BY 1;
SELECT g, o.id FROM generate_series(date '2024-01-01', date '2024-01-03', interval '1 day') s(g), tf_sj o WHERE g = o.d ORDER BY 1, 2;
SELECT s.g, o.id FROM generate_series(date '2024-01-01', date '2024-01-03', interval '1 day') s(g), tf_sj o WHERE o.d = s.g ORDER BY 1, 2;
SELECT s.g, o.id FROM generate_series(timestamp '2024-01-01', timestamp '2024-01-02 12:00', interval '12 hours') AS s(g) LEFT JOIN tf_sj o ON o.d = s.g ORDER BY 1, 2;
SELECT s.g, o.id FROM generate_series(timestamptz '2024-01-01 12:00+00', timestamptz '2024-01-02 12:00+00', interval '12 hours') AS s(g) LEFT JOIN tf_sj o ON o.d < s.g AND o.id < 3 ORDER BY 1, 2;
DROP TABLE tf_sj;
