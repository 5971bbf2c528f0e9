-- Two operands of different date/time types that are both bare columns
-- (or a scalar subquery of one column item) compared under a session
-- TimeZone other than UTC: PostgreSQL promotes the lower type (a date is
-- its midnight, a timestamp its wall time, both in the session zone)
-- and compares the values. The statement shows neither column's type and
-- the stored texts were compared as they are (d = tz never held where tz
-- is local midnight; d < ts compared '2024-06-01' with '2024-06-01
-- 00:00:00'). Now the right operand is taken into the left column's
-- text domain when the declared types differ
-- (pgdialect/datetime_column_pair.go); a join's condition both ways.
SET TimeZone = 'America/New_York';
CREATE TABLE dtmix_p (id int, d date, ts timestamp, tz timestamptz);
INSERT INTO dtmix_p VALUES (1, '2024-06-01', '2024-06-01 00:00', '2024-06-01 00:00'), (2, '2024-06-01', '2024-06-01 00:00:01', '2024-06-01 04:00+00'), (3, '2024-06-02', '2024-06-01 23:00', '2024-06-01 23:30'), (4, '2024-11-03', '2024-11-03 01:30', '2024-11-03 05:30+00'), (5, NULL, '2024-01-01', '2024-01-01'), (6, '2024-11-03', '2024-11-03 01:30', '2024-11-03 06:30+00'), (7, '0044-03-15 BC', '0044-03-15 BC', '0044-03-15 04:56:02+00 BC');
CREATE TABLE dtmix_q (id int, tz timestamptz, d date);
INSERT INTO dtmix_q VALUES (1, '2024-06-01 00:00', '2024-06-01'), (2, '2024-06-02 00:00', '2024-06-03'), (3, '2024-11-03 01:30-05', '2024-11-03');
SELECT id, d = tz, d < tz, d > tz, d <= tz, d >= tz, d <> tz, tz = d, tz > d FROM dtmix_p ORDER BY id;
SELECT id, d = ts, d < ts, ts > d, ts = tz, ts < tz, tz <= ts, ts <> tz FROM dtmix_p ORDER BY id;
SELECT id FROM dtmix_p WHERE d = tz ORDER BY id;
SELECT id FROM dtmix_p WHERE ts = tz ORDER BY id;
SELECT id FROM dtmix_p WHERE NOT (d < ts) ORDER BY id;
SELECT id FROM dtmix_p WHERE d IS DISTINCT FROM tz ORDER BY id;
SELECT id FROM dtmix_p WHERE ts IS NOT DISTINCT FROM tz ORDER BY id;
SELECT p.id, q.id FROM dtmix_p p JOIN dtmix_q q ON p.d = q.tz ORDER BY 1, 2;
SELECT p.id, q.id FROM dtmix_p p JOIN dtmix_q q ON q.tz = p.d ORDER BY 1, 2;
SELECT p.id, q.id FROM dtmix_p p, dtmix_q q WHERE p.ts < q.tz ORDER BY 1, 2;
SELECT p.id, q.id FROM dtmix_p p JOIN dtmix_q q ON p.ts = q.tz ORDER BY 1, 2;
SELECT dtmix_p.id, dtmix_q.id FROM dtmix_p JOIN dtmix_q ON dtmix_p.d = dtmix_q.d ORDER BY 1, 2;
SELECT dtmix_p.id, dtmix_q.id FROM dtmix_p JOIN dtmix_q ON dtmix_p.id = dtmix_q.id ORDER BY 1, 2;
SELECT p.id, q.id FROM dtmix_p p JOIN dtmix_q q ON p.d = q.d AND p.tz >= q.tz ORDER BY 1, 2;
SELECT id FROM dtmix_p WHERE d = (SELECT max(tz) FROM dtmix_q WHERE id < 3) ORDER BY id;
SELECT id FROM dtmix_p WHERE tz = (SELECT min(d) FROM dtmix_q) ORDER BY id;
SELECT id FROM dtmix_p WHERE (SELECT tz FROM dtmix_q WHERE id = 2) > d ORDER BY id;
SELECT id FROM dtmix_p p WHERE ts = (SELECT tz FROM dtmix_q q WHERE q.id = 3) ORDER BY id;
SELECT id FROM dtmix_p WHERE EXISTS (SELECT 1 FROM dtmix_q WHERE dtmix_q.tz = dtmix_p.d) ORDER BY id;
SELECT p.id FROM dtmix_p p WHERE EXISTS (SELECT 1 FROM dtmix_q WHERE tz = ts) ORDER BY id;
SELECT id FROM dtmix_p WHERE d BETWEEN tz AND ts ORDER BY id;
SELECT id FROM dtmix_p WHERE tz BETWEEN d AND ts ORDER BY id;
SELECT id FROM dtmix_p WHERE ts NOT BETWEEN d AND tz ORDER BY id;
SELECT id FROM dtmix_p WHERE d IN (tz, ts) ORDER BY id;
SELECT id FROM dtmix_p WHERE ts NOT IN (tz) ORDER BY id;
SELECT id, CASE WHEN d = tz THEN 'y' ELSE 'n' END FROM dtmix_p ORDER BY id;
SELECT greatest(d, tz), least(d, tz) FROM dtmix_p ORDER BY id;
SELECT d FROM dtmix_p WHERE id < 3 UNION SELECT tz FROM dtmix_p WHERE id < 3 ORDER BY 1;
SELECT count(*) FILTER (WHERE d = tz), count(*) FILTER (WHERE ts = tz) FROM dtmix_p;
SET TimeZone = 'Europe/Berlin';
SELECT id, d = tz, d < tz, ts = tz, ts > tz FROM dtmix_p ORDER BY id;
SET TimeZone = 'America/New_York';
UPDATE dtmix_p SET id = id + 10 WHERE d = tz;
DELETE FROM dtmix_p WHERE ts = tz;
SELECT id FROM dtmix_p ORDER BY id;
DROP TABLE dtmix_p;
DROP TABLE dtmix_q;
