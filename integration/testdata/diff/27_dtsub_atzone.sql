-- dtsub_atzone: AT TIME ZONE over a column or date/time arithmetic over
-- columns is described as PostgreSQL's type (timestamptz -> timestamp,
-- timestamp -> timestamptz; it was text), and a date is promoted to
-- timestamptz (its midnight in the session's zone), so its result is a
-- timestamp (it was taken for a timestamp: a timestamptz 5 hours off).
CREATE TABLE n27dtsub_z (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, iv interval);
INSERT INTO n27dtsub_z VALUES (1, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '1 day 02:00'), (2, NULL, NULL, NULL, NULL), (3, '2024-07-01', '2024-03-31 01:30', '2024-03-31 01:30+00', '-3 hours');
CREATE TABLE n27dtsub_ze (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, iv interval);
SELECT id, tz AT TIME ZONE 'UTC' AS a, ts AT TIME ZONE 'UTC' AS b, (tz + iv) AT TIME ZONE 'UTC' AS c, (ts - iv) AT TIME ZONE 'Europe/Paris' AS e FROM n27dtsub_z ORDER BY id;
SELECT id, d AT TIME ZONE 'America/New_York' AS a, date '2024-01-01' AT TIME ZONE 'America/New_York' AS b, (d + 1) AT TIME ZONE 'UTC' AS c FROM n27dtsub_z ORDER BY id;
SELECT max(tz) AT TIME ZONE 'UTC' AS a, min(ts) AT TIME ZONE 'UTC' AS b, max(tz + iv) AT TIME ZONE 'Asia/Tokyo' AS c FROM n27dtsub_z;
SELECT tz AT TIME ZONE 'UTC' AS a, (ts + iv) AT TIME ZONE 'UTC' AS b, d AT TIME ZONE 'UTC' AS c FROM n27dtsub_ze;
SET TIME ZONE 'Asia/Tokyo';
SELECT id, d AT TIME ZONE 'UTC' AS a, date '2024-07-01' AT TIME ZONE 'America/New_York' AS b, tz AT TIME ZONE 'UTC' AS c, ts AT TIME ZONE 'UTC' AS e FROM n27dtsub_z ORDER BY id;
RESET TimeZone;
