-- fuzz5_copiedoperands: a comparison or date/time arithmetic whose operand
-- the translation copies (date/time over columns, numeric at run time)
-- with a greatest/least, coalesce or window call inside the operand
-- (differential fuzz tester, seed 9600283: a syntax error).
CREATE TABLE n28fuzz5_c (id int PRIMARY KEY, d date, ts timestamp, iv interval, n numeric, n2 numeric(10,2), i4 int, vc varchar(10), b bool);
INSERT INTO n28fuzz5_c VALUES (1, '2024-02-29', '2024-02-29 12:00', '1 mon -1 day', 0, 0.00, 0, '', false), (2, '2000-01-01', '2000-01-01 00:00', '-2 hours', -2.5, -2.50, -7, 'hello', true), (3, 'infinity', 'infinity', '1 year 2 mons 3 days 04:05:06', 12345.678, 99999999.99, 2147483647, 'ABC', true), (4, '1999-12-31', '1999-12-31 23:59:59.5', '-1 mon 1 day', 1.5, 1.50, 7, 'abc', NULL), (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, (d + iv) <= least(ts, TIMESTAMP '2023-03-31 10:30:00.25') AS c FROM n28fuzz5_c ORDER BY id;
SELECT id, CASE WHEN vc ILIKE 'A_C' THEN b ELSE ((d + iv) <= least(ts, TIMESTAMP '2023-03-31 10:30:00.25')) END AS c FROM n28fuzz5_c ORDER BY id;
SELECT id, (ts - iv) > greatest(ts, ts) AS c FROM n28fuzz5_c ORDER BY id;
SELECT id, (d + 1) >= coalesce(least(d, DATE '2024-01-01'), DATE '1999-01-01') AS c FROM n28fuzz5_c ORDER BY id;
SELECT id, (d + iv) < max(ts) OVER (ORDER BY id) AS c FROM n28fuzz5_c ORDER BY id;
SELECT id, n2 > greatest(n, 1) AS c, least(n, n2) < n2 - 1 AS c2 FROM n28fuzz5_c ORDER BY id;
SELECT id FROM n28fuzz5_c WHERE (d + iv) <= least(ts, TIMESTAMP '2023-03-31 10:30:00.25') ORDER BY id;
