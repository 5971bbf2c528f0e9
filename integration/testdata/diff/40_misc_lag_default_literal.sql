-- A quoted literal default of lag or lead over a column is read by the
-- column type's input function (lag(anycompatible, integer,
-- anycompatible) resolves the unknown literal to the value's type): '7'
-- beside an integer is the integer 7 (was the text '7'), 'x' is 22P02.
CREATE TABLE misc_lg (id int, i4 int4, i8 int8, n numeric, t text, d date);
INSERT INTO misc_lg VALUES (1, 10, 100, 1.5, 'a', '2024-01-01'), (2, 20, 200, 2.5, 'b', '2024-01-02');
SELECT id, lag(i4, 1, '7') OVER (ORDER BY id) AS a, lead(i8, 1, '-3') OVER (ORDER BY id) AS b FROM misc_lg ORDER BY id;
SELECT id, lag(n, 1, '0.50') OVER (ORDER BY id) AS a, lag(t, 1, 'x') OVER (ORDER BY id) AS b, lag(d, 1, '2020-1-5') OVER (ORDER BY id) AS c FROM misc_lg ORDER BY id;
SELECT id, lag(i4, 1, 0) OVER (ORDER BY id) AS a, lag(i4, 1, i8) OVER (ORDER BY id) AS b, lag(i4, 1, NULL) OVER (ORDER BY id) AS c FROM misc_lg ORDER BY id;
SELECT id, lag(i4, 1, 'x') OVER (ORDER BY id) FROM misc_lg;
SELECT id, lead(d, 1, 'garbage') OVER (ORDER BY id) FROM misc_lg;
DROP TABLE misc_lg;
