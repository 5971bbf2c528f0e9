-- CREATE OR REPLACE VIEW: replaced in place when the new query keeps the old columns (names and types) and may add some at the end; PostgreSQL's 42P16/42809 otherwise
CREATE TABLE vw_rv (id int PRIMARY KEY, a text, b int);
INSERT INTO vw_rv VALUES (1, 'x', 10), (2, 'y', 20);
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id, a FROM vw_rv;
SELECT * FROM vw_rv_v ORDER BY id;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id, a, b FROM vw_rv WHERE b > 10;
SELECT * FROM vw_rv_v ORDER BY id;
CREATE VIEW vw_rv_w AS SELECT id FROM vw_rv_v;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id, a, b, b * 2 AS b2 FROM vw_rv;
SELECT * FROM vw_rv_w ORDER BY id;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id, a FROM vw_rv;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id, b AS a, b, 1 AS b2 FROM vw_rv;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id AS ident, a, b, b2 FROM (SELECT *, 0 AS b2 FROM vw_rv) s;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT a AS id, a, b, 1 AS b2 FROM vw_rv;
CREATE OR REPLACE VIEW vw_rv AS SELECT 1 AS id;
CREATE OR REPLACE VIEW public.vw_rv_v (id, a, b, b2, extra) AS SELECT id, a, b, 2, 'e' FROM vw_rv;
-- differs-type: an integer constant column of a view is described as int8 (PostgreSQL: int4)
SELECT * FROM vw_rv_v ORDER BY id;
SELECT pg_get_viewdef('vw_rv_v'::regclass) IS NOT NULL;
BEGIN;
CREATE OR REPLACE VIEW vw_rv_v AS SELECT id, a, b, 3 AS b2, 'f' AS extra FROM vw_rv;
ROLLBACK;
-- differs-type: an integer constant column of a view is described as int8 (PostgreSQL: int4)
SELECT b2 FROM vw_rv_v ORDER BY id;
DROP VIEW vw_rv_v;
DROP VIEW vw_rv_w;
DROP VIEW vw_rv_v;
