-- concat, concat_ws, format and text || print a boolean as t/f or
-- true/false and a float by its output digits (pgdialect/textoperands.go).
-- Compared with a FROM subquery's or CTE's column, whose type is read at
-- run time, the comparison copied its operands before they were wrapped:
-- concat(b, 'a') >= q.t compared '1a' where PostgreSQL compares 'ta'
-- (the differential fuzz tester, seed 820171).
CREATE TABLE fz38_st (id int, b bool, r real, t text);
INSERT INTO fz38_st VALUES (1, true, 1.1, 'Hello'), (2, false, 2.5, 'fa'), (3, NULL, NULL, 'ta'), (4, true, -0.5, NULL);
SELECT id, concat(q.b, 'a') >= q.t, concat(q.b, 'a') = q.t FROM (SELECT * FROM fz38_st) q ORDER BY id;
WITH d AS (SELECT * FROM fz38_st) SELECT id FROM d q WHERE (concat(q.b, 'a') >= q.t) IS FALSE ORDER BY id;
WITH d AS (SELECT * FROM fz38_st) SELECT id, (q.b || 'a') > q.t, (q.r || '') = q.t, concat_ws('-', q.b, q.r) < q.t FROM d q ORDER BY id;
SELECT id, format('%s%s', q.b, q.r) <> q.t, concat(q.r) > q.t FROM (SELECT * FROM fz38_st) q ORDER BY id;
SELECT id, concat(q.b, 'a') AS c FROM (SELECT * FROM fz38_st) q WHERE concat(q.b, 'a') <= q.t ORDER BY id;
DROP TABLE fz38_st;
