-- aggdt_aggs: date/time operators over aggregates and window functions of
-- a date/time column (max(ts) - min(ts), max(d) + 1, ts - lag(ts) OVER
-- (...)) take the column's type, as PostgreSQL: per group, in HAVING and
-- ORDER BY, with NULLs and empty groups; sum/avg of an interval column is
-- an interval.
CREATE TABLE n26aggdt_ev (id int PRIMARY KEY, uid int, ts timestamp, tz timestamptz, d date, iv interval, tm time, n int, c boolean);
INSERT INTO n26aggdt_ev VALUES
 (1, 1, '2024-01-01 10:00', '2024-01-01 10:00+00', '2024-01-01', '1 day', '10:00', 2, true),
 (2, 1, '2024-01-02 12:30:00.25', '2024-01-02 12:30+00', '2024-01-05', '2 hours', '11:30', 3, false),
 (3, 2, '2024-02-01 00:00', '2024-02-01 00:00+00', '2024-02-01', '30 minutes', '12:00', 1, true),
 (4, 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (5, 3, NULL, NULL, NULL, NULL, NULL, 4, false),
 (6, 4, '2024-03-10 23:59:59', '2024-03-10 23:59:59+00', '2024-02-29', '1 mon -2 days', '23:59', -1, true),
 (7, 4, '2023-12-31 00:00', '2023-12-31 00:00+00', '2023-12-31', '-1 day 03:00', '00:00', 0, false);
-- durations between first and last event
SELECT max(ts) - min(ts) AS dur FROM n26aggdt_ev;
SELECT uid, max(ts) - min(ts) AS dur FROM n26aggdt_ev GROUP BY uid ORDER BY uid;
SELECT uid, max(tz) - min(tz) AS dur, max(d) - min(d) AS days, max(tm) - min(tm) AS span FROM n26aggdt_ev GROUP BY uid ORDER BY uid;
SELECT uid FROM n26aggdt_ev GROUP BY uid HAVING max(ts) - min(ts) > interval '1 hour' ORDER BY uid;
SELECT uid, max(ts) - min(ts) AS dur FROM n26aggdt_ev GROUP BY uid ORDER BY max(ts) - min(ts) DESC, uid;
SELECT uid, max(ts) - min(ts) AS dur FROM n26aggdt_ev GROUP BY uid ORDER BY dur, uid;
-- an aggregate beside a typed operand
SELECT max(ts) - interval '1 day' AS a, min(d) + 1 AS b, max(d) - 7 AS c, max(tz) + interval '2 hours' AS e FROM n26aggdt_ev;
SELECT uid, max(ts) + max(iv) AS a, min(d) + min(tm) AS b FROM n26aggdt_ev GROUP BY uid ORDER BY uid;
SELECT uid, max(ts) - min(ts) - interval '1 hour' AS a, (max(ts) - min(ts)) * 2 AS b FROM n26aggdt_ev GROUP BY uid ORDER BY uid;
SELECT count(*) FROM n26aggdt_ev WHERE ts > (SELECT min(ts) FROM n26aggdt_ev) ;
-- sum and avg of an interval column
SELECT sum(iv) AS s, avg(iv) AS a FROM n26aggdt_ev;
SELECT uid, sum(iv) * 2 AS a, avg(iv) + interval '1 hour' AS b, sum(iv) - avg(iv) AS c FROM n26aggdt_ev GROUP BY uid ORDER BY uid;
SELECT uid, max(ts) + sum(iv) AS a FROM n26aggdt_ev GROUP BY uid ORDER BY uid;
SELECT min(ts) + sum(DISTINCT iv) AS a FROM n26aggdt_ev;
-- FILTER
SELECT max(ts) FILTER (WHERE c) - min(ts) FILTER (WHERE c) AS a FROM n26aggdt_ev;
-- empty input: NULL
SELECT max(ts) - min(ts) AS a, max(d) - min(d) AS b, sum(iv) * 2 AS c FROM n26aggdt_ev WHERE false;
SELECT uid, max(ts) - min(ts) AS a FROM n26aggdt_ev WHERE false GROUP BY uid;
-- window functions
SELECT id, ts - lag(ts) OVER (ORDER BY id) AS gap FROM n26aggdt_ev ORDER BY id;
SELECT id, ts - lag(ts) OVER (PARTITION BY uid ORDER BY ts) AS gap FROM n26aggdt_ev ORDER BY id;
SELECT id, lead(ts) OVER (ORDER BY ts) - ts AS gap FROM n26aggdt_ev ORDER BY id;
SELECT id, d - lag(d, 1, DATE '2024-01-01') OVER (ORDER BY id) AS gap FROM n26aggdt_ev ORDER BY id;
SELECT id, max(ts) OVER () - ts AS a, ts - first_value(ts) OVER (PARTITION BY uid ORDER BY id) AS b FROM n26aggdt_ev ORDER BY id;
SELECT id, sum(iv) OVER (ORDER BY id) + interval '1 day' AS a FROM n26aggdt_ev ORDER BY id;
SELECT id, tz - lag(tz) OVER (ORDER BY id) AS a, tm - lag(tm) OVER (ORDER BY id) AS b FROM n26aggdt_ev ORDER BY id;
SELECT id FROM n26aggdt_ev ORDER BY ts - lag(ts) OVER (ORDER BY id), id;
-- a number column's aggregates keep numeric arithmetic
SELECT max(n) - min(n) AS a, sum(n) + 1 AS b, max(n) - lag(max(n)) OVER () AS c FROM n26aggdt_ev;
-- a real column's sum beside a number keeps float4 summation
CREATE TABLE n26aggdt_r (id int PRIMARY KEY, r real, iv interval);
INSERT INTO n26aggdt_r VALUES (1, 1.1, '1 hour'), (2, 2.2, '1 hour'), (3, 3.3, '30 min'), (4, 1.1, NULL);
SELECT sum(r) + 1 AS a, sum(DISTINCT r) + 1 AS b, max(r) - min(r) AS c FROM n26aggdt_r;
SELECT sum(r) OVER (ORDER BY id) + 1 AS a FROM n26aggdt_r ORDER BY id;
SELECT sum(DISTINCT iv) + interval '1 day' AS a, avg(DISTINCT iv) * 2 AS b FROM n26aggdt_r;
-- a date column (or its max) minus a quoted date: PostgreSQL's date - date
SELECT max(d) - '2024-01-01' AS a FROM n26aggdt_ev;
