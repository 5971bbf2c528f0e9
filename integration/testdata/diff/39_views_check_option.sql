-- INSERT and UPDATE through a view WITH [LOCAL | CASCADED] CHECK OPTION
-- were refused (0A000). A new row the view would not show is 44000 "new
-- row violates check option for view" with the stored row as DETAIL, as
-- PostgreSQL: LOCAL checks the view's own WHERE (and the views below that
-- have an option of their own), CASCADED every view below too, the
-- innermost first; NULL fails; an upsert's DO UPDATE is checked; DELETE
-- and writes to the base table are not (pgdialect/view_check.go,
-- sqlexec/view_check.go).
CREATE TABLE vco_b (id int primary key, a int, c text, ts timestamptz, n numeric(6,2));
CREATE VIEW vco_l AS SELECT id, a, c FROM vco_b WHERE a > 0 WITH LOCAL CHECK OPTION;
CREATE VIEW vco_plain AS SELECT id, a AS aa FROM vco_l WHERE a < 100;
CREATE VIEW vco_casc AS SELECT id, a FROM vco_l WHERE a < 100 WITH CASCADED CHECK OPTION;
INSERT INTO vco_l VALUES (1, 5, 'x');
INSERT INTO vco_l VALUES (2, -5, 'x');
INSERT INTO vco_l VALUES (3, NULL, 'n');
INSERT INTO vco_l (id, c) VALUES (4, 'default a');
INSERT INTO vco_l VALUES (5, 1, 'a'), (6, -1, 'b');
INSERT INTO vco_plain VALUES (7, 500);
INSERT INTO vco_plain VALUES (8, -1);
INSERT INTO vco_casc VALUES (9, 50);
INSERT INTO vco_casc VALUES (10, 150);
INSERT INTO vco_casc VALUES (11, -1);
UPDATE vco_l SET a = -a WHERE id = 1;
UPDATE vco_l SET a = a + 1 WHERE id = 1 RETURNING *;
UPDATE vco_casc SET a = 1000 WHERE id = 9;
UPDATE vco_l SET a = NULL WHERE id = 1;
INSERT INTO vco_l VALUES (12, 1, 'a') ON CONFLICT (id) DO UPDATE SET a = -1;
INSERT INTO vco_l VALUES (1, 1, 'a') ON CONFLICT (id) DO UPDATE SET a = -1;
INSERT INTO vco_l VALUES (1, 1, 'a') ON CONFLICT (id) DO UPDATE SET a = excluded.a + 10 RETURNING *;
INSERT INTO vco_l VALUES (13, -1, 'a') ON CONFLICT (id) DO NOTHING;
UPDATE vco_b SET a = -7 WHERE id = 12;
DELETE FROM vco_l WHERE id = 9;
SELECT id, a, c FROM vco_b ORDER BY id;
CREATE VIEW vco_x AS SELECT * FROM vco_b WHERE a > 0 AND n < 100 WITH CHECK OPTION;
INSERT INTO vco_x VALUES (20, 1, 'ok', '2024-01-02 03:04:05+00', 1.5);
INSERT INTO vco_x VALUES (21, 1, 'big', '2024-01-02 03:04:05+00', 100.5);
CREATE TABLE vco_o (k int, a int);
INSERT INTO vco_o VALUES (20, 7), (1, 3);
UPDATE vco_x SET a = vco_o.a FROM vco_o WHERE vco_o.k = vco_x.id;
UPDATE vco_x SET a = -vco_o.a FROM vco_o WHERE vco_o.k = vco_x.id;
CREATE VIEW vco_w1 AS SELECT id, a, c FROM vco_b WHERE a > 0;
CREATE VIEW vco_w2 AS SELECT * FROM vco_w1 WHERE c <> 'bad' WITH CASCADED CHECK OPTION;
CREATE VIEW vco_w3 AS SELECT id, a * 2 AS dbl, c AS cc, a FROM vco_w2 WHERE c IS DISTINCT FROM 'zz' WITH LOCAL CHECK OPTION;
INSERT INTO vco_w2 VALUES (30, -1, 'bad');
INSERT INTO vco_w2 VALUES (31, 1, 'bad');
INSERT INTO vco_w3 (id, a, cc) VALUES (32, -1, 'zz');
INSERT INTO vco_w3 (id, a, cc) VALUES (33, 1, 'zz');
INSERT INTO vco_w3 (id, a, cc) VALUES (34, 1, 'ok');
UPDATE vco_w3 SET cc = 'zz' WHERE id = 34;
UPDATE vco_w3 SET a = (SELECT -1) WHERE dbl = 2;
CREATE VIEW vco_y1 AS SELECT id, a * 2 AS dbl, a AS aa, c FROM vco_b;
CREATE VIEW vco_y2 AS SELECT id, aa, dbl FROM vco_y1 WHERE dbl > 0 AND aa < 50 WITH CHECK OPTION;
CREATE VIEW vco_y3 AS SELECT id AS ident, aa FROM vco_y2 WHERE aa <> 3 WITH LOCAL CHECK OPTION;
INSERT INTO vco_y2 (id, aa) VALUES (40, 5);
INSERT INTO vco_y2 (id, aa) VALUES (41, 60);
INSERT INTO vco_y3 VALUES (42, 3);
INSERT INTO vco_y3 VALUES (43, -3);
INSERT INTO vco_y3 VALUES (44, 4) RETURNING *;
CREATE VIEW vco_s AS SELECT id, a FROM vco_b WHERE a < (SELECT max(k) FROM vco_o WHERE vco_o.k <= vco_b.id) WITH CHECK OPTION;
INSERT INTO vco_s VALUES (50, 5);
INSERT INTO vco_s VALUES (51, 50);
BEGIN;
INSERT INTO vco_l VALUES (60, 1, 'tx');
SAVEPOINT s;
INSERT INTO vco_l VALUES (61, -1, 'tx');
ROLLBACK TO s;
INSERT INTO vco_l VALUES (62, 2, 'tx');
COMMIT;
SELECT id, a, c, n FROM vco_b ORDER BY id;
-- differs: a data-modifying statement in WITH through a view WITH CHECK OPTION is refused (0A000)
WITH d AS (INSERT INTO vco_l VALUES (63, 1, 'cte') RETURNING id) SELECT * FROM d;
