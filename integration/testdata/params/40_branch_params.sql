-- A parameter that is a branch of coalesce, CASE, greatest, least or
-- nullif is of unknown type, as a quoted literal: the result takes the
-- other branches' type (coalesce(id, $1) was described as text, so pgx
-- could not scan it into an int; coalesce(max(n), $1) as float8), and a
-- comparison of such a conditional over a numeric column with a parameter
-- compares numeric values (coalesce(n, $1) > $2 compared the texts:
-- '10.00' < '2.5').
CREATE TABLE pb_t (id int PRIMARY KEY, name text, n numeric(8,2), ts timestamptz);
INSERT INTO pb_t VALUES (1, 'ab', 2.5, '2024-01-01 00:00:00+00'), (2, 'Ab', 10, '2024-01-03 00:00:00+00'), (3, NULL, NULL, NULL);
-- args: 0
SELECT id, coalesce(id, $1) FROM pb_t ORDER BY id;
-- args: 7.25
SELECT id, coalesce(n, $1) FROM pb_t ORDER BY id;
-- args: 7.25
SELECT id, coalesce($1, n) FROM pb_t ORDER BY id;
-- args: none
SELECT id, coalesce(name, $1) FROM pb_t ORDER BY id;
-- args: 1.5
SELECT coalesce(max(n), $1) FROM pb_t;
-- args: 1 | 0.5
SELECT id, CASE WHEN id > $1 THEN n ELSE $2 END FROM pb_t ORDER BY id;
-- args: 5
SELECT id, greatest(n, $1), least(n, $1) FROM pb_t ORDER BY id;
-- args: 2.5
SELECT id, nullif(n, $1) FROM pb_t ORDER BY id;
-- args: 0 | 2.5
SELECT id FROM pb_t WHERE coalesce(n, $1) > $2 ORDER BY id;
-- args: 1 | 5
SELECT id FROM pb_t WHERE greatest(n, $1) > $2 ORDER BY id;
-- args: 20 | 9.99
SELECT id FROM pb_t WHERE least(n, $1) <= $2 ORDER BY id;
-- args: 2024-01-02 00:00:00+00 | 2024-01-02 00:00:00+00
SELECT id FROM pb_t WHERE coalesce(ts, $1) >= $2 ORDER BY id;
-- args: 3 | 100
SELECT id FROM pb_t WHERE CASE WHEN id < $1 THEN n ELSE 50 END < $2 ORDER BY id;
