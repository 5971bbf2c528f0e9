-- DROP TABLE finds the views that read the table where a relation stands
-- (pgdialect.ReadsRelation): a view with a column, alias or output name
-- of the table's name does not depend on it. DROP TABLE status was 2BP01
-- for a view over orders with a column status, and its CASCADE dropped
-- that view, which PostgreSQL leaves alone.
CREATE TABLE me_dv_orders (id int PRIMARY KEY, status text, me_dv_one int);
CREATE TABLE status (id int);
CREATE TABLE me_dv_one (x int);
CREATE VIEW me_dv_v1 AS SELECT id, status FROM me_dv_orders;
CREATE VIEW me_dv_v2 AS SELECT 1 AS me_dv_one;
CREATE VIEW me_dv_v3 AS SELECT o.id FROM me_dv_orders o WHERE o.me_dv_one = 1;
DROP TABLE status;
DROP TABLE me_dv_one CASCADE;
SELECT table_name FROM information_schema.views WHERE table_name LIKE 'me_dv_%' ORDER BY 1;
CREATE TABLE status (id int);
CREATE VIEW me_dv_v4 AS SELECT s.id FROM me_dv_orders o JOIN status s ON s.id = o.id;
DROP TABLE status;
DROP TABLE status CASCADE;
SELECT table_name FROM information_schema.views WHERE table_name LIKE 'me_dv_%' ORDER BY 1;
DROP VIEW me_dv_v1, me_dv_v2, me_dv_v3;
DROP TABLE me_dv_orders;
