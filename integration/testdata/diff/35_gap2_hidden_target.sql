-- A target table given an alias is known by the alias only: its table
-- name as a qualifier is PostgreSQL's 42P01 "invalid reference to
-- FROM-clause entry for table" (with a hint naming the alias). In
-- RETURNING raftsql answered with the target's column; in WHERE and SET
-- it said 42703 (pgdialect/hidden_target.go).
CREATE TABLE gap2_ht (k int PRIMARY KEY, v int);
CREATE TABLE gap2_ht2 (k int, w int);
INSERT INTO gap2_ht VALUES (1, 1), (2, 2);
INSERT INTO gap2_ht2 VALUES (1, 10);
UPDATE gap2_ht r SET v = 2 RETURNING gap2_ht.k;
UPDATE gap2_ht r SET v = 2 WHERE gap2_ht.k = 1;
UPDATE gap2_ht AS r SET v = gap2_ht.v + 1;
UPDATE gap2_ht r SET v = 3 WHERE k = 1 RETURNING gap2_ht.*;
INSERT INTO gap2_ht AS a VALUES (3, 3) RETURNING gap2_ht.k;
INSERT INTO gap2_ht AS a VALUES (1, 9) ON CONFLICT (k) DO UPDATE SET v = gap2_ht.v + 1;
INSERT INTO gap2_ht AS a VALUES (1, 9) ON CONFLICT (k) DO UPDATE SET v = a.v + excluded.v RETURNING a.k, a.v;
DELETE FROM gap2_ht a WHERE k = 9 RETURNING (SELECT gap2_ht.k);
DELETE FROM gap2_ht a WHERE gap2_ht.k = 9;
UPDATE gap2_ht r SET v = gap2_ht2.w FROM gap2_ht2 WHERE gap2_ht2.k = r.k RETURNING r.k, r.v;
UPDATE gap2_ht r SET v = 6 WHERE r.k = 2 AND EXISTS (SELECT 1 FROM gap2_ht WHERE gap2_ht.k = 1) RETURNING r.*;
SELECT * FROM gap2_ht ORDER BY k;
DROP TABLE gap2_ht, gap2_ht2;
