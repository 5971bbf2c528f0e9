-- BETWEEN and IN over a FROM subquery's or CTE's column, inside an
-- operand of a comparison decided at run time: the comparison copied its
-- operand before the test was rewritten, which then wrote into the
-- blanked tokens, a syntax error where PostgreSQL answers
-- (pgdialect/membership_settle.go; the differential fuzz tester, seed
-- 820185).
CREATE TABLE fz38_sm (id int, n numeric, t text, b bool);
INSERT INTO fz38_sm VALUES (1, 0.5, 'abc', true), (2, 10, 'Hello', false), (3, 1.50, 'b', NULL), (4, NULL, NULL, true), (5, -1, 'zz', true);
WITH d AS (SELECT * FROM fz38_sm) SELECT id, (q.t BETWEEN 'abc' AND 'Hello') = q.b AS c FROM d q ORDER BY id;
WITH d AS (SELECT * FROM fz38_sm) SELECT count(*) FROM d q WHERE (q.t NOT BETWEEN 'abc' AND 'Hello') IS DISTINCT FROM q.b GROUP BY q.b IS NULL ORDER BY 1;
SELECT id, (q.n IN (0.5, 1.5)) <> q.b AS c, (q.n BETWEEN 0 AND 2) < q.b AS e FROM (SELECT * FROM fz38_sm) q ORDER BY id;
SELECT id FROM (SELECT * FROM fz38_sm) q WHERE (q.n NOT IN (10, -1)) = q.b ORDER BY id;
DROP TABLE fz38_sm;
