-- Result types of expressions whose operands' types are read at run time
-- (issue 11): clients scan by the described type, so each column must be
-- described as PostgreSQL 15 resolves its operator or function from the
-- operands' types (a numeric described as text breaks pgx and GORM).
CREATE TABLE et_o (id int PRIMARY KEY, total numeric(12,2), n int, f float8, d date, ts timestamp, tz timestamptz, iv interval, scores int[], tags text[], j jsonb, s text);
INSERT INTO et_o VALUES
 (1, 100.00, 3, 1.5, '2024-01-20', '2024-01-16 10:00:00', '2024-01-16 10:00:00+00', '2 days 03:00:00', '{10,20}', '{a,b}', '{"a":1,"b":2}', 'x'),
 (2, -0.50, -4, -2.25, '2024-06-01', '2024-06-01 03:00:00', '2024-06-01 03:00:00+00', '-3 mons 4 days', '{5}', '{}', '{"b":[1]}', 'y'),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE et_p (id int PRIMARY KEY, amt numeric(10,2), k int);
INSERT INTO et_p VALUES (1, 2.50, 7), (3, 1.25, 8);
-- numeric functions of a column: numeric of a numeric, float8 of a float8
SELECT id, ceil(total), floor(total), ceiling(total), ceil(f), floor(f) FROM et_o ORDER BY id;
-- || of an array column and an element, either side; jsonb || jsonb
SELECT id, scores || 4, 0 || scores, tags || 'z'::text, 'y'::text || tags FROM et_o ORDER BY id;
-- jsonb - text[] and jsonb - text
SELECT id, j - '{a}'::text[], j - ARRAY['a','b'], j - 'a', '{"a":1,"b":2}'::jsonb - '{a}'::text[] FROM et_o ORDER BY id;
-- arithmetic over a call or a branch of columns: the operand's resolved type
SELECT et_o.id, coalesce(total, 0) + amt, coalesce(n, 0) * 2, coalesce(f, 0) + 1, nullif(n, 3) + k FROM et_o LEFT JOIN et_p ON et_p.id = et_o.id ORDER BY et_o.id;
SELECT id, date_bin('1 day', ts, timestamp '2000-01-01') + interval '1 hour', date_trunc('day', tz) - interval '1 day', date_trunc('month', d) + interval '1 day' FROM et_o ORDER BY id;
SELECT id, ceil(total) + 1, abs(n) + n, round(total, 1) * 2 FROM et_o ORDER BY id;
-- unary minus of an interval column under another operator
SELECT id, -iv + iv, -iv - iv, iv + -iv, -total + total, -n + n FROM et_o ORDER BY id;
-- date arithmetic over columns of two tables, unqualified and qualified
SELECT et_o.id, d + k, d - k, k + d, et_o.d + et_p.k FROM et_o JOIN et_p ON et_p.id = et_o.id ORDER BY et_o.id;
CREATE TABLE et_t2 (id int, d date);
INSERT INTO et_t2 SELECT et_o.id, et_o.d + et_p.k FROM et_o, et_p WHERE et_p.id = et_o.id;
INSERT INTO et_t2 SELECT et_o.id + 10, d + k FROM et_o, et_p WHERE et_p.id = et_o.id;
INSERT INTO et_t2 (id, d) SELECT et_o.id + 20, d - k FROM et_o JOIN et_p ON et_p.id = et_o.id RETURNING id, d;
SELECT * FROM et_t2 ORDER BY id;
DROP TABLE et_t2;
DROP TABLE et_p;
DROP TABLE et_o;
