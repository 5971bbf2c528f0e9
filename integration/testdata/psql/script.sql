\set VERBOSITY sqlstate
BEGIN;
INSERT INTO users (id, email, name) VALUES (10, 'x10@example.com', 'Xavier') RETURNING id, score;
SELECT count(*) FROM users;
COMMIT;
BEGIN;
INSERT INTO users (id, email, name) VALUES (11, 'y11@example.com', 'Yolanda');
INSERT INTO users (id, email, name) VALUES (1, 'dup@example.com', 'Dup');
SELECT 1;
COMMIT;
START TRANSACTION;
DELETE FROM users WHERE id = 2;
ROLLBACK;
\copy users (id, email, name, score) from 'users.csv' with (format csv)
\copy users (id, email, name) from stdin
23	f23@example.com	Fay
24	g24@example.com	Gus\tTab
\.
BEGIN;
SAVEPOINT s1;
DELETE FROM users;
ROLLBACK TO SAVEPOINT s1;
RELEASE SAVEPOINT s1;
COMMIT;
;
SELECT 'a' AS x;SELECT 'b' AS y
;
\copy (SELECT id, email, name, score FROM users ORDER BY id) to stdout with (format csv, header)
UPDATE users SET score = score + 1 WHERE score IS NOT NULL;
SELECT id, email, name, score FROM users ORDER BY id;
SELECT * FROM active_users ORDER BY id;
