-- dtlit_sub: a quoted literal beside a date/time column in a
-- subtraction is of the column's type (PostgreSQL resolves the unknown
-- operand to the operator of one type): date - '2024-01-01' is date -
-- date, an integer; it was read from the literal's text and printed as a
-- date (1970-01-01)
CREATE TABLE n26dtlit (id int PRIMARY KEY, d date, ts timestamp, tz timestamptz, tm time, iv interval);
INSERT INTO n26dtlit VALUES (1, '2024-03-01', '2024-03-01 10:00', '2024-03-01 10:00+00', '10:00', '1 day'), (2, NULL, NULL, NULL, NULL, NULL), (3, '2023-12-25', '2023-12-25 23:30', '2023-12-25 23:30+00', '23:30', '-2 hours');
SELECT id, d - '2024-01-01' AS a, '2024-03-05' - d AS b FROM n26dtlit ORDER BY id;
SELECT id, ts - '2024-01-01' AS a, tz - '2024-01-01 00:00+00' AS b, tm - '01:00' AS c, iv - '1 hour' AS e FROM n26dtlit ORDER BY id;
SELECT id, d - '2024-01-01' + 1 AS a FROM n26dtlit ORDER BY id;
SELECT id FROM n26dtlit WHERE d - '2024-01-01' > 10 ORDER BY d - '2024-01-01';
SELECT max(d) - '2024-01-01' AS a, '2024-12-31' - min(d) AS b FROM n26dtlit;
SELECT d - '1' FROM n26dtlit;
SELECT ts - '1 day' FROM n26dtlit;
SELECT tz - '1 day' FROM n26dtlit;
SELECT id, d - 1 AS a, ts + '1 day' AS b FROM n26dtlit ORDER BY id;
SELECT id, ts + '1' AS a, tz + '1 hour' AS b, tm + '1' AS c, iv + '1' AS e, '1 day' + ts AS f FROM n26dtlit ORDER BY id;
