-- MERGE data sources: an aliased parenthesised join (one relation of the join's columns), VALUES with column aliases, a function call, a subquery with ORDER BY and LIMIT.
SET enable_hashjoin = off;
SET enable_mergejoin = off;
CREATE TABLE mrg2_st (id int PRIMARY KEY, v text, n int NOT NULL DEFAULT 0);
CREATE TABLE mrg2_sa (k int, x text);
CREATE TABLE mrg2_sb (k int, y text);
INSERT INTO mrg2_st VALUES (1, 't1', 0), (2, 't2', 0), (3, 't3', 0);
INSERT INTO mrg2_sa VALUES (1, 'a1'), (2, 'a2'), (4, 'a4'), (5, 'a5');
INSERT INTO mrg2_sb VALUES (1, 'b1'), (4, 'b4'), (9, 'b9');
-- an aliased parenthesised join: its columns under the alias, the merged USING column once
BEGIN;
MERGE INTO mrg2_st t USING (mrg2_sa JOIN mrg2_sb USING (k)) s ON t.id = s.k
WHEN MATCHED THEN UPDATE SET v = s.x || s.y WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.y);
SELECT * FROM mrg2_st ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO mrg2_st t USING (mrg2_sa a LEFT JOIN mrg2_sb b USING (k)) AS s ON t.id = s.k
WHEN MATCHED AND s.y IS NULL THEN DELETE WHEN MATCHED THEN UPDATE SET v = s.y WHEN NOT MATCHED THEN INSERT VALUES (k, x || coalesce(y, '-'));
SELECT * FROM mrg2_st ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO mrg2_st t USING (mrg2_sa a NATURAL JOIN mrg2_sb b) AS s(key, ax, by_) ON t.id = s.key
WHEN MATCHED THEN UPDATE SET v = ax || by_ WHEN NOT MATCHED THEN INSERT (id, v) VALUES (key, by_);
SELECT * FROM mrg2_st ORDER BY id;
ROLLBACK;
BEGIN;
MERGE INTO mrg2_st t USING ((mrg2_sa a JOIN mrg2_sb b USING (k)) AS j JOIN mrg2_sa c ON c.k = j.k + 1) ON t.id = j.k
WHEN MATCHED THEN UPDATE SET v = j.y || c.x WHEN NOT MATCHED THEN INSERT (id, v) VALUES (j.k + 10, c.x);
SELECT * FROM mrg2_st ORDER BY id;
ROLLBACK;
-- the join's relations are not visible under their own names
-- differs: raftsql answers 42703 column a.x does not exist (PostgreSQL 42P01 invalid reference to FROM-clause entry for table "a")
MERGE INTO mrg2_st t USING (mrg2_sa a JOIN mrg2_sb b USING (k)) s ON t.id = s.k WHEN MATCHED THEN UPDATE SET v = a.x;
-- VALUES with column aliases, a function call, a subquery with ORDER BY and LIMIT
BEGIN;
MERGE INTO mrg2_st t USING (VALUES (1, 'v1'), (7, 'v7')) AS s(k, w) ON t.id = s.k WHEN MATCHED THEN UPDATE SET v = s.w WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.w);
MERGE INTO mrg2_st t USING generate_series(1, 9, 2) AS g(i) ON t.id = g.i WHEN MATCHED THEN UPDATE SET n = g.i * 10 WHEN NOT MATCHED THEN INSERT (id, v) VALUES (g.i, 'g' || g.i);
MERGE INTO mrg2_st t USING generate_series(20, 22) ON t.id = generate_series WHEN NOT MATCHED THEN INSERT (id) VALUES (generate_series);
MERGE INTO mrg2_st t USING (SELECT k, x FROM mrg2_sa ORDER BY k DESC LIMIT 2) s ON t.id = s.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (s.k, s.x);
SELECT * FROM mrg2_st ORDER BY id;
ROLLBACK;
-- the source's order decides which row's INSERT takes a key first: a subquery's ORDER BY
CREATE TABLE mrg2_sk (k int PRIMARY KEY, tag text);
INSERT INTO mrg2_sk VALUES (1, 'old');
MERGE INTO mrg2_sk u USING (SELECT k FROM (VALUES (1), (5)) v(k) ORDER BY k DESC LIMIT 5) s ON u.k = s.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (1, 'new');
MERGE INTO mrg2_sk u USING (SELECT k FROM (VALUES (1), (5)) v(k) ORDER BY k LIMIT 5) s ON u.k = s.k WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (1, 'new');
SELECT * FROM mrg2_sk ORDER BY k;
-- differs: raftsql refuses a RIGHT or FULL join by USING or NATURAL in a MERGE source (0A000)
MERGE INTO mrg2_st t USING mrg2_sa a FULL JOIN mrg2_sb b USING (k) ON t.id = k WHEN MATCHED THEN UPDATE SET v = coalesce(x, '-') || coalesce(y, '-') WHEN NOT MATCHED THEN INSERT VALUES (k, x);
