-- MERGE completed (issue 11): WITH before MERGE, joined data sources, INSERT OVERRIDING SYSTEM VALUE, rows acted on in the join's order.
-- PostgreSQL's join order is its plan's: without hash and merge joins its plan reads the source in order (a nested loop over it).
SET enable_hashjoin = off;
SET enable_mergejoin = off;
CREATE TABLE n29mrg_t (id int PRIMARY KEY, v text, n int);
CREATE TABLE n29mrg_a (k int, x text);
CREATE TABLE n29mrg_b (k int, y text, m int);
CREATE TABLE n29mrg_c (m int, z text);
INSERT INTO n29mrg_t VALUES (1, 't1', 0), (2, 't2', 0), (3, 't3', 0);
INSERT INTO n29mrg_a VALUES (1, 'a1'), (2, 'a2'), (4, 'a4'), (5, 'a5');
INSERT INTO n29mrg_b VALUES (1, 'b1', 10), (4, 'b4', 40), (9, 'b9', 90);
INSERT INTO n29mrg_c VALUES (10, 'c10'), (40, 'c40');
-- WITH before MERGE: the CTE as the source, and read by an action's subquery
BEGIN;
WITH s AS (SELECT 1 AS id, 'w1' AS v UNION ALL SELECT 6, 'w6') MERGE INTO n29mrg_t t USING s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v, (SELECT count(*) FROM s));
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 3), s AS (SELECT i, 'r' || i AS v FROM r)
MERGE INTO n29mrg_t t USING s ON t.id = s.i WHEN MATCHED AND s.i = 2 THEN DELETE WHEN MATCHED THEN UPDATE SET v = s.v || t.v;
SELECT * FROM n29mrg_t ORDER BY id;
DELETE FROM n29mrg_t;
INSERT INTO n29mrg_t VALUES (1, 't1', 0), (2, 't2', 0), (3, 't3', 0);
-- WITH before MERGE: an error in the CTE, a CTE the source does not name
WITH s AS (SELECT 1 AS id, nosuch FROM n29mrg_a) MERGE INTO n29mrg_t t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;
WITH s AS (SELECT 'w' AS v) MERGE INTO n29mrg_t t USING n29mrg_a a ON t.id = a.k WHEN MATCHED THEN UPDATE SET v = (SELECT v FROM s) || a.x;
SELECT * FROM n29mrg_t ORDER BY id;
-- a joined source: each relation's columns by its name, unqualified ones where unambiguous
BEGIN;
MERGE INTO n29mrg_t USING n29mrg_a JOIN n29mrg_b ON n29mrg_a.k = n29mrg_b.k ON n29mrg_t.id = n29mrg_a.k
WHEN MATCHED THEN UPDATE SET v = n29mrg_a.x || n29mrg_b.y, n = n29mrg_b.m WHEN NOT MATCHED THEN INSERT VALUES (n29mrg_a.k, x || y, m);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
-- LEFT JOIN: a null-extended relation reads as NULLs
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a LEFT JOIN n29mrg_b b ON a.k = b.k ON t.id = a.k
WHEN MATCHED AND b.y IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET v = coalesce(y, 'none')
WHEN NOT MATCHED THEN INSERT VALUES (a.k, coalesce(b.y, 'nob'), b.m);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
-- USING and NATURAL joins: the merged column unqualified
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a LEFT JOIN n29mrg_b b USING (k) ON t.id = k
WHEN MATCHED THEN UPDATE SET v = x || coalesce(y, '-') WHEN NOT MATCHED THEN INSERT VALUES (k, x, m);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a NATURAL JOIN n29mrg_b ON t.id = k WHEN MATCHED THEN UPDATE SET v = x || y WHEN NOT MATCHED THEN INSERT VALUES (k, x || y, m);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
-- three relations, and a parenthesised join
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN n29mrg_b b ON a.k = b.k JOIN n29mrg_c c ON c.m = b.m ON t.id = a.k
WHEN MATCHED THEN UPDATE SET v = z WHEN NOT MATCHED THEN INSERT (id, v) VALUES (a.k, z);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO n29mrg_t t USING (n29mrg_a a JOIN n29mrg_b b ON a.k = b.k) JOIN n29mrg_c c ON c.m = b.m ON t.id = a.k
WHEN NOT MATCHED THEN INSERT (id, v) VALUES (a.k, z || x);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
-- RIGHT, FULL and CROSS joins (by ON)
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a RIGHT JOIN n29mrg_b b ON a.k = b.k ON t.id = b.k
WHEN MATCHED THEN UPDATE SET v = coalesce(x, '?') || y WHEN NOT MATCHED THEN INSERT VALUES (b.k, coalesce(x, '?') || y, m);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a FULL JOIN n29mrg_b b ON a.k = b.k ON t.id = coalesce(a.k, b.k)
WHEN MATCHED THEN UPDATE SET v = coalesce(x, '?') || coalesce(y, '?')
WHEN NOT MATCHED THEN INSERT VALUES (coalesce(a.k, b.k), coalesce(x, '?') || coalesce(y, '?'), m);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a CROSS JOIN n29mrg_c c ON t.id = a.k AND c.m = 10 WHEN MATCHED THEN UPDATE SET v = x || z;
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
-- a joined source with the target's table aliased in it; a VALUES relation
BEGIN;
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN n29mrg_t o ON a.k = o.id ON t.id = a.k WHEN MATCHED THEN UPDATE SET v = o.v || '!' || a.x;
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN (VALUES (1, 'p'), (4, 'q')) AS v(k, w) USING (k) ON t.id = k
WHEN MATCHED THEN UPDATE SET v = w || x WHEN NOT MATCHED THEN INSERT (id, v) VALUES (k, w);
SELECT * FROM n29mrg_t ORDER BY id;
ROLLBACK;
-- a target row two joined rows act on
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN n29mrg_c c ON true ON t.id = a.k WHEN MATCHED THEN UPDATE SET v = z;
-- errors of joined sources
MERGE INTO n29mrg_t USING n29mrg_a JOIN n29mrg_b ON n29mrg_a.k = n29mrg_b.k ON n29mrg_t.id = k WHEN MATCHED THEN DO NOTHING;
MERGE INTO n29mrg_t USING n29mrg_a JOIN n29mrg_t ON n29mrg_a.k = n29mrg_t.id ON n29mrg_t.id = n29mrg_a.k WHEN MATCHED THEN DO NOTHING;
MERGE INTO n29mrg_t t USING n29mrg_a a, n29mrg_b b ON t.id = a.k WHEN MATCHED THEN DO NOTHING;
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN ON t.id = a.k WHEN MATCHED THEN DO NOTHING;
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN n29mrg_b b ON t.id = a.k WHEN MATCHED THEN DO NOTHING;
MERGE INTO n29mrg_t t USING n29mrg_a a JOIN n29mrg_b b ON a.k = b.k ON t.id = a.k WHEN NOT MATCHED AND t.n > 0 THEN DO NOTHING;
-- the assigned values' types from a joined relation's columns: 42804 as PostgreSQL
CREATE TABLE n29mrg_d (id int PRIMARY KEY, d date, f boolean);
INSERT INTO n29mrg_d VALUES (1, '2024-01-01', false);
MERGE INTO n29mrg_d t USING n29mrg_a a JOIN (VALUES (1, 'soon')) AS v(k, d) ON a.k = v.k ON t.id = a.k WHEN MATCHED THEN UPDATE SET d = v.d;
MERGE INTO n29mrg_d t USING n29mrg_a a JOIN (VALUES (1, 5)) AS v(k, d) ON a.k = v.k ON t.id = a.k WHEN MATCHED THEN UPDATE SET d = v.d;
MERGE INTO n29mrg_d t USING n29mrg_a a JOIN (SELECT 1 AS k, 'yes'::text AS f) AS v ON a.k = v.k ON t.id = a.k WHEN MATCHED THEN UPDATE SET f = v.f;
MERGE INTO n29mrg_d t USING n29mrg_a a JOIN (VALUES (1, '2024-05-05')) AS v(k, d) ON a.k = v.k ON t.id = a.k WHEN MATCHED THEN UPDATE SET d = v.d::date;
SELECT * FROM n29mrg_d ORDER BY id;
-- differs: raftsql refuses a RIGHT or FULL join by USING or NATURAL in a MERGE source (0A000)
MERGE INTO n29mrg_t t USING n29mrg_a a RIGHT JOIN n29mrg_b b USING (k) ON t.id = k WHEN MATCHED THEN DO NOTHING;
-- differs: raftsql refuses a source with two columns of one name (0A000; the join by ON keeps both k columns)
MERGE INTO n29mrg_t t USING (n29mrg_a a JOIN n29mrg_b b ON a.k = b.k) AS j ON t.id = 1 WHEN MATCHED THEN DO NOTHING;
SELECT * FROM n29mrg_t ORDER BY id;
-- INSERT OVERRIDING SYSTEM VALUE gives a GENERATED ALWAYS identity column its value; without it 428C9
CREATE TABLE n29mrg_g (id int GENERATED ALWAYS AS IDENTITY, v text);
MERGE INTO n29mrg_g g USING (VALUES (5, 'a')) AS s(id, v) ON g.id = s.id WHEN NOT MATCHED THEN INSERT OVERRIDING SYSTEM VALUE VALUES (s.id, s.v);
MERGE INTO n29mrg_g g USING (VALUES (6, 'b')) AS s(id, v) ON g.id = s.id WHEN NOT MATCHED THEN INSERT (id, v) OVERRIDING SYSTEM VALUE VALUES (s.id, s.v);
MERGE INTO n29mrg_g g USING (VALUES (7, 'c')) AS s(id, v) ON g.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v);
MERGE INTO n29mrg_g g USING (VALUES (8, 'd')) AS s(id, v) ON g.id = s.id WHEN NOT MATCHED THEN INSERT (v) OVERRIDING SYSTEM VALUE VALUES (s.v);
MERGE INTO n29mrg_g g USING (VALUES (8, 'd')) AS s(id, v) ON g.id = s.id WHEN NOT MATCHED THEN INSERT OVERRIDING SYSTEM VALUE DEFAULT VALUES;
SELECT * FROM n29mrg_g ORDER BY id;
-- OVERRIDING USER VALUE: the identity column takes its next value, the given one discarded
MERGE INTO n29mrg_g g USING (VALUES (9, 'e')) AS s(id, v) ON g.id = s.id WHEN NOT MATCHED THEN INSERT OVERRIDING USER VALUE VALUES (s.id, s.v);
SELECT * FROM n29mrg_g ORDER BY id;
-- the rows act in the join's order: serial values drawn by two INSERT clauses interleave as the source's rows do
CREATE TABLE n29mrg_ser (id serial, k int PRIMARY KEY, tag text);
INSERT INTO n29mrg_ser (k, tag) VALUES (1, 'old'), (2, 'old');
MERGE INTO n29mrg_ser s USING (VALUES (10, 'a'), (1, 'm'), (11, 'b'), (12, 'a'), (2, 'm'), (13, 'b')) AS v(k, t) ON s.k = v.k
WHEN MATCHED THEN UPDATE SET tag = 'upd' WHEN NOT MATCHED AND v.t = 'a' THEN INSERT (k, tag) VALUES (v.k, 'A')
WHEN NOT MATCHED THEN INSERT (k, tag) VALUES (v.k, 'B');
SELECT * FROM n29mrg_ser ORDER BY id;
-- INSERT DEFAULT VALUES rows among them
CREATE TABLE n29mrg_dv (id serial PRIMARY KEY, k int, tag text DEFAULT 'dflt');
MERGE INTO n29mrg_dv d USING (VALUES (100, 'x'), (101, 'y'), (102, 'x'), (103, 'y')) AS v(k, t) ON d.id = v.k
WHEN NOT MATCHED AND v.t = 'x' THEN INSERT (k, tag) VALUES (v.k, 'X') WHEN NOT MATCHED THEN INSERT DEFAULT VALUES;
SELECT * FROM n29mrg_dv ORDER BY id;
-- a key freed by a DELETE earlier in the join's order is free for a later INSERT
CREATE TABLE n29mrg_u (k int PRIMARY KEY);
INSERT INTO n29mrg_u VALUES (1);
MERGE INTO n29mrg_u u USING (VALUES (1), (5)) AS v(k) ON u.k = v.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (1);
SELECT * FROM n29mrg_u ORDER BY k;
-- the INSERT of the row that comes first takes the key before the DELETE frees it (23505)
MERGE INTO n29mrg_u u USING (VALUES (5), (1)) AS v(k) ON u.k = v.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (1);
SELECT * FROM n29mrg_u ORDER BY k;
