-- winrange_frames: RANGE frames with an offset over date/time and number
-- ORDER BY keys (rows spaced so a wrong frame gives a different sum).
CREATE TABLE n27winrange_s (id int PRIMARY KEY, g int, qty int, d date, ts timestamp, tz timestamptz, n numeric, f float8);
INSERT INTO n27winrange_s VALUES (1, 1, 1, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', 1.50, 1.5), (2, 1, 2, '2024-01-02', '2024-01-02 09:00', '2024-01-02 09:00+00', 3.00, 3), (3, 1, 4, '2024-01-02', '2024-01-02 10:00', '2024-01-02 10:00+00', 3.25, 3.25), (4, 2, 8, '2024-01-04', '2024-01-03 10:00:00.000001', '2024-01-03 10:00:00.000001+00', 4.75, 4.75), (5, 2, 16, '2024-01-05', '2024-01-05 12:00', '2024-01-05 12:00+00', 10.00, 10), (6, 2, 32, NULL, NULL, NULL, NULL, NULL), (7, 1, 64, '2024-01-10', '2024-01-10 00:00', '2024-01-10 00:00+00', 12.5, 12.5);
SELECT id, sum(qty) OVER (ORDER BY ts RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY tz RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY d RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts RANGE BETWEEN CURRENT ROW AND interval '1 day 1 hour' FOLLOWING) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts RANGE BETWEEN interval '23 hours' PRECEDING AND interval '2 days' FOLLOWING) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts DESC RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY d DESC NULLS LAST RANGE BETWEEN '2 days' PRECEDING AND '1 day' FOLLOWING) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (PARTITION BY g ORDER BY ts RANGE BETWEEN interval '2 days' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER w, count(*) OVER w FROM n27winrange_s WINDOW w AS (ORDER BY tz RANGE BETWEEN interval '48 hours' PRECEDING AND CURRENT ROW) ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts RANGE interval '1 day' PRECEDING) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts RANGE BETWEEN '1 day'::interval PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY n RANGE BETWEEN 1.50 PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY n DESC RANGE BETWEEN 1.75 PRECEDING AND 0.25 FOLLOWING) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY qty RANGE BETWEEN 3 PRECEDING AND 4 FOLLOWING) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY f RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts RANGE BETWEEN interval '-1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY n RANGE BETWEEN -1 PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY ts, id RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY qty RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY n RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
-- differs: an offset with months or years is refused (0A000): PostgreSQL adds it by the calendar per row
SELECT id, sum(qty) OVER (ORDER BY ts RANGE BETWEEN interval '1 month' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
-- differs: a numeric value with more decimal places than the offset is refused (0A000): no exact fixed-scale key
SELECT id, sum(qty) OVER (ORDER BY n RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY n RANGE BETWEEN '1.50' PRECEDING AND CURRENT ROW) FROM n27winrange_s ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY qty RANGE BETWEEN '2' PRECEDING AND '2' FOLLOWING) FROM n27winrange_s ORDER BY id;
