-- ALTER TABLE ... DROP COLUMN [CASCADE] with PostgreSQL's dependencies:
-- keys, indexes (expression, partial, multi-column), CHECKs and the
-- table's own foreign keys naming the column go with it; foreign keys
-- referencing it, views reading it and generated columns computed from it
-- refuse the drop (2BP01) or, with CASCADE, go with it. Rows stay.
CREATE TABLE dc_p (id int PRIMARY KEY, c int UNIQUE, d text);
CREATE TABLE dc_ch (x int REFERENCES dc_p(c), y int REFERENCES dc_p);
INSERT INTO dc_p VALUES (1, 10, 'a');
INSERT INTO dc_ch VALUES (10, 1);
ALTER TABLE dc_p DROP COLUMN c;
ALTER TABLE dc_p DROP COLUMN c CASCADE;
SELECT * FROM dc_ch;
INSERT INTO dc_ch VALUES (99, 1);
INSERT INTO dc_ch VALUES (99, 2);
SELECT * FROM dc_p;

-- indexes, CHECKs and views over the dropped column
CREATE TABLE dc_t (a int, b text, CHECK (b <> 'x'), CHECK (a > 0));
CREATE INDEX ON dc_t (lower(b));
CREATE INDEX dc_t_ab ON dc_t (a, b);
CREATE INDEX dc_t_part ON dc_t (a) WHERE b IS NOT NULL;
CREATE VIEW dc_tv AS SELECT a, b FROM dc_t;
CREATE VIEW dc_tv2 AS SELECT a FROM dc_t;
INSERT INTO dc_t VALUES (1, 'q');
ALTER TABLE dc_t DROP COLUMN b;
ALTER TABLE dc_t DROP COLUMN b CASCADE;
SELECT * FROM dc_t;
SELECT * FROM dc_tv2;
INSERT INTO dc_t VALUES (0);
SELECT indexname FROM pg_indexes WHERE tablename = 'dc_t' ORDER BY 1;
CREATE TABLE dc_e (a int, b text);
CREATE INDEX ON dc_e (lower(b));
ALTER TABLE dc_e DROP COLUMN b;
SELECT count(*) FROM pg_indexes WHERE tablename = 'dc_e';

-- several dependents, in creation order; views on views
CREATE TABLE dc_p2 (id int PRIMARY KEY, c int UNIQUE, d text);
CREATE VIEW dc_v2a AS SELECT c FROM dc_p2;
CREATE VIEW dc_v2b AS SELECT * FROM dc_v2a;
CREATE VIEW dc_v2s AS SELECT * FROM dc_p2;
CREATE TABLE dc_ch2 (x int REFERENCES dc_p2(c));
CREATE TABLE dc_ch3 (x int, FOREIGN KEY (x) REFERENCES dc_p2(c));
CREATE VIEW dc_v2d AS SELECT id, d FROM dc_p2;
ALTER TABLE dc_p2 DROP COLUMN c;
ALTER TABLE dc_p2 DROP COLUMN c CASCADE;
SELECT * FROM dc_v2d;
ALTER TABLE dc_p2 DROP COLUMN d;

-- a self-reference, a multi-column key
CREATE TABLE dc_sr (id int PRIMARY KEY, parent int REFERENCES dc_sr(id), v text);
INSERT INTO dc_sr VALUES (1, NULL, 'a'), (2, 1, 'b');
ALTER TABLE dc_sr DROP COLUMN id;
ALTER TABLE dc_sr DROP COLUMN id CASCADE;
SELECT * FROM dc_sr ORDER BY v;
INSERT INTO dc_sr VALUES (7, 'c');
CREATE TABLE dc_mf (a int, b int, c int, UNIQUE (a, b));
CREATE TABLE dc_mfc (x int, y int, FOREIGN KEY (x, y) REFERENCES dc_mf (a, b));
ALTER TABLE dc_mf DROP COLUMN b;
ALTER TABLE dc_mfc DROP COLUMN y;
ALTER TABLE dc_mf DROP COLUMN b;
INSERT INTO dc_mfc VALUES (5);

-- quoted names, the table's own foreign keys and CHECKs, joins, *
CREATE TABLE "Dc P" (id int PRIMARY KEY, "B c" text UNIQUE);
CREATE TABLE dc_o (a int, b text, k int, c int CHECK (c > a), FOREIGN KEY (k) REFERENCES "Dc P"(id), FOREIGN KEY (b) REFERENCES "Dc P"("B c"), CONSTRAINT dc_o_chk CHECK (a < 100));
CREATE INDEX dc_o_ab ON dc_o (a, b);
CREATE INDEX dc_o_part ON dc_o (k) WHERE a IS NOT NULL;
CREATE INDEX dc_o_expr ON dc_o ((a + k));
CREATE UNIQUE INDEX dc_o_u ON dc_o (k, a);
CREATE TABLE dc_u (a int, z int);
CREATE VIEW dc_vj AS SELECT dc_u.a, o.k FROM dc_u JOIN dc_o o ON o.k = dc_u.z;
CREATE VIEW dc_vs AS SELECT o.* FROM dc_o o;
CREATE VIEW dc_vu AS SELECT u.* FROM dc_u u JOIN dc_o ON true;
INSERT INTO "Dc P" VALUES (1, 'x');
INSERT INTO dc_o VALUES (1, 'x', 1, 5);
INSERT INTO dc_o VALUES (1, 'x', 1, 0);
ALTER TABLE dc_o DROP COLUMN a;
ALTER TABLE dc_o DROP COLUMN a CASCADE;
SELECT * FROM dc_o;
ALTER TABLE "Dc P" DROP COLUMN "B c";
ALTER TABLE "Dc P" DROP COLUMN IF EXISTS "B c" CASCADE;
INSERT INTO dc_o VALUES ('zz', 1, 5);
INSERT INTO dc_o VALUES ('zz', 2, 5);
SELECT * FROM dc_o ORDER BY b;
SELECT * FROM dc_vu;

-- generated columns
CREATE TABLE dc_g (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int);
INSERT INTO dc_g (a, c) VALUES (1, 2);
ALTER TABLE dc_g DROP COLUMN a;
CREATE VIEW dc_gv AS SELECT b FROM dc_g;
ALTER TABLE dc_g DROP COLUMN a CASCADE;
SELECT * FROM dc_g;
