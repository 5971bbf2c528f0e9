-- fuzz3_interval_operand: an interval column (or a product or quotient
-- of one) beside an interval operand is an interval, read from the
-- column's declared type: its value 12:00:00 was taken for a time of day,
-- so + interval '1 mon' dropped the month and - 108 hours wrapped around
-- midnight (found by the differential fuzz tester, seeds 900404 and
-- 1301493).
CREATE TABLE n26fuzz3_iv (id int PRIMARY KEY, iv interval, n numeric);
INSERT INTO n26fuzz3_iv VALUES (1, '12:00:00', 2), (2, '00:00:00', 0.5), (3, '36:00:00', 1), (4, '1 mon -1 day', 3), (5, NULL, NULL);
SELECT id, iv + INTERVAL '1 mon' FROM n26fuzz3_iv ORDER BY id;
SELECT id, (iv) - INTERVAL '108 hours', INTERVAL '1 day' + iv FROM n26fuzz3_iv ORDER BY id;
SELECT id, (iv * 0.5) + INTERVAL '1 mon', iv / 2 - INTERVAL '1 mon' FROM n26fuzz3_iv ORDER BY id;
SELECT id, n * iv + INTERVAL '1 day', (iv * n) * 2 - INTERVAL '1 year' FROM n26fuzz3_iv ORDER BY id;
SELECT id, iv + INTERVAL '1 mon' AS x FROM n26fuzz3_iv ORDER BY x DESC NULLS LAST;
