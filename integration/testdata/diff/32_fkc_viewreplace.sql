-- CREATE OR REPLACE VIEW that changes a column's type is PostgreSQL's
-- 42P16, the types compared as the views' columns are described
-- (sqlexec/viewreplace.go); SQLite's declared types of a view's columns
-- hid most changes and refused some replacements that change nothing.
CREATE TABLE fkc_vt (a int, b text, c numeric(10,2), d varchar(5), t timestamptz, j jsonb);
CREATE VIEW fkc_v AS SELECT a, b FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a::text AS a, b FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a::bigint AS a, b FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b::varchar AS b FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT count(*) AS a, 'x'::text AS b FROM fkc_vt;
-- adding columns at the end is allowed
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c::int AS c FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c::numeric AS c FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT 1 AS a, 'x'::text AS b, 1.5 AS c;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c, t FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c, t::timestamp AS t FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c, t, a > 1 AS e FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c, t, now() AS e FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c, t, a = 1 AS e, j FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b, c, t, a = 1 AS e, j::json AS j FROM fkc_vt;
-- the count first, then each column's name before its type
CREATE OR REPLACE VIEW fkc_v AS SELECT a::text AS a FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a::text AS a, b AS x, c, t, a = 1 AS e, j FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_v AS SELECT a, b AS x, c::int AS c, t, a = 1 AS e, j FROM fkc_vt;
CREATE VIEW fkc_w AS SELECT d FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_w AS SELECT b AS d FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_w AS SELECT d::varchar(10) AS d FROM fkc_vt;
CREATE OR REPLACE VIEW fkc_w AS SELECT 'x'::varchar(5) AS d;
BEGIN;
CREATE OR REPLACE VIEW fkc_w AS SELECT 1 AS d;
ROLLBACK;
SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_name IN ('fkc_v', 'fkc_w') ORDER BY table_name, ordinal_position;
DROP VIEW fkc_w;
DROP VIEW fkc_v;
DROP TABLE fkc_vt;
