-- A function's call of a conditional tested with = ANY, IN or BETWEEN:
-- the call is the test's operand. length(CASE ... END) = ANY(ia) was
-- rewritten as length of the CASE's own membership test (the length of
-- '1' or '0'), true where PostgreSQL's is false
-- (pgdialect/membership_conditional.go; the differential fuzz tester,
-- seed 830075).
CREATE TABLE fz38_cc (id int, b bool, t text, vc varchar(10), i2 int2, i4 int4, n numeric, ia int4[]);
INSERT INTO fz38_cc VALUES (1, false, '', '', 0, 0, 0, '{1,2,3}'), (2, true, 'Hello', 'hello', -1, -7, -2.5, '{}'), (3, false, 'a%b_c', 'A', -3, 2, 0.5, '{-1,0,1}'), (4, true, 'abc', 'abc', 3, 3, -0.5, '{3,3}'), (5, false, 'ABC', 'ABC', 3, 10, 100, '{10}'), (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, length(CASE WHEN b THEN t ELSE vc END) = ANY(ia) AS c FROM fz38_cc ORDER BY id;
SELECT id, abs(coalesce(i2, 0)) IN (1, 3) AS c, length(coalesce(t, 'x')) BETWEEN 2 AND 5 AS e FROM fz38_cc ORDER BY id;
SELECT id, (CASE WHEN b THEN i4 ELSE n END) = ANY(ARRAY[0.5, 3]) AS c FROM fz38_cc ORDER BY id;
WITH d AS (SELECT * FROM fz38_cc) SELECT id FROM d q WHERE length(CASE WHEN q.b THEN q.t ELSE q.vc END) = ANY(q.ia) ORDER BY id;
DROP TABLE fz38_cc;
