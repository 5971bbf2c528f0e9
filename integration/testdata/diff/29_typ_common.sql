-- typ_common: COALESCE, CASE, GREATEST, LEAST and NULLIF over columns
-- whose types the catalog tells resolve their common type as PostgreSQL's
-- select_common_type (issue 11): types of different categories (text
-- beside integer, date beside integer, boolean beside integer, an array
-- beside its element) are 42804, an unknown literal is read by the
-- common type's input function at planning (22P02, 22007, whichever row
-- reaches it), and a set operation's count() is bigint and avg(integer)
-- numeric in its column's common type.
CREATE TABLE n29typ_t (id int PRIMARY KEY, i int, b bigint, t text, n numeric, f float8, d date, bo boolean, a int[]);
INSERT INTO n29typ_t VALUES (1, 1, 2, 'x', 1.5, 2.5, '2020-01-01', true, '{1,2}'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE VIEW n29typ_v AS SELECT id, n * 2 AS n2, t AS t0, i + 1 AS i1 FROM n29typ_t;
-- GREATEST and LEAST are rewritten to copies of their arguments: the
-- refusal carries no position there
SELECT greatest(t, 0) FROM n29typ_t;
SELECT least(d, 1) FROM n29typ_t;
-- NULLIF(a, b) is a = b: no operator across categories (42883), placed
-- at NULLIF, a token its rewrite does not keep
SELECT nullif(t, 0) FROM n29typ_t;
SELECT nullif(d, 0) FROM n29typ_t;
SELECT nullif(bo, 1) FROM n29typ_t;
-- positions
SELECT coalesce(t, 0) FROM n29typ_t;
SELECT coalesce(t, NULL, 0) FROM n29typ_t;
SELECT coalesce(d, 0) FROM n29typ_t;
SELECT coalesce(bo, 0) FROM n29typ_t;
SELECT coalesce(t, d) FROM n29typ_t;
SELECT coalesce(a, 1) FROM n29typ_t;
SELECT coalesce(t, 1.50) FROM n29typ_t;
SELECT CASE WHEN i = 1 THEN t ELSE 1 END FROM n29typ_t;
SELECT CASE WHEN id = 1 THEN bo WHEN id = 2 THEN i END FROM n29typ_t;
SELECT CASE id WHEN 1 THEN d ELSE i END FROM n29typ_t;
SELECT coalesce(t0, i1) FROM n29typ_v;
SELECT coalesce(i, 'a') FROM n29typ_t;
SELECT coalesce(bo, 'x') FROM n29typ_t;
SELECT coalesce(d, 'x') FROM n29typ_t WHERE false;
SELECT nullif(bo, 'x') FROM n29typ_t;
SELECT nullif(i, 'a') FROM n29typ_t;
SELECT CASE WHEN i = 1 THEN d ELSE 'x' END FROM n29typ_t;
SELECT CASE WHEN i = 1 THEN 'y' ELSE d END FROM n29typ_t;
SELECT CASE WHEN i = 1 THEN 'y' WHEN i = 2 THEN i END FROM n29typ_t;
SELECT count(*) FROM n29typ_t UNION SELECT sum(b) FROM n29typ_t ORDER BY 1;
SELECT count(*) FROM n29typ_t WHERE id = 1 UNION SELECT avg(i) FROM n29typ_t ORDER BY 1;
SELECT count(*) FROM n29typ_t UNION ALL SELECT avg(i) FROM n29typ_t ORDER BY 1;
SELECT count(*) FROM n29typ_t UNION SELECT sum(f) FROM n29typ_t ORDER BY 1;
SELECT count(*) FROM n29typ_t UNION SELECT max(n) FROM n29typ_t ORDER BY 1;
SELECT count(i) FROM n29typ_t UNION SELECT i + 0.5 FROM n29typ_t ORDER BY 1;
SELECT count(*) FROM n29typ_t INTERSECT SELECT avg(b) FROM n29typ_t;
SELECT i FROM n29typ_t UNION SELECT t FROM n29typ_t;
SELECT 1 UNION SELECT 2 UNION SELECT bo FROM n29typ_t;
SELECT i, t FROM n29typ_t UNION SELECT i, i FROM n29typ_t;
SELECT d FROM n29typ_t INTERSECT SELECT 1;
SELECT coalesce('a'::text, 1);
SELECT CASE WHEN true THEN 'a'::text ELSE 1 END;
SELECT 'a'::text UNION SELECT 1;
SELECT 1 UNION SELECT 2 UNION SELECT 'a'::text;
VALUES (1), ('a'::text);
SELECT 1, 'a'::text UNION SELECT 2, 3;
