-- dtsub_unknown: a quoted literal beside a date/time operand of + or -
-- is of the type PostgreSQL's operator resolution gives it: date +
-- unknown is 42725 (several operators: integer, interval, time), the
-- others an interval for + and the other operand's type for -.
CREATE TABLE n27dtsub_u (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, tm time, iv interval, iv2 interval);
INSERT INTO n27dtsub_u VALUES (1, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '10:00', '1 day 02:00', '3 hours'), (2, NULL, NULL, NULL, NULL, NULL, NULL), (3, '2024-02-28', '2024-03-01 12:30', '2024-03-01 12:30+00', '23:00', '1 mon', '40 days');
SELECT d + '1' FROM n27dtsub_u;
SELECT '1' + d FROM n27dtsub_u;
SELECT d + '1 day' FROM n27dtsub_u;
SELECT d + 'x' FROM n27dtsub_u;
SELECT date '2024-01-01' + 'x';
SELECT date '2024-01-01' + '1';
SELECT '1' + date '2024-01-01';
SELECT date '2024-01-01' - '1';
SELECT date '2024-01-01' - '2023-12-01' AS a;
SELECT '2024-01-01' + interval '1 day';
SELECT '1 day' + interval '1 day' AS a, interval '1 day' - '2 hours' AS b, timestamp '2024-01-01' + '1 day' AS c, '1 hour' + time '10:00' AS e;
SELECT time '10:00' - '1 hour';
SELECT id, ts + 'x' AS a FROM n27dtsub_u ORDER BY id;
SELECT id, ts + '1 day' AS a, '1 day' + ts AS b, tz + '1 hour' AS c, tm + '1 hour' AS e, iv + '1 day' AS f, '1 day' + iv AS g FROM n27dtsub_u ORDER BY id;
SELECT id, d - '2024-01-01' AS a, '2024-03-01' - d AS b, ts - '2024-01-01' AS c, '1 day' - iv AS e FROM n27dtsub_u ORDER BY id;
SELECT max(d) + '1' FROM n27dtsub_u;
SELECT id, greatest(iv, iv2) AS g, least(iv, iv2) AS l FROM n27dtsub_u ORDER BY id;
SELECT greatest(iv, iv2, interval '2 days') AS g, least(iv, iv2, interval '2 days') AS l FROM n27dtsub_u ORDER BY id;
SELECT max(greatest(iv, iv2)) AS a, min(least(iv, iv2)) AS b FROM n27dtsub_u;
SELECT id FROM n27dtsub_u ORDER BY greatest(iv, iv2), id;
CREATE TABLE n27dtsub_ue (id int PRIMARY KEY, d date);
-- differs: over a date column date + unknown is refused for the rows read: an empty table answers (PostgreSQL refuses it while planning), "Differences from PostgreSQL"
SELECT d + '1' FROM n27dtsub_ue;
SELECT date '2024-01-01' + '1' FROM n27dtsub_ue;
