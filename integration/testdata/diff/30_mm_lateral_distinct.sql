-- SELECT DISTINCT of a LATERAL subquery's column whose type is known at
-- run time only (a table's column, max of one): the value comes back
-- through JSON without its type's collation, so DISTINCT compared numeric
-- texts (1.5 and 1.50 two rows) and was refused (0A000). The column's
-- declared type is read once the statement compiles and the item gets its
-- collation: equal values are one row, the first read kept, as
-- PostgreSQL's hashed DISTINCT keeps it.
CREATE TABLE mm_lo (id int PRIMARY KEY, name text);
CREATE TABLE mm_lp (id int PRIMARY KEY, o int, amount numeric, iv interval, j jsonb, m money, f float8, ia int[]);
INSERT INTO mm_lo VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd');
INSERT INTO mm_lp VALUES (1, 1, 1.5, '1 day', '{"a": 1, "b": 2}', 1.5, 1.5, '{1}'), (2, 1, 1.50, '24 hours', '{"b": 2, "a": 1}', 1.50, 2, '{1}'),
  (3, 2, 1.500, '1 day', '{"a":1,"b":2}', 2, 1.5, '{2}'), (4, 2, 2.0, '2 days', '[1, 2]', 2.00, 3, '{2}'), (5, 3, 2, '48:00:00', '[1,2]', 3, 3, '{3}'), (6, 4, 10.5, '1 hour', '{}', 10.5, 10.5, '{4}'), (7, 4, 9.50, '1 hour', '{}', 9.50, 9.5, '{4}');
SELECT DISTINCT s.amount FROM mm_lo o, LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s ORDER BY 1;
SELECT DISTINCT s.amount AS a FROM mm_lo o CROSS JOIN LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id ORDER BY p.id) s ORDER BY a;
SELECT DISTINCT o.name, s.amount FROM mm_lo o, LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s ORDER BY 1, 2;
SELECT DISTINCT s.m FROM mm_lo o, LATERAL (SELECT max(p.amount) AS m FROM mm_lp p WHERE p.o = o.id) s ORDER BY 1;
SELECT DISTINCT s.amount FROM mm_lo o LEFT JOIN LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s ON true ORDER BY 1;
-- the other types that compare through a collation
SELECT DISTINCT s.iv FROM mm_lo o, LATERAL (SELECT p.iv FROM mm_lp p WHERE p.o = o.id) s ORDER BY 1;
SELECT DISTINCT s.j FROM mm_lo o, LATERAL (SELECT p.j FROM mm_lp p WHERE p.o = o.id) s ORDER BY 1;
SELECT DISTINCT s.m FROM mm_lo o, LATERAL (SELECT p.m FROM mm_lp p WHERE p.o = o.id) s ORDER BY 1;
-- an outer query or CTE reader sorting or grouping the item by name: it
-- was sorted as text (9.50 after 10.5) or refused
SELECT d.amount FROM (SELECT s.amount FROM mm_lo o, LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s) d ORDER BY d.amount, d.amount::text;
WITH c AS (SELECT s.amount FROM mm_lo o, LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s) SELECT amount FROM c ORDER BY amount, amount::text;
WITH c AS (SELECT s.amount FROM mm_lo o, LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s) SELECT amount, count(*) FROM c GROUP BY amount ORDER BY amount;
-- a derived table's DISTINCT, sorted outside it
SELECT d.amount FROM (SELECT DISTINCT s.amount FROM mm_lo o, LATERAL (SELECT p.amount FROM mm_lp p WHERE p.o = o.id) s) d ORDER BY d.amount;
DROP TABLE mm_lp;
DROP TABLE mm_lo;
