-- count of a LATERAL subquery's column whose type shows only at run time
-- (a table's column read through it): count reads only whether the value
-- is NULL and, with DISTINCT, which values are equal, as GROUP BY does
-- (1.5 and 1.50 are one numeric, '1 day' and '24 hours' one interval).
CREATE TABLE agg2_lc (k int PRIMARY KEY, g int, n numeric, iv interval, x text, y int, b boolean);
INSERT INTO agg2_lc VALUES (1, 1, 1.5, '1 day', 'a', 3, true), (2, 1, 1.50, '24 hours', 'b', 2, false), (3, 2, 2, NULL, 'a', 1, NULL), (4, 2, NULL, '1 hour', NULL, 4, true);
SELECT count(DISTINCT s.v), count(s.v), count(ALL s.v) FROM agg2_lc t, LATERAL (SELECT t.n AS v) s;
SELECT count(DISTINCT s.v), count(s.v) FROM agg2_lc t, LATERAL (SELECT t.iv AS v) s;
SELECT count(DISTINCT s.v) FROM agg2_lc t, LATERAL (SELECT t.y AS v) s;
SELECT count(DISTINCT s.v) FROM agg2_lc t, LATERAL (SELECT t.x AS v) s;
SELECT count(DISTINCT s.v) FROM agg2_lc t, LATERAL (SELECT t.b AS v) s;
SELECT g, count(DISTINCT s.v) FROM agg2_lc t, LATERAL (SELECT t.n AS v) s GROUP BY g ORDER BY g;
SELECT count(DISTINCT v) FROM agg2_lc t CROSS JOIN LATERAL (SELECT t.n AS v) s;
-- a table's column named like json_each's own (id, key, type ...) beside
-- a LATERAL subquery is the table's
SELECT count(DISTINCT s.v) FILTER (WHERE k > 1) FROM agg2_lc t, LATERAL (SELECT t.n AS v) s;
CREATE TABLE agg2_lk (id int PRIMARY KEY, key text, type text, n numeric);
INSERT INTO agg2_lk VALUES (1, 'a', 'x', 1.5), (2, 'b', 'y', 1.50), (3, 'c', 'z', 2);
SELECT id, key, type, v FROM agg2_lk t, LATERAL (SELECT t.n AS v) s ORDER BY id;
SELECT id FROM agg2_lk t, LATERAL (SELECT t.n AS v) s WHERE id > 2 AND key <> 'a';
SELECT count(DISTINCT s.v) FILTER (WHERE id > 1), max(type) FROM agg2_lk t, LATERAL (SELECT t.n AS v) s;
SELECT t.id, s.w FROM agg2_lk t, LATERAL (SELECT t.id AS w) s ORDER BY 1;
-- an output name is the select item's, not the table's column
SELECT -id AS k2, v FROM agg2_lk t, LATERAL (SELECT t.n AS v) s ORDER BY k2;
SELECT type AS t2, count(*) FROM agg2_lk t, LATERAL (SELECT t.n AS v) s GROUP BY t2 ORDER BY t2;
