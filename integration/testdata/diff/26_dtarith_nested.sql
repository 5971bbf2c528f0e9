-- dtarith_nested: date/time arithmetic whose operand is itself date/time
-- arithmetic or a date/time function over columns is typed from the
-- inside out (the inner result's type decides the outer operator), so
-- values and described types are PostgreSQL's, also in WHERE, ORDER BY
-- (an interval by value) and with NULLs.
CREATE TABLE n26dtarith_ev (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, tm time, iv interval, n int, f float8, ts2 timestamp, expires_in int);
INSERT INTO n26dtarith_ev VALUES
 (1, '2024-01-31', '2024-01-31 10:00', '2024-01-31 10:00+00', '10:30', '1 day 02:00', 3, 1.5, '2023-11-15 08:00', 3600),
 (2, '2024-03-01', '2024-03-10 01:30', '2024-03-10 06:30+00', '23:00', '-3 hours', 0, 0.25, '2024-03-01 00:00', 90),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (4, '2023-12-25', '2023-12-25 00:00:01.5', '2023-12-25 12:00+00', '00:00', '1 mon 40 days 30:00:00', 10, -2, '2022-01-01 00:00', 86400),
 (5, '2024-02-29', '2024-02-29 23:59:59', '2024-02-29 23:59:59+00', '12:00', '10:30:00', -1, 3, '2024-02-28 12:00', 0);
-- timestamp minus interval, minus interval again
SELECT id, (ts - iv) - iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts - iv - iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts - iv - iv - iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, n + n + n + n + n + n + n + n + n + n AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (ts - interval '1 day') - iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (ts - iv) - interval '1 day' AS a FROM n26dtarith_ev ORDER BY id;
-- the token's expiry as people write it
SELECT id, ts + (expires_in * interval '1 second') - interval '5 min' AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, tz + (expires_in * interval '1 second') - interval '5 min' AS a FROM n26dtarith_ev ORDER BY id;
SELECT id FROM n26dtarith_ev WHERE ts + (expires_in * interval '1 second') - interval '5 min' > ts2 + interval '100 days' ORDER BY id;
-- age and differences scaled
SELECT id, age(ts, ts2) * 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (ts - ts2) * 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (ts - ts2) / 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts - ts2 - iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, age(ts, ts2) + iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts2 + age(ts, ts2) AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, tz - (ts - iv) AS a FROM n26dtarith_ev ORDER BY id;
-- interval times numbers, nested
SELECT id, iv * -1 - iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, iv * 2 + iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, iv * f AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (iv * f) / 3 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts + iv * 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts - iv * n AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts - iv * n::int AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts - iv::interval * n AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, tm + (iv * 2) AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, tm - iv / 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, d + iv * 3 AS a FROM n26dtarith_ev ORDER BY id;
-- justify_* inside arithmetic
SELECT id, justify_interval(iv) * 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, justify_days(iv * 3) / 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts + justify_hours(iv) AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, justify_interval(ts - ts2) - iv AS a FROM n26dtarith_ev ORDER BY id;
-- dates
SELECT id, (d - 1) - d AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (d + n) + tm AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, d + (d - d) AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, (d - d) * 2 AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, d - 1 + iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, d + CASE WHEN n > 1 THEN iv ELSE interval '1 hour' END AS a FROM n26dtarith_ev ORDER BY id;
-- WHERE and ORDER BY (an interval by value, not its text)
SELECT id FROM n26dtarith_ev WHERE ts - iv * 2 < ts2 + interval '1 year' ORDER BY id;
SELECT id, (ts - ts2) * 2 AS a FROM n26dtarith_ev ORDER BY (ts - ts2) * 2, id;
SELECT id, iv * 2 - iv AS a FROM n26dtarith_ev ORDER BY 2, 1;
SELECT id, age(ts, ts2) * 2 AS a FROM n26dtarith_ev ORDER BY a DESC, id;
SELECT id FROM n26dtarith_ev WHERE (ts - ts2) - iv > interval '30 days' ORDER BY id;
SELECT id FROM n26dtarith_ev WHERE iv * 2 > interval '1 day' ORDER BY id;
-- an aggregate operand is typed by its column (26_aggdt_aggs)
SELECT max(ts) - min(ts) AS a FROM n26dtarith_ev;
SELECT id, CASE WHEN n > 1 THEN iv ELSE '1 hour' END + ts AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, ts + (SELECT e.iv FROM n26dtarith_ev e WHERE e.id = n26dtarith_ev.id) AS a FROM n26dtarith_ev ORDER BY id;
-- a column of each operand's table, qualified, and a derived table's
SELECT id, n26dtarith_ev.ts - n26dtarith_ev.iv - n26dtarith_ev.iv AS a FROM n26dtarith_ev ORDER BY id;
SELECT id, s.ts - s.iv * 2 AS a FROM (SELECT * FROM n26dtarith_ev) s ORDER BY id;
SELECT id, (ts - iv) - iv > ts2 AS a FROM n26dtarith_ev ORDER BY id;
-- in writes: the stored value and RETURNING
CREATE TABLE n26dtarith_w (id int PRIMARY KEY, ts timestamp, iv interval, due timestamp, left_iv interval);
INSERT INTO n26dtarith_w VALUES (1, '2024-01-31 10:00', '1 day 02:00', NULL, NULL), (2, '2024-03-10 01:30', '10:30:00', NULL, NULL);
UPDATE n26dtarith_w SET due = ts - iv - iv, left_iv = iv * 2 - iv RETURNING id, due, left_iv;
INSERT INTO n26dtarith_w SELECT id + 10, ts + iv * 2, iv * -1 - iv, (ts - iv) - iv, (ts - (ts - iv)) * 2 FROM n26dtarith_w RETURNING *;
SELECT * FROM n26dtarith_w ORDER BY left_iv, id;
