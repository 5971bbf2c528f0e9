-- lateral_subquery: LATERAL subqueries in FROM (lateral.go): json_each
-- over the subquery's rows packed per outer row, each reference reading
-- its value back with its storage class
CREATE TABLE n27lateral_u (id int PRIMARY KEY, name text, grp int);
CREATE TABLE n27lateral_p (id int PRIMARY KEY, uid int, title text, amount numeric(8,2), score float8, created timestamp, tags text[], doc jsonb, raw bytea, ok boolean, big bigint, iv interval, tz timestamptz, j json);
CREATE TABLE n27lateral_empty (id int, uid int, v text);
INSERT INTO n27lateral_u VALUES (1, 'ann', 1), (2, 'bob', 1), (3, 'cy', 2), (4, 'dee', NULL);
INSERT INTO n27lateral_p VALUES (1, 1, 'a1', 10.50, 0.1, '2024-01-01 10:00', '{x,y}', '{"k": 1.50}', '\x0001ff', true, 9223372036854775807, '1 day', '2024-01-01 10:00+00', '{"a":  1}'), (2, 1, 'a2', 2.25, 1e300, '2024-01-03', NULL, NULL, NULL, false, -9223372036854775808, '-2 hours', NULL, NULL), (3, 1, 'a3', 100.00, 1.0/3, '2024-01-02', '{}', '[1, "a"]', '\x', NULL, 0, NULL, '2024-06-01 00:00+02', '[1,2]'), (4, 2, 'b1', NULL, NULL, NULL, NULL, 'null', NULL, true, NULL, '1 mon', NULL, 'null'), (5, 3, 'c1', 7.00, -0.0, '2023-12-31 23:59:59.5', '{"a b"}', '{}', '\xdeadbeef', false, 42, '00:00:01', '2023-12-31 23:00-05', '"s"');
-- top-N per group, ORDER BY ... LIMIT inside the subquery
SELECT u.id, s.title, s.created FROM n27lateral_u u CROSS JOIN LATERAL (SELECT p.title, p.created FROM n27lateral_p p WHERE p.uid = u.id ORDER BY p.created DESC LIMIT 2) s ORDER BY u.id, s.created DESC;
SELECT u.id, s.title FROM n27lateral_u u, LATERAL (SELECT p.title FROM n27lateral_p p WHERE p.uid = u.id ORDER BY p.amount DESC NULLS LAST, p.id LIMIT 1) s ORDER BY u.id;
SELECT u.id, s.title FROM n27lateral_u u, LATERAL (SELECT p.title FROM n27lateral_p p WHERE p.uid = u.id ORDER BY p.id LIMIT 2 OFFSET 1) s ORDER BY u.id, s.title;
-- every type through the packed row, NULLs included
SELECT u.id, s.* FROM n27lateral_u u, LATERAL (SELECT p.amount, p.score, p.tags, p.doc, p.raw, p.ok, p.big, p.iv, p.tz, p.j FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY u.id;
SELECT * FROM n27lateral_u u, LATERAL (SELECT p.id AS pid, p.created FROM n27lateral_p p WHERE p.uid = u.id AND p.id > 3) s ORDER BY u.id;
-- aggregates per outer row, LEFT JOIN keeping the outer row
SELECT u.name, s.c, s.total, s.top, s.lo, s.av FROM n27lateral_u u LEFT JOIN LATERAL (SELECT count(*) AS c, sum(p.amount) AS total, max(p.amount) AS top, min(p.created) AS lo, avg(p.amount) AS av FROM n27lateral_p p WHERE p.uid = u.id) s ON true ORDER BY u.id;
SELECT u.name, s.n, s.sb, s.ss FROM n27lateral_u u, LATERAL (SELECT count(p.id) AS n, sum(p.big) AS sb, sum(p.score) AS ss FROM n27lateral_p p WHERE p.uid = u.id AND p.id <> 1) s ORDER BY u.id;
SELECT u.id, s.n FROM n27lateral_u u, LATERAL (SELECT count(*) AS n FROM n27lateral_u w WHERE w.grp = u.grp) s ORDER BY u.id;
SELECT u.id, s.n FROM n27lateral_u u, LATERAL (SELECT count(*) AS n FROM n27lateral_u w WHERE w.grp = u.grp) s WHERE s.n > 1 ORDER BY s.n, u.id;
-- LEFT JOIN with no row: NULLs
SELECT u.name, s.title FROM n27lateral_u u LEFT JOIN LATERAL (SELECT p.title FROM n27lateral_p p WHERE p.uid = u.id AND p.amount > 5) s ON true ORDER BY u.id, s.title;
SELECT u.name, s.title FROM n27lateral_u u LEFT JOIN LATERAL (SELECT p.title, p.id::int AS id FROM n27lateral_p p WHERE p.uid = u.id) s ON s.id > 2 ORDER BY u.id, s.title;
SELECT u.id, s.pid FROM n27lateral_u u JOIN LATERAL (SELECT p.id::int AS pid FROM n27lateral_p p WHERE p.uid = u.id) s ON s.pid > 1 ORDER BY u.id, s.pid;
-- ties: the subquery's order among equal keys is its own; the statement sorts fully
SELECT u.id, s.grp, s.name FROM n27lateral_u u, LATERAL (SELECT w.grp, w.name FROM n27lateral_u w WHERE w.grp IS NOT DISTINCT FROM u.grp ORDER BY w.grp LIMIT 5) s ORDER BY u.id, s.name;
-- column alias lists, VALUES
SELECT u.id, x.v FROM n27lateral_u u, LATERAL (VALUES (u.id), (u.grp)) x(v) ORDER BY 1, 2;
SELECT u.id, x.a, x.b FROM n27lateral_u u CROSS JOIN LATERAL (SELECT (u.id * 2)::int, (u.name || '!')::text) AS x(a, b) ORDER BY 1;
SELECT u.id, x.k FROM n27lateral_u u, LATERAL (SELECT 'const' AS k, 1.50 AS m) x ORDER BY 1;
SELECT u.id, x.* FROM n27lateral_u u, LATERAL (SELECT 1.50 AS m, 2::int8 AS i, 'x'::text AS t, true AS b, interval '1 day' AS iv, NULL::int AS n) x WHERE u.id < 3 ORDER BY 1;
-- nested and chained: a LATERAL subquery reading several earlier items
SELECT u.id, a.x, b.y FROM n27lateral_u u, LATERAL (SELECT (u.id * 10)::int AS x) a, LATERAL (SELECT (a.x + u.id)::int AS y) b ORDER BY 1;
SELECT u.id, s.title, s.c FROM n27lateral_u u, LATERAL (SELECT p.title, c.c FROM n27lateral_p p, LATERAL (SELECT count(*) AS c FROM n27lateral_p q WHERE q.uid = p.uid AND q.id <= p.id) c WHERE p.uid = u.id) s ORDER BY u.id, s.title;
SELECT u.id, g, s.t FROM n27lateral_u u, generate_series(1, u.id) g, LATERAL (SELECT p.title AS t FROM n27lateral_p p WHERE p.uid = u.id AND p.id = g) s ORDER BY 1, 2;
-- comparisons and sorting on the subquery's columns
SELECT u.id, s.t FROM n27lateral_u u, LATERAL (SELECT p.title::text AS t FROM n27lateral_p p WHERE p.uid = u.id) s WHERE s.t LIKE 'a%' AND s.t <> 'a2' ORDER BY s.t;
SELECT u.id, s.created FROM n27lateral_u u, LATERAL (SELECT p.created FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY s.created;
SELECT u.id, s.n, s.n > '1' AS g, s.n::text AS t, s.n + 1 AS a FROM n27lateral_u u, LATERAL (SELECT count(*) AS n FROM n27lateral_p p WHERE p.uid = u.id) s WHERE s.n >= 1 ORDER BY 1;
SELECT u.id, s.m + 1 AS a, coalesce(s.m, 0) AS b, s.m * 2 AS c, s.m > '9' AS g FROM n27lateral_u u LEFT JOIN LATERAL (SELECT p.amount::numeric AS m FROM n27lateral_p p WHERE p.uid = u.id) s ON true ORDER BY 1, 2;
SELECT u.id, s.f * 2 AS a, s.f < '1' AS g FROM n27lateral_u u, LATERAL (SELECT p.score::float8 AS f FROM n27lateral_p p WHERE p.uid = u.id AND p.score < 1) s ORDER BY 1, 2;
SELECT DISTINCT s.m FROM n27lateral_u u, LATERAL (SELECT p.amount::numeric AS m FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY 1;
SELECT s.iv, count(*) FROM n27lateral_u u, LATERAL (SELECT p.iv::interval AS iv FROM n27lateral_p p WHERE p.uid = u.id) s GROUP BY s.iv ORDER BY s.iv;
-- differs: raftsql refuses a LATERAL subquery's timestamp column as an operand (0A000): its value would compare with the literal as text
SELECT u.id, s.created FROM n27lateral_u u, LATERAL (SELECT p.created::timestamp AS created FROM n27lateral_p p WHERE p.uid = u.id) s WHERE s.created = '2024-01-02' ORDER BY s.created;
-- differs: raftsql refuses a LATERAL subquery's boolean column as an operand (0A000): a cast would read its stored integer
SELECT u.id, s.c::text FROM n27lateral_u u, LATERAL (SELECT p.ok::bool AS c FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY 1, 2;
-- differs: raftsql refuses a LATERAL subquery's column of run-time type as an operand (0A000): the literal would compare as text
SELECT u.id, s.x FROM n27lateral_u u, LATERAL (VALUES (u.id)) s(x) WHERE s.x > '2' ORDER BY 1;
-- differs: raftsql refuses a comparison of a LATERAL subquery's column of a type known at run time only, which the comparison's rewrite copies (0A000; cast it in the subquery)
SELECT u.id, s.created FROM n27lateral_u u, LATERAL (SELECT p.created FROM n27lateral_p p WHERE p.uid = u.id) s WHERE s.created > '2024-01-01' ORDER BY s.created;
SELECT s.m, count(*) FROM n27lateral_u u, LATERAL (SELECT max(p.amount)::numeric AS m FROM n27lateral_p p WHERE p.uid = u.id) s GROUP BY s.m ORDER BY s.m;
SELECT u.id, s.m FROM n27lateral_u u, LATERAL (SELECT p.amount::numeric AS m FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY s.m DESC NULLS LAST, u.id;
SELECT u.id, s.amount FROM n27lateral_u u, LATERAL (SELECT p.amount FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY u.id, s.amount;
-- empty outer and inner tables
SELECT e.id, s.c FROM n27lateral_empty e, LATERAL (SELECT count(*) AS c FROM n27lateral_p p WHERE p.uid = e.uid) s;
SELECT u.id, s.v FROM n27lateral_u u, LATERAL (SELECT e.v FROM n27lateral_empty e WHERE e.uid = u.id) s;
SELECT u.id, s.v FROM n27lateral_u u LEFT JOIN LATERAL (SELECT e.v FROM n27lateral_empty e WHERE e.uid = u.id) s ON true ORDER BY u.id;
SELECT u.id, s.c FROM n27lateral_u u, LATERAL (SELECT count(*) AS c FROM n27lateral_empty e WHERE e.uid = u.id) s ORDER BY u.id;
-- errors inside the subquery
SELECT u.id, s.x FROM n27lateral_u u, LATERAL (SELECT (1 / (u.id - 2))::int AS x) s;
SELECT u.id, s.x FROM n27lateral_u u, LATERAL (SELECT 1 / 0 AS x) s;
-- differs-message: raftsql names the column without its qualifier
SELECT u.id, s.x FROM n27lateral_u u, LATERAL (SELECT p.nope AS x FROM n27lateral_p p) s;
-- differs-message: raftsql names the column without its qualifier
SELECT u.id, s.x FROM n27lateral_u u, LATERAL (SELECT u.nope AS x) s;
-- differs: raftsql refuses a LATERAL subquery's column read from another LATERAL subquery's column of no static type (0A000)
SELECT s.x FROM n27lateral_u u, LATERAL (SELECT u.id AS x) s, LATERAL (SELECT s.nope) t;
SELECT u.id FROM n27lateral_u u, LATERAL (SELECT 1 AS x);
-- differs: raftsql refuses a LATERAL subquery's column whose type the statement does not show (0A000; cast it)
SELECT u.id, s.x FROM n27lateral_u u, LATERAL (SELECT u.id + 1 AS x) s ORDER BY 1;
-- differs: raftsql refuses a LATERAL subquery whose select list has a * (0A000)
SELECT u.id, s.* FROM n27lateral_u u, LATERAL (SELECT * FROM n27lateral_p p WHERE p.uid = u.id) s ORDER BY 1;
-- writes: INSERT ... SELECT, UPDATE ... FROM, DELETE, a CTE
CREATE TABLE n27lateral_out (uid int, title text, amount numeric(8,2), created timestamp);
INSERT INTO n27lateral_out SELECT u.id, s.title, s.amount, s.created FROM n27lateral_u u CROSS JOIN LATERAL (SELECT p.title, p.amount, p.created FROM n27lateral_p p WHERE p.uid = u.id ORDER BY p.id DESC LIMIT 2) s;
SELECT * FROM n27lateral_out ORDER BY uid, title;
INSERT INTO n27lateral_out (uid, title, amount) SELECT u.id, 'sum', s.total FROM n27lateral_u u LEFT JOIN LATERAL (SELECT sum(p.amount) AS total FROM n27lateral_p p WHERE p.uid = u.id) s ON true RETURNING uid, title, amount;
UPDATE n27lateral_out o SET title = s.t FROM n27lateral_u u, LATERAL (SELECT max(p.title) AS t FROM n27lateral_p p WHERE p.uid = u.id) s WHERE o.uid = u.id AND o.title = 'sum' RETURNING o.uid, o.title;
DELETE FROM n27lateral_out WHERE uid IN (SELECT u.id FROM n27lateral_u u, LATERAL (SELECT count(*) AS c FROM n27lateral_p p WHERE p.uid = u.id) s WHERE s.c > 1);
SELECT * FROM n27lateral_out ORDER BY uid, title;
WITH w AS (SELECT u.id, s.title FROM n27lateral_u u, LATERAL (SELECT p.title FROM n27lateral_p p WHERE p.uid = u.id ORDER BY p.id LIMIT 1) s) SELECT * FROM w ORDER BY id;
WITH ins AS (INSERT INTO n27lateral_out (uid, title) SELECT u.id, s.t FROM n27lateral_u u, LATERAL (SELECT p.title AS t FROM n27lateral_p p WHERE p.uid = u.id ORDER BY p.id LIMIT 1) s RETURNING uid, title) SELECT * FROM ins ORDER BY uid;
