-- A string literal that an INSERT or UPDATE assigns to a column is read
-- by the column type's input function at parse time in PostgreSQL: its
-- error points at the literal.
-- positions
CREATE TABLE n28detail_pos (i int, n numeric, d date, ts timestamp, b boolean, s smallint, u uuid, t text);
INSERT INTO n28detail_pos (n) VALUES ('abc');
INSERT INTO n28detail_pos (i) VALUES ('abc');
INSERT INTO n28detail_pos (d) VALUES ('2024-13-01');
INSERT INTO n28detail_pos (d) VALUES ('2024-02-30');
INSERT INTO n28detail_pos (ts) VALUES ('2024-01-01 25:00');
INSERT INTO n28detail_pos (ts) VALUES ('yesterdayish');
INSERT INTO n28detail_pos (i) VALUES ('99999999999');
INSERT INTO n28detail_pos (s) VALUES ('70000');
INSERT INTO n28detail_pos (b) VALUES ('tru');
INSERT INTO n28detail_pos (u) VALUES ('not-a-uuid');
INSERT INTO n28detail_pos (i, t) VALUES (1, 'abc'), (2, 'x'), ('x', 'y');
INSERT INTO n28detail_pos (t, i) VALUES ('1.5', 1), ('2', '1.5');
INSERT INTO n28detail_pos (i, b) VALUES (1, 't');
UPDATE n28detail_pos SET i = 'x';
UPDATE n28detail_pos SET t = 'x', i = ' 12x ' WHERE i = 1;
UPDATE n28detail_pos SET b = 'maybe' WHERE t IS NULL RETURNING i;
INSERT INTO n28detail_pos (i, t) VALUES (1, 'a') ON CONFLICT DO NOTHING;
CREATE TYPE n28detail_mood AS ENUM ('sad', 'ok');
CREATE TABLE n28detail_pos2 (id int, a int[], m n28detail_mood, j jsonb);
INSERT INTO n28detail_pos2 VALUES (1, '{1,x}', 'ok', '{}');
INSERT INTO n28detail_pos2 VALUES (1, '{1,2}', 'meh', '{}');
INSERT INTO n28detail_pos2 VALUES (1, '{1,2}', 'ok', '{"a":1,}'), (2, '{3}', 'ok', '[1 2]');
INSERT INTO n28detail_pos2 (j, id) VALUES ('[1]', 1), ('[1 2]', 2);
BEGIN;
INSERT INTO n28detail_pos2 VALUES (5, '{5}', 'sad', '5');
UPDATE n28detail_pos2 SET a = '{1,2' WHERE id = 5;
ROLLBACK;
SELECT 'x'::int;
SELECT 1 + 'x'::int;
SELECT '2024-13-01'::date;
SELECT i FROM n28detail_pos WHERE i = 1 ORDER BY i;
-- read at parse time: refused even where no row is written
UPDATE n28detail_pos SET i = 'y' WHERE i = 12345;
UPDATE n28detail_pos SET d = '2024-02-30' WHERE false;
INSERT INTO n28detail_pos (i, t) SELECT 1, 'a' WHERE false;
INSERT INTO n28detail_pos2 (id, j) VALUES (9, '[1]') ON CONFLICT DO NOTHING;
CREATE TABLE n28detail_pos3 (id int PRIMARY KEY, n numeric);
INSERT INTO n28detail_pos3 VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = 'abc';
INSERT INTO n28detail_pos3 (nosuch, n) VALUES (1, 'abc');
UPDATE n28detail_pos3 SET nosuch = 1, n = 'abc';
UPDATE n28detail_pos3 SET n = '1.50' WHERE id = 1 RETURNING n;
-- a type modifier's refusal (length, precision) has no position
CREATE TABLE n28detail_pos4 (v varchar(3), n numeric(3,1), c char(2), ts timestamp, b boolean, i int, a int[]);
UPDATE n28detail_pos4 SET v = 'abcd' WHERE false;
UPDATE n28detail_pos4 SET n = '123.4' WHERE false;
INSERT INTO n28detail_pos4 (v) VALUES ('abcd');
INSERT INTO n28detail_pos4 (c, v, ts, b, i, a) VALUES ('ab  ', 'ab   ', 'epoch', 'yes', '  7  ', '{}');
UPDATE n28detail_pos4 SET ts = '2024-01-01 12:00 America/New_York', i = '-0' WHERE false;
SELECT c, v, ts, b, i, a FROM n28detail_pos4;
