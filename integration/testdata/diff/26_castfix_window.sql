-- castfix: a window call returning its argument (lag, lead, first_value,
-- last_value, nth_value) of a column is of the column's type inside
-- arithmetic too: f - lag(f) OVER (...) is double precision, n * first_value(n)
-- numeric at the operands' scales, i + lead(i) int4 arithmetic with
-- int4's overflow (issue 11).
CREATE TABLE n26castfix_w (id int, f float8, n numeric, i int, s int2, b int8);
INSERT INTO n26castfix_w VALUES (1, 1.5, 2.50, 2147483647, 32767, 9223372036854775807), (2, 2.25, 3.125, 1, 1, 1), (3, -4, 0.1, -5, -2, -3);
SELECT f - lag(f) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT n - lag(n) OVER (ORDER BY id), n * first_value(n) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT i + lead(i) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT i - lead(i) OVER (ORDER BY id) FROM n26castfix_w WHERE id > 1 ORDER BY id;
SELECT s + lag(s) OVER (ORDER BY id) FROM n26castfix_w WHERE id > 1 ORDER BY id;
SELECT s * lag(s, 1) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT b + lag(b) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT b - last_value(b) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM n26castfix_w ORDER BY id;
SELECT f * nth_value(f, 2) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM n26castfix_w ORDER BY id;
SELECT lag(f) OVER (ORDER BY id) - f, 2 * lead(n) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT n / lag(n) OVER (ORDER BY id) FROM n26castfix_w ORDER BY id;
SELECT i / lag(i) OVER (ORDER BY id) FROM n26castfix_w WHERE id > 1 ORDER BY id;
SELECT f - lag(f) OVER (ORDER BY id) FROM n26castfix_w WHERE false;
