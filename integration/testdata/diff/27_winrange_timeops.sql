-- winrange_timeops: time is cast to interval implicitly where the
-- operator has no time form; num_nulls / num_nonnulls.
CREATE TABLE n27winrange_t (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, t time, iv interval);
INSERT INTO n27winrange_t VALUES (1, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '01:30', '1 day'), (2, '2024-03-01', '2024-02-29 23:00', '2024-02-29 23:00+00', '23:59:59.5', '-2 hours'), (3, NULL, NULL, NULL, NULL, NULL);
SELECT id, ts + t, t + ts, ts - t, tz + t, t + tz, tz - t FROM n27winrange_t ORDER BY id;
SELECT id, d + t, t + d, d - t, iv + t, t + iv, iv - t FROM n27winrange_t ORDER BY id;
SELECT id, t * 2, 2 * t, t / 2, t * 1.5 FROM n27winrange_t ORDER BY id;
SELECT timestamp '2024-01-01 10:00' + time '01:30', time '01:30' + timestamp '2024-01-01 10:00', timestamp '2024-01-01 10:00' - time '24:00';
SELECT date '2024-01-01' - time '01:30', interval '1 day' - time '01:30', time '01:30' * 3;
SELECT time '01:30' + time '02:00';
SELECT ts + time '01:30' AS x FROM n27winrange_t WHERE ts + time '01:30' > timestamp '2024-01-01 11:00' ORDER BY x;
SELECT num_nulls(1, NULL, 'a'), num_nonnulls(1, NULL, 'a'), num_nulls(NULL), num_nonnulls(NULL, NULL);
SELECT id, num_nulls(d, ts, t), num_nonnulls(d, ts, tz, t, iv) FROM n27winrange_t ORDER BY id;
SELECT id FROM n27winrange_t WHERE num_nonnulls(d, t) = 2 ORDER BY id;
SELECT num_nulls();
