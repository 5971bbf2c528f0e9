-- ALTER TABLE ... DROP COLUMN [CASCADE] with PostgreSQL's dependencies:
-- keys, indexes (expression, partial, multi-column), CHECKs and the
-- table's own foreign keys naming the column go with it; foreign keys
-- referencing it, views reading it and generated columns computed from it
-- refuse the drop (2BP01) or, with CASCADE, go with it. Rows stay.
CREATE TABLE ddc_p (id int PRIMARY KEY, c int UNIQUE, d text);
CREATE TABLE ddc_ch (x int REFERENCES ddc_p(c), y int REFERENCES ddc_p);
INSERT INTO ddc_p VALUES (1, 10, 'a');
INSERT INTO ddc_ch VALUES (10, 1);
ALTER TABLE ddc_p DROP COLUMN c;
ALTER TABLE ddc_p DROP COLUMN c CASCADE;
SELECT * FROM ddc_ch;
INSERT INTO ddc_ch VALUES (99, 1);
INSERT INTO ddc_ch VALUES (99, 2);
SELECT * FROM ddc_p;

-- indexes, CHECKs and views over the dropped column
CREATE TABLE ddc_t (a int, b text, CHECK (b <> 'x'), CHECK (a > 0));
CREATE INDEX ON ddc_t (lower(b));
CREATE INDEX ddc_t_ab ON ddc_t (a, b);
CREATE INDEX ddc_t_part ON ddc_t (a) WHERE b IS NOT NULL;
CREATE VIEW ddc_tv AS SELECT a, b FROM ddc_t;
CREATE VIEW ddc_tv2 AS SELECT a FROM ddc_t;
INSERT INTO ddc_t VALUES (1, 'q');
ALTER TABLE ddc_t DROP COLUMN b;
ALTER TABLE ddc_t DROP COLUMN b CASCADE;
SELECT * FROM ddc_t;
SELECT * FROM ddc_tv2;
INSERT INTO ddc_t VALUES (0);
SELECT indexname FROM pg_indexes WHERE tablename = 'ddc_t' ORDER BY 1;
CREATE TABLE ddc_e (a int, b text);
CREATE INDEX ON ddc_e (lower(b));
ALTER TABLE ddc_e DROP COLUMN b;
SELECT count(*) FROM pg_indexes WHERE tablename = 'ddc_e';

-- several dependents, in creation order; views on views
CREATE TABLE ddc_p2 (id int PRIMARY KEY, c int UNIQUE, d text);
CREATE VIEW ddc_v2a AS SELECT c FROM ddc_p2;
CREATE VIEW ddc_v2b AS SELECT * FROM ddc_v2a;
CREATE VIEW ddc_v2s AS SELECT * FROM ddc_p2;
CREATE TABLE ddc_ch2 (x int REFERENCES ddc_p2(c));
CREATE TABLE ddc_ch3 (x int, FOREIGN KEY (x) REFERENCES ddc_p2(c));
CREATE VIEW ddc_v2d AS SELECT id, d FROM ddc_p2;
ALTER TABLE ddc_p2 DROP COLUMN c;
ALTER TABLE ddc_p2 DROP COLUMN c CASCADE;
SELECT * FROM ddc_v2d;
ALTER TABLE ddc_p2 DROP COLUMN d;

-- a self-reference, a multi-column key
CREATE TABLE ddc_sr (id int PRIMARY KEY, parent int REFERENCES ddc_sr(id), v text);
INSERT INTO ddc_sr VALUES (1, NULL, 'a'), (2, 1, 'b');
ALTER TABLE ddc_sr DROP COLUMN id;
ALTER TABLE ddc_sr DROP COLUMN id CASCADE;
SELECT * FROM ddc_sr ORDER BY v;
INSERT INTO ddc_sr VALUES (7, 'c');
CREATE TABLE ddc_mf (a int, b int, c int, UNIQUE (a, b));
CREATE TABLE ddc_mfc (x int, y int, FOREIGN KEY (x, y) REFERENCES ddc_mf (a, b));
ALTER TABLE ddc_mf DROP COLUMN b;
ALTER TABLE ddc_mfc DROP COLUMN y;
ALTER TABLE ddc_mf DROP COLUMN b;
INSERT INTO ddc_mfc VALUES (5);

-- quoted names, the table's own foreign keys and CHECKs, joins, *
CREATE TABLE "Ddc P" (id int PRIMARY KEY, "B c" text UNIQUE);
CREATE TABLE ddc_o (a int, b text, k int, c int CHECK (c > a), FOREIGN KEY (k) REFERENCES "Ddc P"(id), FOREIGN KEY (b) REFERENCES "Ddc P"("B c"), CONSTRAINT ddc_o_chk CHECK (a < 100));
CREATE INDEX ddc_o_ab ON ddc_o (a, b);
CREATE INDEX ddc_o_part ON ddc_o (k) WHERE a IS NOT NULL;
CREATE INDEX ddc_o_expr ON ddc_o ((a + k));
CREATE UNIQUE INDEX ddc_o_u ON ddc_o (k, a);
CREATE TABLE ddc_u (a int, z int);
CREATE VIEW ddc_vj AS SELECT ddc_u.a, o.k FROM ddc_u JOIN ddc_o o ON o.k = ddc_u.z;
CREATE VIEW ddc_vs AS SELECT o.* FROM ddc_o o;
CREATE VIEW ddc_vu AS SELECT u.* FROM ddc_u u JOIN ddc_o ON true;
INSERT INTO "Ddc P" VALUES (1, 'x');
INSERT INTO ddc_o VALUES (1, 'x', 1, 5);
INSERT INTO ddc_o VALUES (1, 'x', 1, 0);
ALTER TABLE ddc_o DROP COLUMN a;
ALTER TABLE ddc_o DROP COLUMN a CASCADE;
SELECT * FROM ddc_o;
ALTER TABLE "Ddc P" DROP COLUMN "B c";
ALTER TABLE "Ddc P" DROP COLUMN IF EXISTS "B c" CASCADE;
INSERT INTO ddc_o VALUES ('zz', 1, 5);
INSERT INTO ddc_o VALUES ('zz', 2, 5);
SELECT * FROM ddc_o ORDER BY b;
SELECT * FROM ddc_vu;

-- generated columns
CREATE TABLE ddc_g (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int);
INSERT INTO ddc_g (a, c) VALUES (1, 2);
ALTER TABLE ddc_g DROP COLUMN a;
CREATE VIEW ddc_gv AS SELECT b FROM ddc_g;
ALTER TABLE ddc_g DROP COLUMN a CASCADE;
SELECT * FROM ddc_g;
