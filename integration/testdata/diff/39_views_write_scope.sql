-- What a bare column name means in a write through a view, as
-- PostgreSQL: a name both the view and an item of UPDATE ... FROM or
-- DELETE ... USING have is 42702 (it read the view's column); a name only
-- the FROM item has is that item's even where the base table has a column
-- so called (SQLite found two); a name inside a subquery is the
-- subquery's own FROM item's where it has one, else the view's (a
-- renamed column was not rewritten there: 42703, or the base column of
-- that name); a subquery that reads the base table keeps its own
-- columns; RETURNING * lists the FROM items' columns after the view's
-- (pgdialect/view_write_scope.go).
CREATE TABLE vws_t (id int primary key, a int, k int);
CREATE TABLE vws_o (k int, x int, a int);
INSERT INTO vws_t VALUES (1, 10, 1), (2, 20, 2);
INSERT INTO vws_o VALUES (1, 100, 5), (2, 200, 6);
CREATE VIEW vws_v AS SELECT id, a AS renamed, k FROM vws_t;
UPDATE vws_v SET renamed = x FROM vws_o WHERE vws_o.k = vws_v.k;
UPDATE vws_v SET renamed = x FROM vws_o WHERE k = 1;
UPDATE vws_v SET renamed = a FROM vws_o WHERE vws_o.k = vws_v.k;
UPDATE vws_v SET renamed = renamed + 1 FROM vws_o WHERE vws_o.k = vws_v.k AND x > 100 RETURNING id, renamed;
UPDATE vws_v SET renamed = (SELECT max(x) FROM vws_o WHERE vws_o.k = vws_v.renamed);
UPDATE vws_v SET renamed = (SELECT max(x) FROM vws_o WHERE vws_o.k = renamed);
UPDATE vws_v SET renamed = (SELECT max(x) FROM vws_o WHERE vws_o.a = renamed);
UPDATE vws_v SET renamed = (SELECT max(x) FROM vws_o WHERE vws_o.k = id);
UPDATE vws_v SET renamed = (SELECT max(t.x) FROM vws_o t WHERE t.k = k);
UPDATE vws_v SET renamed = (SELECT max(t.x) FROM vws_o t, vws_o s WHERE s.k = k);
UPDATE vws_v SET renamed = (SELECT max(t.x) FROM vws_o t JOIN vws_t u ON u.k = t.k WHERE t.k = renamed);
SELECT * FROM vws_t ORDER BY id;
DELETE FROM vws_v WHERE id IN (SELECT k FROM vws_o WHERE x = renamed);
DELETE FROM vws_v WHERE EXISTS (SELECT 1 FROM vws_o WHERE vws_o.k = k);
INSERT INTO vws_v (id, renamed) SELECT 5, max(x) FROM vws_o WHERE k = 1;
UPDATE vws_v v SET renamed = 3 WHERE v.id = (SELECT min(id) FROM vws_v WHERE renamed > 0) RETURNING *;
DELETE FROM vws_v USING vws_o WHERE vws_o.k = vws_v.k AND renamed > 1000 RETURNING *;
DELETE FROM vws_v USING vws_o WHERE k = 1;
SELECT * FROM vws_t ORDER BY id;
DELETE FROM vws_t;
INSERT INTO vws_t VALUES (1, 10, 1), (2, 20, 2);
UPDATE vws_v SET renamed = renamed FROM vws_o WHERE vws_o.k = vws_v.k RETURNING vws_v.*, vws_o.*;
UPDATE vws_v SET renamed = renamed FROM vws_o AS z WHERE z.k = vws_v.k RETURNING *, z.x;
UPDATE vws_v SET renamed = renamed FROM vws_o AS z WHERE z.k = vws_v.k RETURNING *;
DELETE FROM vws_v USING vws_o WHERE vws_o.k = vws_v.k AND x > 1000 RETURNING *;
UPDATE vws_v SET renamed = (SELECT count(*) FROM vws_o WHERE EXISTS (SELECT 1 FROM vws_t WHERE a = renamed + 10)) RETURNING *;
UPDATE vws_v SET renamed = (SELECT max(vws_t.id) FROM vws_t WHERE vws_t.k = vws_v.k + 1) RETURNING *;
INSERT INTO vws_v VALUES (3, 1, 1) ON CONFLICT (id) DO UPDATE SET renamed = (SELECT max(a) FROM vws_t WHERE vws_t.k = 2) RETURNING *;
UPDATE vws_v SET renamed = 7 WHERE id = (SELECT max(id) FROM vws_t) RETURNING *;
-- differs: a bare name inside a subquery whose FROM holds a derived table is left as written (42703 here)
UPDATE vws_v SET renamed = (SELECT max(x) FROM (SELECT * FROM vws_o) t WHERE t.k = renamed);
