-- INSERT ... ON CONFLICT with a serial or identity column: PostgreSQL
-- draws a sequence value for every proposed row, conflicting ones
-- included, so later ids skip; raftsql draws them alike (checked here, no
-- change needed).
CREATE TABLE ddl_oc (id serial primary key, k text unique, v int);
INSERT INTO ddl_oc (k, v) VALUES ('a', 1), ('b', 2);
INSERT INTO ddl_oc (k, v) VALUES ('a', 1), ('c', 3), ('b', 9), ('d', 4) ON CONFLICT (k) DO UPDATE SET v = excluded.v RETURNING *;
INSERT INTO ddl_oc (k, v) SELECT k, v FROM ddl_oc WHERE k < 'c' ON CONFLICT DO NOTHING;
INSERT INTO ddl_oc (k, v) VALUES ('e', 5) RETURNING *;
SELECT currval('ddl_oc_id_seq');
CREATE TABLE ddl_oi (id int generated always as identity primary key, k text unique);
INSERT INTO ddl_oi (k) VALUES ('a'), ('a') ON CONFLICT DO NOTHING RETURNING *;
INSERT INTO ddl_oi (k) VALUES ('a'), ('b') ON CONFLICT (k) DO UPDATE SET k = excluded.k || '2' RETURNING *;
INSERT INTO ddl_oi (k) VALUES ('z') RETURNING *;
DROP TABLE ddl_oc, ddl_oi;
