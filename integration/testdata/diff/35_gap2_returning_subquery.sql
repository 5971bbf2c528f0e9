-- A subquery in RETURNING that reads the returned row (s.k = u.k, s.k =
-- t.k) had the target's qualifier dropped with the top-level ones, so its
-- k was the subquery's own column: count(*) counted every row of s and a
-- scalar subquery returned several rows. It now reads the returned row,
-- as PostgreSQL's does; a subquery that declares the alias itself reads
-- its own FROM item.
CREATE TABLE gap2_ru (k int PRIMARY KEY, name text, cnt int);
CREATE TABLE gap2_rs (k int, tag text);
INSERT INTO gap2_ru VALUES (1, 'a', 1), (2, 'b', 2);
INSERT INTO gap2_rs VALUES (2, 'q'), (1, 'p'), (2, 'qq');
UPDATE gap2_ru u SET cnt = cnt + 1 RETURNING u.k, (SELECT min(tag) FROM gap2_rs s WHERE s.k = u.k);
UPDATE gap2_ru SET cnt = cnt + 1 WHERE k = 1 RETURNING k, (SELECT tag FROM gap2_rs s WHERE s.k = gap2_ru.k);
UPDATE gap2_ru AS u SET cnt = 0 WHERE k = 2 RETURNING (SELECT count(*) FROM gap2_rs s WHERE s.k = u.k) AS n, cnt;
UPDATE gap2_ru u SET cnt = cnt + 10 RETURNING k, (SELECT string_agg(tag, ',' ORDER BY tag) FROM gap2_rs s WHERE s.k = u.k AND u.cnt > 5);
UPDATE gap2_ru u SET name = 'z' WHERE k = 1 RETURNING (SELECT u.tag FROM gap2_rs u ORDER BY u.tag LIMIT 1), u.name;
UPDATE gap2_ru u SET cnt = 3 WHERE k = 1 RETURNING EXISTS (SELECT 1 FROM gap2_rs s WHERE s.k = u.k + 1) AS has_next;
UPDATE gap2_ru u SET cnt = 4 WHERE k = 2 RETURNING (SELECT max(x.tag) FROM (SELECT tag FROM gap2_rs s WHERE s.k = u.k) x);
INSERT INTO gap2_ru AS u VALUES (3, 'c', 3) RETURNING (SELECT count(*) FROM gap2_rs s WHERE s.k = u.k);
INSERT INTO gap2_ru VALUES (4, 'd', 4) RETURNING k, (SELECT count(*) FROM gap2_rs s WHERE s.k = gap2_ru.k - 2);
DELETE FROM gap2_ru u WHERE k = 1 RETURNING (SELECT tag FROM gap2_rs s WHERE s.k = u.k);
DELETE FROM gap2_ru WHERE k = 2 RETURNING name, (SELECT count(*) FROM gap2_rs s WHERE s.k = gap2_ru.k);
SELECT * FROM gap2_ru ORDER BY k;
DROP TABLE gap2_ru, gap2_rs;
