-- derived_compare: comparisons of a FROM subquery's or CTE's column
-- with a literal or another column. The column's type is known at run
-- time only (a table's column read through the subquery): numbers
-- compare by value, text as text (a text column compared with 'pear'
-- once failed with 22P02, read as a number).
CREATE TABLE dc_t (id int PRIMARY KEY, s text, n numeric(10,2), i int, d date, b boolean, v varchar(10));
INSERT INTO dc_t VALUES (1, 'pear', 1.50, 10, '2024-01-31', true, 'x'), (2, 'apple', 2.25, 20, '2024-02-29', false, 'y'), (3, NULL, NULL, NULL, NULL, NULL, NULL), (4, '10', 10, 3, '2023-12-31', true, 'pear');
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE q.s = 'pear';
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE s = 'pear';
SELECT * FROM (SELECT s FROM dc_t) q WHERE q.s = 'pear';
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE q.s <> 'pear' ORDER BY id;
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE q.s > 'b' ORDER BY id;
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE q.s < 'b' ORDER BY id;
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE q.s = '10';
SELECT id FROM (SELECT id, v FROM dc_t) q WHERE q.v = 'pear';
WITH c AS (SELECT id, s FROM dc_t) SELECT id FROM c WHERE s = 'apple';
WITH c AS (SELECT * FROM dc_t) SELECT id FROM c WHERE s = 'apple' OR v = 'x' ORDER BY id;
SELECT id FROM (SELECT id, n FROM dc_t) q WHERE q.n = '1.5';
SELECT id FROM (SELECT id, n FROM dc_t) q WHERE q.n = 1.5;
SELECT id FROM (SELECT id, n FROM dc_t) q WHERE q.n > 2 ORDER BY id;
SELECT id FROM (SELECT id, n FROM dc_t) q WHERE q.n < '3' ORDER BY id;
SELECT id FROM (SELECT id, i FROM dc_t) q WHERE q.i = '10';
SELECT id FROM (SELECT id, i FROM dc_t) q WHERE q.i > 5 ORDER BY id;
SELECT id FROM (SELECT id, d FROM dc_t) q WHERE q.d = '2024-02-29';
SELECT id FROM (SELECT id, d FROM dc_t) q WHERE q.d > '2024-01-01' ORDER BY id;
SELECT id FROM (SELECT id, b FROM dc_t) q WHERE q.b = true ORDER BY id;
SELECT a.id, b.id FROM (SELECT id, s FROM dc_t) a JOIN (SELECT id, v FROM dc_t) b ON a.s = b.v;
SELECT a.id, b.id FROM (SELECT id, n FROM dc_t) a JOIN (SELECT id, i FROM dc_t) b ON a.n < b.i ORDER BY 1, 2;
SELECT id FROM (SELECT id, s FROM dc_t) q WHERE q.s IN ('pear', 'apple') ORDER BY id;
SELECT count(*) FROM (SELECT s FROM dc_t) q WHERE q.s IS NOT NULL AND q.s <> '10';
