-- A CASE has its results' collation: SQLite takes the first part's that
-- names one, a WHEN condition's too, and a condition over a numeric
-- function (mod(10, id), pg_numeric) gave CASE WHEN ... THEN to_char(...)
-- ELSE iv::text END the numeric collation, so '23:59:59' ordered before
-- '2 mons -2 days' (the differential fuzz tester, seed 842902).
CREATE TABLE fz3_cc (id int4, i4 int4, ts timestamp, iv interval, t text, n numeric);
INSERT INTO fz3_cc VALUES (1, 0, '2024-02-29 12:00:00', '1 mon -1 day', '', 0), (2, -7, '2000-01-01 00:00:00', '-2 hours', 'Hello', -2.5),
 (3, 2147483647, '1999-12-31 23:59:59.5', '36 hours', '42', 12.5), (4, 3, '2023-03-31 10:30:00', '1 day', '2 mons', 1.5), (5, 10, '2024-01-31 00:00:00', '2 days', 'abc', NULL),
 (6, NULL, NULL, NULL, NULL, NULL);
SELECT id, CASE WHEN (i4 IS DISTINCT FROM mod(10, id)) THEN to_char(ts, 'HH24:MI:SS') ELSE ((iv + iv))::text END AS c FROM fz3_cc ORDER BY 2, 1;
SELECT DISTINCT CASE WHEN n + 0.5 > 1 THEN t ELSE (iv)::text END AS c FROM fz3_cc ORDER BY 1;
SELECT id FROM fz3_cc WHERE CASE WHEN mod(i4, 2) = 0 THEN to_char(ts, 'HH24:MI') ELSE t END < '3' ORDER BY 1;
SELECT id, CASE WHEN n > 1.0 THEN CASE WHEN mod(id, 2) = 1 THEN t ELSE to_char(ts, 'YYYY') END ELSE 'z' END AS c FROM fz3_cc ORDER BY 2 DESC, 1;
SELECT max(CASE WHEN n < 1.5 THEN to_char(ts, 'HH24:MI:SS') ELSE (iv)::text END) AS m, min(CASE WHEN n < 1.5 THEN to_char(ts, 'HH24:MI:SS') ELSE (iv)::text END) AS l FROM fz3_cc;
DROP TABLE fz3_cc;
