-- lag and lead with a default are lag(anycompatible, integer,
-- anycompatible): a default of another type category than the value has
-- no common type, 42883 (lag(t, 1, 5) of a text t answered 5).
CREATE TABLE misc_lc (id int, i4 int4, i8 int8, n numeric, f8 float8, t text, v varchar(4), b bool, d date, tz timestamptz);
INSERT INTO misc_lc VALUES (1, 10, 100, 1.5, 2.5, 'a', 'x', true, '2024-01-01', '2024-01-01 10:00+00'), (2, 20, 200, 2.5, 3.5, 'b', 'y', false, '2024-01-02', '2024-01-02 10:00+00');
SELECT id, lag(i4, 1, i8) OVER w AS a, lag(n, 1, i4) OVER w AS b, lead(f8, 1, n) OVER w AS c, lag(t, 1, v) OVER w AS d, lag(d, 1, tz) OVER w AS e, lag(b, 1, false) OVER w AS f FROM misc_lc WINDOW w AS (ORDER BY id) ORDER BY id;
SELECT id, lag(i4, 1, 0.5) OVER (ORDER BY id) AS a, lead(t, 1, 'z') OVER (ORDER BY id) AS b, lag(i4, 1, NULL) OVER (ORDER BY id) AS c FROM misc_lc ORDER BY id;
SELECT lag(t, 1, 5) OVER (ORDER BY id) FROM misc_lc;
SELECT lag(i4, 1, true) OVER (ORDER BY id) FROM misc_lc;
SELECT lead(i4, 1, t) OVER (ORDER BY id) FROM misc_lc;
SELECT lag(d, 1, 5) OVER (ORDER BY id) FROM misc_lc;
SELECT lag(b, 1, i4) OVER (ORDER BY id) FROM misc_lc;
SELECT lag(1, 1, true) OVER (ORDER BY id) FROM misc_lc;
DROP TABLE misc_lc;
