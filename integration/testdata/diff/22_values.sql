-- values: answers that once differed silently in value. A view's boolean
-- expression columns (t/f, described bool, in text, JSON and COPY, views
-- of views, aggregates); repeated column names of derived tables, CTEs
-- and views; UNION keeps the first of equal numerics; real aggregates
-- and arrays in JSON and text; SELECT DISTINCT *.
CREATE TABLE vl_a (id int PRIMARY KEY, flag boolean, r real, n numeric, t text, g int);
INSERT INTO vl_a VALUES (1, true, 1.1, 1.5, 'ab', 1), (2, false, 2.2, 1.50, 'cd', 1), (3, NULL, 3.3, 2, NULL, 2);
CREATE VIEW vl_v AS SELECT id, flag AND id > 1 AS f, id > 1 AS c, t IS NULL AS isn, EXISTS (SELECT 1 FROM vl_a b WHERE b.id = vl_a.id + 1) AS ex, id IN (1, 2) AS inn, t LIKE 'a%' AS lk, CASE WHEN id = 1 THEN true ELSE false END AS cs, NOT flag AS nf, flag FROM vl_a;
SELECT * FROM vl_v ORDER BY id;
SELECT f::text, c::text, concat(f, c), f || '', format('%s', isn) FROM vl_v ORDER BY id;
SELECT json_build_object('f', f, 'c', c), to_json(c), to_jsonb(ex) FROM vl_v ORDER BY id;
SELECT row_to_json(vl_v) FROM vl_v ORDER BY id;
SELECT * FROM vl_v WHERE c AND NOT isn ORDER BY id;
SELECT count(*) FILTER (WHERE c), bool_or(lk), bool_and(inn) FROM vl_v;
CREATE VIEW vl_w (i, big, nm) AS SELECT id, id > 1, t ~ 'a' FROM vl_a;
SELECT * FROM vl_w ORDER BY i;
CREATE VIEW vl_w2 AS SELECT i, big OR nm AS either, NOT big AS small, big FROM vl_w;
SELECT * FROM vl_w2 ORDER BY i;
SELECT i, either::text, concat(either, small), to_jsonb(small) FROM vl_w2 ORDER BY i;
CREATE VIEW vl_w3 AS WITH c AS (SELECT id, id > 2 AS hi FROM vl_a) SELECT id, hi, hi IS TRUE AS hit FROM c;
SELECT * FROM vl_w3 ORDER BY id;
CREATE VIEW vl_w4 AS SELECT g, count(*) > 1 AS many, bool_and(flag) AS alltrue, max(id) > 2 AS mx FROM vl_a GROUP BY g;
SELECT * FROM vl_w4 ORDER BY g;
CREATE VIEW vl_w5 AS SELECT id, CASE WHEN id > 1 THEN flag ELSE true END AS cb, coalesce(flag, false) AS cf, id BETWEEN 1 AND 2 AS btw, t IS DISTINCT FROM 'ab' AS dist FROM vl_a;
SELECT * FROM vl_w5 ORDER BY id;
CREATE VIEW vl_w6 AS SELECT id > 1 AS x FROM vl_a UNION SELECT flag FROM vl_a;
SELECT * FROM vl_w6 ORDER BY 1;
SELECT * FROM (SELECT * FROM vl_v) s WHERE f IS NOT NULL ORDER BY id;
SELECT v.c, w.big FROM vl_v v JOIN vl_w w ON w.i = v.id ORDER BY v.id;
SELECT * FROM (SELECT 1 AS k, 2 AS k) d;
WITH c AS (SELECT 1 AS k, 2 AS k) SELECT * FROM c;
SELECT * FROM (SELECT 1 AS k, 2 AS k UNION SELECT 3, 4) u ORDER BY 1;
SELECT * FROM (SELECT * FROM vl_a x JOIN vl_a y ON x.id = y.id) s ORDER BY 1 LIMIT 1;
CREATE VIEW vl_d AS SELECT 1 AS k, 2 AS k;
CREATE VIEW vl_d AS SELECT x.id, y.id FROM vl_a x JOIN vl_a y USING (id);
CREATE VIEW vl_d (a, b) AS SELECT 1 AS k, 2 AS k;
-- differs-type: an integer constant column of a view is described as int8 (PostgreSQL: int4)
SELECT * FROM vl_d;
CREATE OR REPLACE VIEW vl_d AS SELECT 1 AS a, 2 AS a;
SELECT 1.50 UNION SELECT 1.5;
SELECT 1.5 UNION SELECT 1.50;
SELECT n FROM vl_a UNION SELECT 1.500 ORDER BY 1;
SELECT 1.500 UNION SELECT n FROM vl_a ORDER BY 1;
SELECT 1.50, 'a' UNION SELECT 1.5, 'a' UNION SELECT 1.500, 'a';
WITH c AS (SELECT n FROM vl_a) SELECT n FROM c UNION DISTINCT SELECT 1.5000 ORDER BY 1;
SELECT id, flag FROM vl_a UNION SELECT 1, true UNION SELECT 9, NULL ORDER BY 1, 2;
SELECT DISTINCT n FROM vl_a ORDER BY 1;
SELECT n, count(*) FROM vl_a GROUP BY n ORDER BY 1;
SELECT DISTINCT * FROM vl_a ORDER BY id;
SELECT json_build_object('s', sum(r)), jsonb_build_object('s', sum(r), 'mx', max(r), 'a', avg(r)), to_json(min(r)), to_jsonb(max(r)) FROM vl_a;
SELECT json_build_object('s', sum(n), 'mx', max(n), 'a', avg(n), 'c', count(*), 'b', bool_and(flag), 'mi', min(id)) FROM vl_a;
SELECT g, json_build_object('r', sum(r), 'n', sum(n)) FROM vl_a GROUP BY g ORDER BY g;
SELECT array_agg(r ORDER BY id), array_agg(DISTINCT r), array_agg(r ORDER BY id)::text FROM vl_a;
SELECT array_to_string(array_agg(r ORDER BY id), ','), array_to_string(array_agg(flag ORDER BY id), ','), array_to_string(array_agg(n ORDER BY id), ',') FROM vl_a;
SELECT array_agg(n ORDER BY id)::text, array_agg(t ORDER BY id)::text, array_agg(flag ORDER BY id)::text, array_agg(id ORDER BY id)::text FROM vl_a;
SELECT to_json(array_agg(r ORDER BY id)), to_json(array_agg(id ORDER BY id)), to_json(array_agg(n ORDER BY id)), to_jsonb(array_agg(flag ORDER BY id)) FROM vl_a;
SELECT json_build_object('ids', array_agg(id ORDER BY id), 'ts', array_agg(t ORDER BY id)) FROM vl_a;
SELECT to_json(array_agg(DISTINCT id)), to_json(array_agg(id > 1 ORDER BY id)) FROM vl_a;
SELECT to_json(array_agg(x)) FROM (VALUES (1.50), (2)) v(x);
SELECT sum(r), avg(r), sum(r) FILTER (WHERE id > 1), avg(r) FILTER (WHERE id > 1) FROM vl_a;
SELECT id, sum(r) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), sum(r) OVER (ORDER BY id) FROM vl_a ORDER BY id;
