-- ADD CONSTRAINT over existing rows (violations change nothing), NOT VALID
-- constraints enforced for new rows, and VALIDATE CONSTRAINT checking the
-- existing rows with ADD CONSTRAINT's errors.
CREATE TABLE ddl2_vp (id int PRIMARY KEY);
CREATE TABLE ddl2_vc (k int, v text, CONSTRAINT ddl2_vc_pos CHECK (k > 0));
INSERT INTO ddl2_vp VALUES (1), (2);
INSERT INTO ddl2_vc VALUES (1, 'a'), (3, 'b'), (1, 'a');
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_fk FOREIGN KEY (k) REFERENCES ddl2_vp (id);
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_small CHECK (k < 3);
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_uq UNIQUE (v);
ALTER TABLE ddl2_vc ADD PRIMARY KEY (k);
ALTER TABLE ddl2_vc ALTER COLUMN v SET NOT NULL;
INSERT INTO ddl2_vc VALUES (2, NULL);
ALTER TABLE ddl2_vc ALTER COLUMN v SET NOT NULL;
SELECT conname, contype FROM pg_constraint WHERE conrelid = 'ddl2_vc'::regclass ORDER BY conname;
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_fk FOREIGN KEY (k) REFERENCES ddl2_vp (id) NOT VALID;
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_small CHECK (k < 3) NOT VALID;
INSERT INTO ddl2_vc VALUES (4, 'c');
INSERT INTO ddl2_vc VALUES (0, 'c');
INSERT INTO ddl2_vc VALUES (5, 'c');
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_vc_fk;
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_vc_small;
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_vc_pos;
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_nope;
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT;
SELECT * FROM ddl2_vc ORDER BY k, v;
DELETE FROM ddl2_vc WHERE k = 3;
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_vc_fk;
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_vc_small;
SELECT * FROM ddl2_vc ORDER BY k, v;
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_uq UNIQUE (v);
DELETE FROM ddl2_vc WHERE k = 2;
ALTER TABLE ddl2_vc ADD CONSTRAINT ddl2_vc_uq UNIQUE (v);
ALTER TABLE ddl2_vc VALIDATE CONSTRAINT ddl2_vc_uq;
-- a foreign key added on its own, then validated
CREATE TABLE ddl2_vd (id int, pid int);
INSERT INTO ddl2_vd VALUES (1, 1), (2, 9);
ALTER TABLE ddl2_vd ADD FOREIGN KEY (pid) REFERENCES ddl2_vp NOT VALID;
ALTER TABLE ddl2_vd VALIDATE CONSTRAINT ddl2_vd_pid_fkey;
UPDATE ddl2_vd SET pid = 2 WHERE id = 2;
ALTER TABLE ddl2_vd VALIDATE CONSTRAINT ddl2_vd_pid_fkey;
INSERT INTO ddl2_vd VALUES (3, 8);
SELECT * FROM ddl2_vd ORDER BY id;
