-- The failing row of a NOT NULL / CHECK violation shows each column as
-- its type prints it (numeric(p,s) with s digits, defaults included) and
-- a serial column's value drawn once (the explanation's re-run takes the
-- value the statement drew).
CREATE TABLE n28detail_fr (id serial, n numeric(10,4) DEFAULT 0, m numeric(6,2) DEFAULT 1.5, t text NOT NULL, c int CHECK (c > 0));
INSERT INTO n28detail_fr (t) VALUES (NULL);
INSERT INTO n28detail_fr (id, n, m, t) VALUES (7, 2.5, 3, NULL);
-- a failed statement's values stay drawn (nextval is not transactional)
SELECT currval('n28detail_fr_id_seq');
INSERT INTO n28detail_fr (n, m, t) VALUES (2.5, 3, NULL);
INSERT INTO n28detail_fr (t) VALUES ('ok') RETURNING id;
SELECT lastval();
CREATE TABLE n28detail_fr2 (id serial, t text NOT NULL, c int CHECK (c > 0));
INSERT INTO n28detail_fr2 (t, c) VALUES ('a', 1), ('b', 2), ('c', -3);
INSERT INTO n28detail_fr2 (t, c) VALUES ('d', 4), ('e', -5);
SELECT nextval('n28detail_fr2_id_seq');
CREATE TABLE n28detail_fr3 (id bigserial, t text NOT NULL);
BEGIN;
INSERT INTO n28detail_fr3 (t) VALUES ('a'), ('b');
INSERT INTO n28detail_fr3 (t) VALUES ('c'), (NULL);
ROLLBACK;
SELECT nextval('n28detail_fr3_id_seq');
CREATE TABLE n28detail_fr4 (id serial, t text NOT NULL);
BEGIN;
INSERT INTO n28detail_fr4 (t) VALUES ('a');
UPDATE n28detail_fr4 SET t = NULL;
ROLLBACK;
SELECT nextval('n28detail_fr4_id_seq');
CREATE TABLE n28detail_fr5 (id int GENERATED ALWAYS AS IDENTITY, k numeric(8,3) DEFAULT 7, t text NOT NULL);
INSERT INTO n28detail_fr5 (t) VALUES (NULL);
SELECT currval('n28detail_fr5_id_seq');
CREATE TABLE n28detail_fr6 (a int, b numeric(5,1) DEFAULT 2, CONSTRAINT n28detail_fr6_pos CHECK (a > b));
INSERT INTO n28detail_fr6 (a) VALUES (1);
UPDATE n28detail_fr6 SET a = 0;
INSERT INTO n28detail_fr6 VALUES (5, 4.25);
UPDATE n28detail_fr6 SET b = 10;
