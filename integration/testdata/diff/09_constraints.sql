CREATE TABLE con_parent (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE con_child (id int PRIMARY KEY, parent_id int REFERENCES con_parent(id), qty int NOT NULL CHECK (qty > 0), label varchar(5));
INSERT INTO con_parent VALUES (1, 'a'), (2, 'b');
INSERT INTO con_parent VALUES (1, 'c');
INSERT INTO con_parent VALUES (3, 'a');
INSERT INTO con_child VALUES (1, 1, 5, 'ok');
-- differs-message: 23503 names no constraint and has no DETAIL: SQLite's foreign key error carries neither
INSERT INTO con_child VALUES (2, 99, 5, 'ok');
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_child VALUES (3, 1, NULL, 'ok');
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_child VALUES (4, 1, 0, 'ok');
INSERT INTO con_child VALUES (5, 1, 1, 'toolong');
INSERT INTO con_child VALUES (6, 1, 1, 'five ');
INSERT INTO con_child VALUES (7, 1, 1, 'five     ');
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_child (id, parent_id, qty) VALUES (NULL, 1, 1);
-- differs-message: 23503 names no constraint and has no DETAIL: SQLite's foreign key error carries neither
DELETE FROM con_parent WHERE id = 1;
-- differs-message: 23503 names no constraint and has no DETAIL: SQLite's foreign key error carries neither; an UPDATE of the referenced key is worded as insert or update
UPDATE con_parent SET id = 10 WHERE id = 1;
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
UPDATE con_child SET qty = -1 WHERE id = 1;
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
UPDATE con_child SET qty = NULL WHERE id = 1;
-- differs-message: 23503 names no constraint and has no DETAIL: SQLite's foreign key error carries neither
UPDATE con_child SET parent_id = 42 WHERE id = 1;
-- differs-message: 23505 DETAIL lacks the key values when the statement is an UPDATE or inserts several rows
UPDATE con_parent SET code = 'b' WHERE id = 1;
SELECT * FROM con_child ORDER BY id;
CREATE TABLE con_named (a int CONSTRAINT a_positive CHECK (a > 0), b int, CONSTRAINT b_small CHECK (b < 10));
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_named VALUES (-1, 1);
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_named VALUES (1, 11);
CREATE TABLE con_multi (a int, b int, PRIMARY KEY (a, b));
INSERT INTO con_multi VALUES (1, 1), (1, 2);
INSERT INTO con_multi VALUES (1, 1);
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_multi VALUES (NULL, 1);
CREATE TABLE con_uq (a int, b text, UNIQUE (a, b));
INSERT INTO con_uq VALUES (1, NULL), (1, NULL);
-- differs-message: 23505 DETAIL lacks the key values when the statement is an UPDATE or inserts several rows
INSERT INTO con_uq VALUES (1, 'x'), (1, 'x');
SELECT count(*) FROM con_uq;
CREATE UNIQUE INDEX con_uq_lower ON con_parent (lower(code));
-- differs-message: 23505 on an expression index has no DETAIL
INSERT INTO con_parent VALUES (5, 'A');
CREATE TABLE con_casc (id int PRIMARY KEY, parent_id int REFERENCES con_parent(id) ON DELETE CASCADE);
INSERT INTO con_casc VALUES (1, 2);
DELETE FROM con_parent WHERE id = 2;
SELECT count(*) FROM con_casc;
CREATE TABLE con_setnull (id int PRIMARY KEY, parent_id int REFERENCES con_parent(id) ON DELETE SET NULL);
INSERT INTO con_parent VALUES (7, 'g');
INSERT INTO con_setnull VALUES (1, 7);
DELETE FROM con_parent WHERE id = 7;
SELECT * FROM con_setnull;
INSERT INTO con_child VALUES (8, NULL, 1, NULL);
SELECT id, parent_id FROM con_child ORDER BY id;
CREATE TABLE con_dflt (id int PRIMARY KEY, n int NOT NULL DEFAULT 5, s text DEFAULT 'x');
INSERT INTO con_dflt (id) VALUES (1);
-- differs-message: no DETAIL: SQLite's constraint error does not carry the failing row
INSERT INTO con_dflt (id, n) VALUES (2, NULL);
SELECT * FROM con_dflt;
INSERT INTO nosuch VALUES (1);
SELECT nosuchcol FROM con_dflt;
SELECT * FROM con_dflt WHERE nosuchcol = 1;
CREATE TABLE con_dflt (id int);
CREATE TABLE IF NOT EXISTS con_dflt (id int);
INSERT INTO con_dflt VALUES (3, 1, 'a', 'extra');
INSERT INTO con_dflt (id, n) VALUES (3);
