-- VALUES lists of different lengths, COLLATE names, ROW(...) row values
CREATE TABLE n29me_syn (id int PRIMARY KEY, dept text, name text);
INSERT INTO n29me_syn VALUES (1, 'eng', 'a'), (2, 'ops', 'B'), (3, 'eng', 'c');
-- positions
VALUES (1, 2), (3);
SELECT * FROM (VALUES (1), (2, 3)) v;
INSERT INTO n29me_syn(id, dept) VALUES (4, 'x'), (5);
SELECT (1, 2) IN (VALUES (1, 2), (3, 4));
SELECT name FROM n29me_syn ORDER BY name COLLATE "C";
SELECT name FROM n29me_syn ORDER BY name COLLATE "POSIX" DESC;
SELECT 'a' COLLATE "default" < 'B', 'a' COLLATE ucs_basic < 'B', 'a' COLLATE "C.utf8" < 'B', 'a' < 'B' COLLATE pg_catalog."C";
SELECT 'a' COLLATE C;
-- differs: raftsql refuses a libc locale's name with 0A000 (a server with that locale has the collation; this one has not: 42704)
SELECT 'a' COLLATE "de_DE";
SELECT 'a' COLLATE nope;
-- differs: raftsql refuses linguistic collations (0A000): it compares text by its bytes
SELECT 'a' < 'B' COLLATE "und-x-icu";
-- differs: raftsql refuses linguistic collations (0A000): it compares text by its bytes
SELECT name FROM n29me_syn ORDER BY name COLLATE "en-x-icu";
SELECT ROW(1, 2) = ROW(1, 2), ROW(1, 'a') < ROW(1, 'b'), ROW(1, 2) IN (ROW(1, 2), ROW(3, 4)), ROW(1, 2) <> (1, 3);
SELECT id FROM n29me_syn WHERE ROW(id, dept) = ROW(1, 'eng');
SELECT id FROM n29me_syn WHERE ROW(dept, id) > ROW('eng', 1) ORDER BY id;
SELECT count(DISTINCT ROW(dept, 1)) FROM n29me_syn;
