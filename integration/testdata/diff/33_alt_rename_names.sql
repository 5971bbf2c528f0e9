-- ALTER TABLE ... RENAME TO and RENAME COLUMN keep the names of the
-- table's unnamed keys and foreign keys, as PostgreSQL fixes a
-- constraint's name when it is made (pgdialect/rename_names.go): the
-- catalog derived them from the current names, so after RENAME TO u the
-- primary key read u_pkey, DROP CONSTRAINT t_pkey was 42704 and errors
-- named u_pkey.
CREATE TABLE alt_rp (id int PRIMARY KEY, k int UNIQUE, c int CHECK (c > 0));
CREATE TABLE alt_rc (id serial PRIMARY KEY, pid int REFERENCES alt_rp (id), q int, UNIQUE (q, id));
INSERT INTO alt_rp VALUES (1, 1, 1);
INSERT INTO alt_rc (pid, q) VALUES (1, 1);
ALTER TABLE alt_rp RENAME TO alt_rp2;
ALTER TABLE alt_rc RENAME COLUMN pid TO parent;
ALTER TABLE alt_rc RENAME TO alt_rc2;
SELECT conrelid::regclass::text, conname, contype FROM pg_constraint WHERE conrelid IN ('alt_rp2'::regclass, 'alt_rc2'::regclass) ORDER BY 1, 2;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'alt_rc2'::regclass ORDER BY 1;
SELECT indexrelid::regclass::text, indisprimary, indisunique FROM pg_index WHERE indrelid IN ('alt_rp2'::regclass, 'alt_rc2'::regclass) ORDER BY 1;
SELECT pg_get_serial_sequence('alt_rc2', 'id');
INSERT INTO alt_rp2 VALUES (1, 2, 1);
INSERT INTO alt_rp2 VALUES (2, 1, 1);
INSERT INTO alt_rp2 VALUES (3, 3, 0);
INSERT INTO alt_rc2 (parent, q) VALUES (9, 2);
INSERT INTO alt_rc2 (parent, q) VALUES (1, 2) RETURNING *;
DELETE FROM alt_rp2;
ALTER TABLE alt_rc2 DROP CONSTRAINT alt_rc2_parent_fkey;
ALTER TABLE alt_rc2 DROP CONSTRAINT alt_rc_pid_fkey;
ALTER TABLE alt_rp2 DROP CONSTRAINT alt_rp_k_key;
ALTER TABLE alt_rp2 DROP CONSTRAINT alt_rp_c_check;
INSERT INTO alt_rp2 VALUES (4, 1, 0);
ALTER TABLE alt_rc2 DROP CONSTRAINT alt_rc_q_id_key;
ALTER TABLE alt_rc2 DROP CONSTRAINT alt_rc_pkey;
ALTER TABLE alt_rp2 DROP CONSTRAINT alt_rp_pkey;
SELECT conrelid::regclass::text, conname, contype FROM pg_constraint WHERE conrelid IN ('alt_rp2'::regclass, 'alt_rc2'::regclass) ORDER BY 1, 2;
SELECT * FROM alt_rp2 ORDER BY id;
SELECT * FROM alt_rc2 ORDER BY id;
DROP TABLE alt_rc2, alt_rp2;
-- a primary key ALTER TABLE added stays the primary key of the renamed
-- table (its index was known by the name t_pkey alone)
CREATE TABLE alt_ap (id int);
ALTER TABLE alt_ap ADD PRIMARY KEY (id);
ALTER TABLE alt_ap RENAME TO alt_ap2;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'alt_ap2'::regclass;
SELECT indexrelid::regclass::text, indisprimary FROM pg_index WHERE indrelid = 'alt_ap2'::regclass;
ALTER TABLE alt_ap2 ADD PRIMARY KEY (id);
CREATE TABLE alt_ac (pid int);
ALTER TABLE alt_ac ADD FOREIGN KEY (pid) REFERENCES alt_ap2;
INSERT INTO alt_ap2 VALUES (1);
INSERT INTO alt_ac VALUES (1), (2);
ALTER TABLE alt_ap2 DROP CONSTRAINT alt_ap_pkey;
ALTER TABLE alt_ap2 DROP CONSTRAINT alt_ap_pkey CASCADE;
SELECT conname FROM pg_constraint WHERE conrelid IN ('alt_ap2'::regclass, 'alt_ac'::regclass);
DROP TABLE alt_ac, alt_ap2;
