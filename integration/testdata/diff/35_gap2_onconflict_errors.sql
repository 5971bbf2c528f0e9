-- ON CONFLICT DO UPDATE without a conflict target is PostgreSQL's 42601
-- (raftsql ran it: SQLite updates on whichever unique constraint the
-- row violates), and a target no unique index matches is PostgreSQL's
-- 42P10 "there is no unique or exclusion constraint matching the ON
-- CONFLICT specification" (was SQLite's message, XX000).
CREATE TABLE gap2_oc (k int PRIMARY KEY, name text UNIQUE, note text);
INSERT INTO gap2_oc VALUES (1, 'a', NULL);
INSERT INTO gap2_oc (k, name) VALUES (2, 'b') ON CONFLICT DO UPDATE SET note = 'x';
INSERT INTO gap2_oc (k, name) VALUES (1, 'z') ON CONFLICT DO UPDATE SET note = 'x' RETURNING *;
INSERT INTO gap2_oc (k, name) VALUES (3, 'a') ON CONFLICT DO UPDATE SET note = 'y' WHERE gap2_oc.k > 0;
INSERT INTO gap2_oc (k, name) VALUES (1, 'q') ON CONFLICT (note) DO UPDATE SET note = 'x';
INSERT INTO gap2_oc (k, name) VALUES (1, 'q') ON CONFLICT (k, name) DO NOTHING;
INSERT INTO gap2_oc (k, name) VALUES (1, 'q') ON CONFLICT (lower(name)) DO NOTHING;
CREATE UNIQUE INDEX gap2_oc_part ON gap2_oc (note) WHERE k > 10;
INSERT INTO gap2_oc (k, name, note) VALUES (11, 'r', 'n') ON CONFLICT (note) WHERE k > 10 DO UPDATE SET name = 'dup' RETURNING *;
INSERT INTO gap2_oc (k, name, note) VALUES (12, 's', 'n') ON CONFLICT (note) WHERE k > 10 DO UPDATE SET name = 'dup' RETURNING *;
INSERT INTO gap2_oc (k, name, note) VALUES (13, 't', 'n') ON CONFLICT (note) DO UPDATE SET name = 'dup2';
INSERT INTO gap2_oc (k, name) VALUES (4, 'd') ON CONFLICT DO NOTHING RETURNING k;
INSERT INTO gap2_oc (k, name) VALUES (1, 'd') ON CONFLICT DO NOTHING RETURNING k;
SELECT * FROM gap2_oc ORDER BY k;
DROP TABLE gap2_oc;
