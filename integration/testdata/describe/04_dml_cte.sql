-- Data-modifying statements in WITH are described (Parse/Describe) as their main statement
CREATE TABLE dd_src (id int PRIMARY KEY, v int, b boolean, n numeric(10,2), t text, iv interval);
CREATE TABLE dd_dst (id int PRIMARY KEY, v int, b boolean, n numeric(10,2), t text, iv interval);
INSERT INTO dd_src VALUES (1, 10, true, 1.5, 'a', '1 day'), (2, 20, false, 2.25, 'b', '2 hours'), (3, 30, NULL, 10, NULL, NULL);
WITH d AS (DELETE FROM dd_src WHERE id = 1 RETURNING *) SELECT * FROM d;
WITH d AS (DELETE FROM dd_src WHERE id = 2 RETURNING *) INSERT INTO dd_dst SELECT * FROM d RETURNING id, b, n, iv;
WITH u AS (UPDATE dd_src SET v = v + 1 RETURNING id, v * 2 AS dbl, n + 1 AS n1, NOT b AS nb, t || 'x' AS tx) SELECT * FROM u;
WITH u AS (UPDATE dd_src SET v = v + 1 RETURNING id) SELECT count(*), max(id) FROM u;
WITH u AS (UPDATE dd_src SET v = 0 WHERE id = 3 RETURNING id, iv, n) SELECT id::text, iv, n FROM u ORDER BY iv;
