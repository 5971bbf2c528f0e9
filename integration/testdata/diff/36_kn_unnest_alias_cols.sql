-- A bare name that unnest's column alias list gives (FROM t, unnest(t.arr)
-- u(id)) was a syntax error when it is also one of json_each's column
-- names (id, key, value, ...): it is the function's column, and
-- PostgreSQL's 42702 column reference "id" is ambiguous when a table of
-- the FROM list has a column of the name too; u.id and t.id answer, as
-- do a select item's label of the name and WITH ORDINALITY's alias list.
CREATE TABLE kn_ua (k int PRIMARY KEY, id int, arr int[]);
CREATE TABLE kn_ub (k int PRIMARY KEY, arr int[]);
INSERT INTO kn_ua VALUES (1, 10, '{5,6}'), (2, 20, '{7}');
INSERT INTO kn_ub VALUES (1, '{5,6}'), (2, '{}');
-- positions
SELECT * FROM kn_ua, unnest(kn_ua.arr) u(id) WHERE id = 5;
SELECT id FROM kn_ua, unnest(kn_ua.arr) u(id);
SELECT count(*) FROM kn_ua, unnest(kn_ua.arr) u(id) GROUP BY id;
SELECT k, u.id, kn_ua.id FROM kn_ua, unnest(kn_ua.arr) u(id) ORDER BY 1, 2;
SELECT u.id FROM kn_ua, unnest(kn_ua.arr) u(id) ORDER BY id;
SELECT u.id id FROM kn_ua, unnest(kn_ua.arr) u(id) ORDER BY id DESC;
SELECT k FROM kn_ua, unnest(kn_ua.arr) u(id) WHERE u.id > 5 ORDER BY k;
SELECT * FROM kn_ua, unnest(kn_ua.arr) u(id) ORDER BY 1, 4;
SELECT id, k FROM kn_ub, unnest(kn_ub.arr) u(id) WHERE id > 5;
SELECT k, id FROM kn_ub, unnest(kn_ub.arr) AS u(id) ORDER BY id DESC;
SELECT k, id, n FROM kn_ub, unnest(kn_ub.arr) WITH ORDINALITY AS u(id, n) ORDER BY n;
SELECT * FROM kn_ub, unnest(kn_ub.arr) u(id);
SELECT k, value FROM kn_ub, unnest(kn_ub.arr) u(value) ORDER BY value;
SELECT k, e FROM kn_ua, unnest(kn_ua.arr) u(e) ORDER BY e;
DROP TABLE kn_ua, kn_ub;
