-- fuzz4_paren_compare: parenthesised arithmetic of unknown static type
-- compared with a number compares by value, as without the parentheses:
-- its numeric text has no affinity, and SQLite put it after every number
-- (3 < (n / id) and (n + 0) > 3 were true for 0; NOT (cardinality(ia) <
-- (n / id)) was false; found by the differential fuzz tester, seed
-- 2000430). Such a comparison of interval arithmetic over a column with
-- an interval compares the intervals by value (pg_cmp read their text as
-- numbers: 22P02; seed 2600402), and interval arithmetic over a column
-- compared with a typed interval is a boolean (iv * 2 >= INTERVAL '1 day'
-- printed 1, typed as the arithmetic inside it).
CREATE TABLE n27fuzz4_pc (id int PRIMARY KEY, i8 int8, n numeric, f8 float8, d date, ts timestamp, iv interval, ia int4[]);
INSERT INTO n27fuzz4_pc VALUES
 (1, 0, 0, 0, '2024-02-29', '2024-02-29 12:00:00', '1 mon -1 day', '{1,2,3}'),
 (2, -9000000000, -2.5, -0.5, '2000-01-01', '2000-01-01 00:00:00', '-2 hours', '{}'),
 (3, 7, 1.5, 1.5, '1999-12-31', '1999-12-31 23:59:59.5', '36 hours', NULL),
 (4, 100, 100, 100, '2024-01-31', '2024-01-31 00:00:00', '1 day', '{10}'),
 (5, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, 3 < (n / id), (n / id) > 3, 3 < (n * id), 3 < (n + 0), 3.0 < (n / id), ((n + 1)) >= 2 FROM n27fuzz4_pc ORDER BY id;
SELECT id, (i8 + 1) > 5, (f8 * 2) > 1, (n + id) = 3, (n - 1) <> -1 FROM n27fuzz4_pc ORDER BY id;
SELECT id, (d + 1) > '2020-01-01', (d + 1) > d, (ts - iv) < ts FROM n27fuzz4_pc ORDER BY id;
SELECT id FROM n27fuzz4_pc WHERE (n * 2) >= 3 ORDER BY id;
SELECT (NOT (cardinality(a.ia) < (a.n / a.id))) AS c1, extract(doy FROM greatest(TIMESTAMP '2023-03-31 10:30:00.25', date_trunc('year', TIMESTAMP '2024-02-29 12:00:00'))) AS c2 FROM n27fuzz4_pc a ORDER BY 2, 1 DESC NULLS FIRST;
SELECT id, iv <> ((iv * 3) * 2), iv <> iv * 3 * 2, iv < (iv * 3), (iv * 2) > iv, iv * 2 >= INTERVAL '1 day' FROM n27fuzz4_pc ORDER BY id;
SELECT a.n AS c1 FROM n27fuzz4_pc a WHERE (a.n IN (0.0, 3.00, abs(trunc(a.n, 1)))) UNION SELECT round((a.n * 0.1), 2) AS c1 FROM n27fuzz4_pc a WHERE (a.iv <> ((a.iv * 3) * 2)) ORDER BY 1 DESC;
