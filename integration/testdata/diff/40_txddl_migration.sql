-- A migration that creates or alters a table and fills it in the same
-- transaction: the lookups that complete a statement against the schema
-- (the column list of an INSERT without one, DEFAULT in VALUES, the * of
-- a USING join, a table's whole row as JSON, DROP TABLE IF EXISTS's
-- notice) read the transaction's own schema, not the committed one
-- (sqlexec.Session.readSchema). They read the committed one and failed
-- ("DEFAULT in VALUES without a column list is not supported") or filled
-- the wrong columns.
BEGIN;
CREATE TABLE txm_a (id serial primary key, v text, n int DEFAULT 7, d date);
INSERT INTO txm_a (v) VALUES ('a');
INSERT INTO txm_a VALUES (DEFAULT, 'b');
INSERT INTO txm_a VALUES (DEFAULT, 'c', DEFAULT, '2024-01-02');
INSERT INTO txm_a VALUES (10, 'e') RETURNING *;
INSERT INTO txm_a (v, d) VALUES ('f', '2024-02-03') RETURNING id, d + 1;
ALTER TABLE txm_a ADD COLUMN extra int GENERATED ALWAYS AS IDENTITY;
INSERT INTO txm_a (v) VALUES ('g') RETURNING *;
INSERT INTO txm_a VALUES (20, 'h') RETURNING *;
ALTER TABLE txm_a ADD COLUMN t timestamptz DEFAULT '2024-01-01 00:00:00+00';
INSERT INTO txm_a VALUES (21, 'i') RETURNING *;
CREATE TABLE txm_b (id int primary key, w text);
INSERT INTO txm_b VALUES (1, 'one'), (21, 'twenty-one');
SELECT * FROM txm_a JOIN txm_b USING (id) ORDER BY id;
SELECT row_to_json(b) FROM txm_b b ORDER BY id;
INSERT INTO txm_b SELECT id + 100 FROM txm_a WHERE id < 3;
SELECT * FROM txm_b ORDER BY id;
DROP TABLE IF EXISTS txm_b;
DROP TABLE IF EXISTS txm_b;
SELECT * FROM txm_a ORDER BY id;
COMMIT;
SELECT * FROM txm_a ORDER BY id;
BEGIN;
ALTER TABLE txm_a ADD COLUMN flag boolean DEFAULT true;
INSERT INTO txm_a VALUES (30, 'j') RETURNING id, v, flag;
INSERT INTO txm_a (id, v, flag) VALUES (31, 'k', DEFAULT), (32, 'l', false);
ROLLBACK;
INSERT INTO txm_a VALUES (40, 'm') RETURNING *;
SELECT * FROM txm_a ORDER BY id;
DROP TABLE txm_a;
