-- a name given twice in one FROM clause is 42712 (aliases, tables,
-- functions, joins, UPDATE's target, DELETE's USING)
CREATE TABLE fetch_fn (id int PRIMARY KEY, g int);
INSERT INTO fetch_fn VALUES (1, 10), (2, 20);
SELECT * FROM fetch_fn a, fetch_fn a;
SELECT 1 FROM fetch_fn a JOIN fetch_fn A ON true;
SELECT 1 FROM fetch_fn, fetch_fn;
SELECT 1 FROM fetch_fn CROSS JOIN fetch_fn;
SELECT 1 FROM fetch_fn NATURAL JOIN fetch_fn;
SELECT 1 FROM fetch_fn, fetch_fn x, fetch_fn;
SELECT 1 FROM public.fetch_fn, fetch_fn;
SELECT 1 FROM (fetch_fn a JOIN fetch_fn b ON true) JOIN fetch_fn a ON true;
SELECT 1 FROM fetch_fn a JOIN fetch_fn b USING (id) JOIN fetch_fn b ON true;
SELECT 1 FROM fetch_fn a, (SELECT 1) a;
SELECT 1 FROM generate_series(1, 2), generate_series(1, 3);
WITH c AS (SELECT 1) SELECT * FROM c, c;
SELECT (SELECT count(*) FROM fetch_fn x, fetch_fn x) FROM fetch_fn;
UPDATE fetch_fn SET g = 1 FROM fetch_fn WHERE false;
UPDATE fetch_fn a SET g = 1 FROM fetch_fn a WHERE false;
DELETE FROM fetch_fn USING fetch_fn WHERE false;
