-- Data-modifying statements in WITH (issue 11): archiving rows, moving a
-- queue, reporting an update's rows. Each data-modifying CTE runs once and
-- to completion, read by the main statement only through RETURNING; the
-- statement is atomic; its command tag is the main statement's. Where
-- running the parts in order would not give PostgreSQL's one-snapshot
-- answer (a part reads or modifies a table an earlier part modified)
-- raftsql refuses with 0A000.
CREATE TABLE dc_src (id int PRIMARY KEY, v int, b boolean, n numeric(10,2), t text);
CREATE TABLE dc_dst (id int PRIMARY KEY, v int, b boolean, n numeric(10,2), t text);
CREATE TABLE dc_log (id serial PRIMARY KEY, op text, k int);
INSERT INTO dc_src VALUES (1, 10, true, 1.5, 'a'), (2, 20, false, 2.25, 'b'), (3, 30, NULL, 10, 'c'), (4, 40, true, 0.5, NULL), (5, 50, false, 100, 'e');
WITH moved AS (DELETE FROM dc_src WHERE id = 1 RETURNING *) INSERT INTO dc_dst SELECT * FROM moved;
SELECT * FROM dc_dst ORDER BY id;
WITH moved AS (DELETE FROM dc_src WHERE id IN (2, 3) RETURNING *) INSERT INTO dc_dst SELECT * FROM moved RETURNING id, b, n;
SELECT id FROM dc_src ORDER BY id;
WITH u AS (UPDATE dc_src SET v = v + 1 RETURNING id) SELECT count(*) FROM u;
WITH u AS (UPDATE dc_src SET v = v + 1 RETURNING *) SELECT id, v, b, n, t FROM u ORDER BY n DESC;
WITH u AS (UPDATE dc_src SET v = v + 1 WHERE id = 4 RETURNING id, v * 2 AS dbl, n + 1 AS n1, NOT b AS nb, t || 'x' AS tx) SELECT * FROM u;
WITH u AS (UPDATE dc_src SET t = 'x' WHERE id = 5 RETURNING id) SELECT 1 AS one;
SELECT id, t FROM dc_src ORDER BY id;
WITH d AS (DELETE FROM dc_dst WHERE id = 3) SELECT 'done' AS r;
SELECT count(*) FROM dc_dst;
WITH d AS (DELETE FROM dc_dst WHERE id = 2 RETURNING *), i AS (INSERT INTO dc_src SELECT * FROM d RETURNING id, v), l AS (INSERT INTO dc_log (op, k) SELECT 'moved', id FROM i RETURNING op, k) SELECT * FROM l;
SELECT id, v FROM dc_src ORDER BY id;
SELECT id, op, k FROM dc_log ORDER BY id;
WITH k AS (SELECT 4 AS id), d AS (DELETE FROM dc_src WHERE id IN (SELECT id FROM k) RETURNING id, t), s AS (SELECT id, coalesce(t, 'none') AS t FROM d) SELECT * FROM s;
WITH d(a, b) AS (UPDATE dc_src SET v = 0 WHERE id = 2 RETURNING id, v, t) SELECT * FROM d;
WITH d(a, b, c, e) AS (UPDATE dc_src SET v = 0 WHERE id = 2 RETURNING id, v, t) SELECT * FROM d;
WITH d AS (UPDATE dc_src SET v = 1 WHERE id = 2 RETURNING id AS x, v AS x) SELECT * FROM d;
WITH l AS (INSERT INTO dc_log (op, k) VALUES ('bump', 2) RETURNING k) UPDATE dc_src SET v = v + 100 WHERE id IN (SELECT k FROM l) RETURNING id, v;
WITH l AS (INSERT INTO dc_log (op, k) VALUES ('drop', 1) RETURNING k) DELETE FROM dc_dst WHERE id IN (SELECT k FROM l) RETURNING id, t;
WITH l AS (INSERT INTO dc_log (op, k) VALUES ('v', 0) RETURNING k) VALUES (1, 'x');
WITH l AS (INSERT INTO dc_log (op, k) VALUES ('a', 1), ('b', 2) RETURNING id, op) SELECT op FROM l ORDER BY op;
WITH RECURSIVE d AS (DELETE FROM dc_log WHERE op IN ('a', 'b') RETURNING k) SELECT count(*), sum(k) FROM d;
WITH d AS (DELETE FROM dc_src WHERE id = 0 RETURNING *) SELECT count(*) FROM d;
WITH d AS (DELETE FROM dc_src WHERE id = 0 RETURNING *) INSERT INTO dc_dst SELECT * FROM d;
INSERT INTO dc_dst VALUES (2, 0, NULL, NULL, 'keep');
WITH d AS (DELETE FROM dc_src WHERE id = 2 RETURNING *) INSERT INTO dc_dst SELECT * FROM d;
SELECT id FROM dc_src ORDER BY id;
WITH d AS (DELETE FROM dc_src WHERE id = 2 RETURNING *), l AS (INSERT INTO dc_log (op, k) VALUES ('x', 1 / 0) RETURNING k) SELECT * FROM d;
SELECT id FROM dc_src ORDER BY id;
WITH d AS (UPDATE dc_src SET b = 'maybe' RETURNING *) SELECT 1;
WITH d AS (INSERT INTO dc_src VALUES (2) RETURNING *) SELECT 1;
WITH d AS (INSERT INTO dc_src (id, v) VALUES (7, 70) RETURNING *) SELECT id, v, b, n, t FROM d;
WITH d AS (UPDATE dc_src SET v = 1) SELECT * FROM d;
SELECT * FROM (WITH d AS (DELETE FROM dc_src RETURNING *) SELECT * FROM d) s;
SELECT (WITH d AS (DELETE FROM dc_src RETURNING *) SELECT count(*) FROM d);
INSERT INTO dc_dst WITH d AS (DELETE FROM dc_src RETURNING *) SELECT * FROM d;
WITH c AS (SELECT 1 AS x), d AS (MERGE INTO dc_dst USING dc_src ON dc_dst.id = dc_src.id WHEN MATCHED THEN DELETE) SELECT 1;
SELECT id FROM dc_src ORDER BY id;
SELECT id, v FROM dc_src ORDER BY id;
BEGIN READ ONLY;
WITH d AS (DELETE FROM dc_src RETURNING *) SELECT * FROM d;
ROLLBACK;
BEGIN;
WITH d AS (DELETE FROM dc_src WHERE id = 2 RETURNING *) SELECT id, v FROM d;
SELECT count(*) FROM dc_src;
WITH d AS (DELETE FROM dc_src WHERE id = 5 RETURNING *) INSERT INTO dc_dst SELECT * FROM d RETURNING id;
ROLLBACK;
SELECT id FROM dc_src ORDER BY id;
BEGIN;
WITH d AS (DELETE FROM dc_src WHERE id = 5 RETURNING *) INSERT INTO dc_dst SELECT * FROM d RETURNING id;
COMMIT;
SELECT id FROM dc_src ORDER BY id;
SELECT id, t FROM dc_dst ORDER BY id;
CREATE TABLE dc_p (id int PRIMARY KEY, name text);
CREATE TABLE dc_c (id int PRIMARY KEY, pid int REFERENCES dc_p ON DELETE CASCADE);
WITH p AS (INSERT INTO dc_p VALUES (1, 'one') RETURNING id) INSERT INTO dc_c SELECT 10, id FROM p;
WITH p AS (INSERT INTO dc_p VALUES (2, 'two'), (3, 'three') RETURNING id, name) INSERT INTO dc_c SELECT id * 10, id FROM p RETURNING id, pid;
WITH d AS (DELETE FROM dc_p WHERE id = 1 RETURNING id) SELECT * FROM d;
SELECT id, pid FROM dc_c ORDER BY id;
WITH d AS (DELETE FROM dc_c WHERE pid = 2 RETURNING pid) DELETE FROM dc_p WHERE id IN (SELECT pid FROM d) RETURNING name;
SELECT id FROM dc_p ORDER BY id;
-- Refused overlaps, last: PostgreSQL's answers change the rows the cases above read.
-- differs: the main query reads a table a data-modifying CTE modifies: refused (0A000); PostgreSQL's main query sees the rows before the statement
WITH u AS (UPDATE dc_src SET v = v + 1 RETURNING id) SELECT id, v FROM dc_src ORDER BY id;
-- differs: the main statement modifies a row a data-modifying CTE modifies: refused (0A000); PostgreSQL keeps one of the two changes
WITH a AS (UPDATE dc_src SET v = 1 WHERE id = 2 RETURNING *) UPDATE dc_src SET v = 2 WHERE id = 2 RETURNING id, v;
-- differs: two data-modifying CTEs modify one table: refused (0A000)
WITH a AS (INSERT INTO dc_log (op, k) VALUES ('p', 1) RETURNING id), b AS (INSERT INTO dc_log (op, k) VALUES ('q', 2) RETURNING id) SELECT count(*) FROM a, b;
-- differs: the foreign key check of the first part would need the parent the main statement inserts: refused (0A000); PostgreSQL checks at the end of the statement
WITH c AS (INSERT INTO dc_c VALUES (40, 4) RETURNING pid) INSERT INTO dc_p SELECT pid, 'four' FROM c;
-- differs: the main query reads a table the CTE's ON DELETE CASCADE modifies: refused (0A000)
WITH d AS (DELETE FROM dc_p WHERE id = 1 RETURNING id) SELECT count(*) FROM dc_c;
-- differs: the refused statements above changed nothing
SELECT id, v FROM dc_src ORDER BY id;
-- differs: the refused statements above changed nothing
SELECT id, pid FROM dc_c ORDER BY id;
-- positions
WITH u AS (UPDATE dc_src SET v = 1) SELECT * FROM u;
WITH u AS (UPDATE dc_src SET v = 1), w AS (SELECT 1 FROM dc_dst, u) SELECT 1;
SELECT * FROM (WITH d AS (DELETE FROM dc_src RETURNING *) SELECT * FROM d) s;
WITH c AS (SELECT 1), d AS (MERGE INTO dc_dst USING dc_src ON true WHEN MATCHED THEN DELETE) SELECT 1;
WITH d(a, b, c, e) AS (UPDATE dc_src SET v = 0 WHERE id = 2 RETURNING id, v, t) SELECT * FROM d;
