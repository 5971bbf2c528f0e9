-- INSERT, UPDATE and DELETE through an automatically updatable view
-- (PostgreSQL's rewriteTargetView) were refused (0A000: SQLite writes
-- through no view). They are rewritten onto the view's base relation
-- (pgdialect/view_write.go): renamed columns, the view's WHERE limiting
-- UPDATE and DELETE (rows may leave the view: no CHECK OPTION), RETURNING
-- of the view's columns, views over views; a view that is not
-- automatically updatable is 55000 with PostgreSQL's DETAIL and HINT, a
-- column that is no base column 0A000.
CREATE TABLE ddl_vt (id serial primary key, a int, b text, c int default 7);
CREATE VIEW ddl_vv AS SELECT id, a AS x, b FROM ddl_vt WHERE a > 0;
INSERT INTO ddl_vv (x, b) VALUES (5, 'p'), (-1, 'n') RETURNING *;
INSERT INTO ddl_vv VALUES (DEFAULT, 3, 'q') RETURNING id, x;
UPDATE ddl_vv SET x = x + 1 WHERE b = 'p' RETURNING *;
UPDATE ddl_vv SET x = -5 WHERE b = 'q' RETURNING *;
SELECT * FROM ddl_vt ORDER BY id;
SELECT * FROM ddl_vv ORDER BY id;
DELETE FROM ddl_vv WHERE x > 0 RETURNING *;
SELECT * FROM ddl_vt ORDER BY id;
UPDATE ddl_vv SET b = 'all';
DELETE FROM ddl_vv;
SELECT * FROM ddl_vt ORDER BY id;
CREATE VIEW ddl_vv2 AS SELECT * FROM ddl_vv WHERE x < 100;
INSERT INTO ddl_vv2 (x, b) VALUES (9, 'nest'), (200, 'big') RETURNING *;
UPDATE ddl_vv2 SET b = b || '!' RETURNING *;
DELETE FROM ddl_vv2 WHERE b LIKE 'n%' RETURNING id, x;
SELECT * FROM ddl_vt ORDER BY id;
CREATE VIEW ddl_va AS SELECT count(*) FROM ddl_vt;
INSERT INTO ddl_va VALUES (1);
UPDATE ddl_va SET count = 1;
DELETE FROM ddl_va;
CREATE VIEW ddl_vd AS SELECT DISTINCT a FROM ddl_vt;
INSERT INTO ddl_vd VALUES (1);
CREATE VIEW ddl_vg AS SELECT a FROM ddl_vt GROUP BY a;
DELETE FROM ddl_vg;
CREATE VIEW ddl_vu AS SELECT a FROM ddl_vt UNION SELECT 1;
UPDATE ddl_vu SET a = 1;
CREATE VIEW ddl_vw AS SELECT id, row_number() OVER (ORDER BY id) AS rn FROM ddl_vt;
DELETE FROM ddl_vw;
CREATE VIEW ddl_vs AS SELECT id, generate_series(1, 2) AS g FROM ddl_vt;
DELETE FROM ddl_vs;
CREATE VIEW ddl_vl AS SELECT * FROM ddl_vt LIMIT 2;
DELETE FROM ddl_vl;
CREATE VIEW ddl_vj AS SELECT ddl_vt.id FROM ddl_vt, ddl_vt v2;
DELETE FROM ddl_vj;
CREATE VIEW ddl_vk AS SELECT 1 AS one;
INSERT INTO ddl_vk VALUES (1);
CREATE VIEW ddl_vc AS WITH w AS (SELECT * FROM ddl_vt) SELECT * FROM w;
INSERT INTO ddl_vc (a) VALUES (1);
CREATE VIEW ddl_ve AS SELECT id, a + 1 AS ap, b FROM ddl_vt;
INSERT INTO ddl_ve (id, b) VALUES (100, 'e') RETURNING *;
INSERT INTO ddl_ve (ap) VALUES (1);
INSERT INTO ddl_ve VALUES (101, 2, 'f');
UPDATE ddl_ve SET ap = 3;
UPDATE ddl_ve SET b = 'z' WHERE id = 100 RETURNING *;
DELETE FROM ddl_ve WHERE ap IS NULL RETURNING *;
CREATE VIEW ddl_vx AS SELECT a + 1 AS ap FROM ddl_vt;
INSERT INTO ddl_vx VALUES (1);
UPDATE ddl_vx SET ap = 1;
DELETE FROM ddl_vx WHERE ap = 1000;
DROP VIEW ddl_vv2, ddl_vv, ddl_va, ddl_vd, ddl_vg, ddl_vu, ddl_vw, ddl_vs, ddl_vl, ddl_vj, ddl_vk, ddl_vc, ddl_ve, ddl_vx;
DROP TABLE ddl_vt;
