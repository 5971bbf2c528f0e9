-- dtsub_operands: date/time arithmetic whose operand's type the statement
-- does not show: a scalar subquery, a product of two columns, a CASE or
-- coalesce of a column and a quoted literal, an aggregate of date/time
-- arithmetic. Each was numeric arithmetic (22P02 on a timestamp's text).
CREATE TABLE n27dtsub_t (id int PRIMARY KEY, n int, i int, ts timestamp, tz timestamptz, d date, iv interval, iv2 interval);
INSERT INTO n27dtsub_t VALUES (1, 2, 5, '2024-01-01 10:00', '2024-01-01 10:00+00', '2024-01-01', '1 day 02:00', '3 hours'), (2, 3, 7, '2024-03-01 12:30', '2024-03-01 12:30+00', '2024-02-28', '1 mon', '40 days'), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE n27dtsub_e (id int PRIMARY KEY, n int, ts timestamp, tz timestamptz, d date, iv interval);
SELECT id, ts - (SELECT iv FROM n27dtsub_t WHERE id = 1) AS a, ts + (SELECT iv FROM n27dtsub_t WHERE id = 2) AS b FROM n27dtsub_t ORDER BY id;
SELECT id, (SELECT max(ts) FROM n27dtsub_t) - ts AS a, d - (SELECT min(d) FROM n27dtsub_t) AS b, (SELECT max(d) FROM n27dtsub_t) - 1 AS c FROM n27dtsub_t ORDER BY id;
SELECT (SELECT max(ts) FROM n27dtsub_t) + interval '1 day' AS a, (SELECT max(tz) FROM n27dtsub_t) - timestamptz '2024-01-01 00:00+00' AS b, timestamp '2024-12-31' - (SELECT min(ts) FROM n27dtsub_t) AS c;
SELECT (SELECT max(tz) FROM n27dtsub_t) - (SELECT min(tz) FROM n27dtsub_t) AS a, (SELECT iv FROM n27dtsub_t WHERE id = 1) + (SELECT iv2 FROM n27dtsub_t WHERE id = 1) AS b;
SELECT timestamp '2024-06-01' - (SELECT iv2 FROM n27dtsub_t WHERE id = 1) AS a, interval '1 hour' + (SELECT iv FROM n27dtsub_t WHERE id = 1) AS b;
SELECT id, ts - (SELECT iv FROM n27dtsub_t WHERE id = 3) AS a, ts - (SELECT iv FROM n27dtsub_t WHERE id = 99) AS b FROM n27dtsub_t ORDER BY id;
SELECT ts - (SELECT max(iv) FROM n27dtsub_e) AS a, (SELECT max(ts) FROM n27dtsub_e) - ts AS b FROM n27dtsub_t ORDER BY id;
SELECT (SELECT max(ts) FROM n27dtsub_e) - (SELECT min(ts) FROM n27dtsub_e) AS a, (SELECT max(d) FROM n27dtsub_e) - 1 AS b;
SELECT id FROM n27dtsub_t WHERE ts > (SELECT min(ts) FROM n27dtsub_t) + interval '1 day' ORDER BY id;
SELECT id FROM n27dtsub_t WHERE (SELECT max(ts) FROM n27dtsub_t) - ts < interval '1 day' ORDER BY id;
SELECT id, ts - iv * n AS a, ts + n * iv AS b, tz + iv * n AS c, iv * n + ts AS e, interval '1 day' * n + ts AS f FROM n27dtsub_t ORDER BY id;
SELECT id, d + iv * n AS a, ts - iv2 * i AS b, iv * n - iv2 AS c FROM n27dtsub_t ORDER BY id;
SELECT id, n * i + n AS a, n * i - i AS b FROM n27dtsub_t ORDER BY id;
SELECT ts - iv * n AS a FROM n27dtsub_e;
SELECT id, CASE WHEN n > 2 THEN iv ELSE '1 hour' END + ts AS a, coalesce(iv, '0') + ts AS b, ts - coalesce(iv, '1 day') AS c FROM n27dtsub_t ORDER BY id;
SELECT id, coalesce(iv, '2 hours') * 2 AS a, tz + coalesce(iv2, '1 min') AS b, coalesce(d, '2024-06-01') - d AS c FROM n27dtsub_t ORDER BY id;
SELECT id, coalesce(i, '5') + 1 AS a, coalesce(i, '5') + n AS b FROM n27dtsub_t ORDER BY id;
SELECT id, CASE WHEN n > 2 THEN i ELSE '4' END + 1 AS c FROM n27dtsub_t ORDER BY id;
SELECT max(ts + iv) - min(ts) AS a, max(d + 1) - min(d) AS b, min(ts - iv) - max(ts) AS c, max(tz + iv2) - min(tz) AS e FROM n27dtsub_t;
SELECT max(ts + iv) - min(ts) AS a, max(d + 1) - min(d) AS b FROM n27dtsub_e;
SELECT n, max(ts + iv) - min(ts) AS a FROM n27dtsub_t GROUP BY n ORDER BY n;
SELECT (SELECT max(i) FROM n27dtsub_t) + 1 AS a, (SELECT max(i) FROM n27dtsub_t) * 2 AS b, (SELECT min(n) FROM n27dtsub_e) + 1 AS c;
SELECT id, (SELECT max(i) FROM n27dtsub_t) + n AS a FROM n27dtsub_t ORDER BY id;
