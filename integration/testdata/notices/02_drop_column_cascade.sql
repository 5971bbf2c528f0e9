-- What ALTER TABLE ... DROP COLUMN ... CASCADE reaches, in PostgreSQL's
-- NOTICE: one object in the message, several counted with a DETAIL line
-- each; what goes silently with the column (indexes, CHECKs) has none.
CREATE TABLE ndc_p (id int PRIMARY KEY, c int UNIQUE, d text);
CREATE TABLE ndc_ch (x int REFERENCES ndc_p(c), y int REFERENCES ndc_p);
ALTER TABLE ndc_p DROP COLUMN c CASCADE;
CREATE TABLE ndc_t (a int, b text, CHECK (b <> 'x'));
CREATE INDEX ON ndc_t (lower(b));
CREATE INDEX ndc_t_part ON ndc_t (a) WHERE b IS NOT NULL;
ALTER TABLE ndc_t DROP COLUMN b CASCADE;
CREATE TABLE ndc_p2 (id int PRIMARY KEY, c int UNIQUE, d text);
CREATE VIEW ndc_v2a AS SELECT c FROM ndc_p2;
CREATE VIEW ndc_v2b AS SELECT * FROM ndc_v2a;
CREATE VIEW ndc_v2s AS SELECT * FROM ndc_p2;
CREATE TABLE ndc_ch2 (x int REFERENCES ndc_p2(c));
CREATE TABLE "Ndc Q" (x int, FOREIGN KEY (x) REFERENCES ndc_p2(c));
ALTER TABLE ndc_p2 DROP COLUMN c CASCADE;
CREATE TABLE ndc_sr (id int PRIMARY KEY, parent int REFERENCES ndc_sr(id), v text);
ALTER TABLE ndc_sr DROP COLUMN id CASCADE;
CREATE TABLE ndc_g (a int, b int GENERATED ALWAYS AS (a * 2) STORED, c int);
CREATE VIEW ndc_gv AS SELECT b FROM ndc_g;
ALTER TABLE ndc_g DROP COLUMN a CASCADE;
ALTER TABLE ndc_g DROP COLUMN IF EXISTS a CASCADE;
