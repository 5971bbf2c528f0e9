-- Assigned columns whose type the statement does not qualify: an
-- unqualified column of INSERT ... SELECT, UPDATE (also FROM), a column
-- of a subquery or CTE in FROM. PostgreSQL refuses a type with no
-- assignment cast at parse time (42804), also over no rows; raftsql reads
-- the column's declared type from the catalog when it prepares the
-- statement.
CREATE TABLE n28assign2_t (id int4, n numeric, i4 int4, b bool, d date, t text, vc varchar(20), ts timestamp, ia int4[]);
CREATE TABLE n28assign2_s (sid int4, sb bool, sd date, sn numeric, st text, sf4 real, sts timestamptz, sia int4[]);
CREATE TABLE n28assign2_u (uid int4, ub bool);
INSERT INTO n28assign2_s VALUES (1, true, '2024-01-01', 1.5, 'x', 0.1, '2024-01-01 10:00+00', '{1,2}');
INSERT INTO n28assign2_u VALUES (1, false);
-- positions
INSERT INTO n28assign2_t (id, n) SELECT sid, sb FROM n28assign2_s;
INSERT INTO n28assign2_t (id, n) SELECT sid, sb FROM n28assign2_s WHERE false;
INSERT INTO n28assign2_t (id, i4) SELECT sid, sd FROM n28assign2_s;
INSERT INTO n28assign2_t (id, d) SELECT sid, sn FROM n28assign2_s;
INSERT INTO n28assign2_t (id, b) SELECT sid, st FROM n28assign2_s;
INSERT INTO n28assign2_t (id, i4) SELECT sid, sts FROM n28assign2_s;
INSERT INTO n28assign2_t (id, n) SELECT sid, ub FROM n28assign2_s, n28assign2_u;
INSERT INTO n28assign2_t (id, n) SELECT sid, ub FROM n28assign2_s JOIN n28assign2_u ON sid = uid;
INSERT INTO n28assign2_t (id, n) SELECT x, y FROM (SELECT sid AS x, sb AS y FROM n28assign2_s) q;
INSERT INTO n28assign2_t (id, n) SELECT q.x, q.y FROM (SELECT sid AS x, sb AS y FROM n28assign2_s) q;
INSERT INTO n28assign2_t (id, n) WITH c AS (SELECT sid, sb FROM n28assign2_s) SELECT sid, sb FROM c;
UPDATE n28assign2_t SET n = sb FROM n28assign2_s WHERE id = sid;
UPDATE n28assign2_t SET n = sb FROM n28assign2_s;
UPDATE n28assign2_t SET n = b;
UPDATE n28assign2_t SET i4 = d WHERE false;
UPDATE n28assign2_t SET ia = ub FROM n28assign2_s, n28assign2_u WHERE sid = uid;
UPDATE n28assign2_t SET n = q.y FROM (SELECT sid AS x, sb AS y FROM n28assign2_s) q WHERE id = q.x;
UPDATE n28assign2_t SET i4 = v.a FROM (VALUES (true)) v(a);
-- allowed: assignment casts and I/O to string types, converted as PostgreSQL converts
INSERT INTO n28assign2_t (id, n, i4, t, vc, ts, ia) SELECT sid, sid, sn, sd, sb, sts, sia FROM n28assign2_s RETURNING id, n, i4, t, vc, ts, ia;
-- a real column into a string column is float4out's text, not its double
INSERT INTO n28assign2_t (id, t, vc) SELECT sid + 10, sf4, sf4 FROM n28assign2_s RETURNING id, t, vc;
UPDATE n28assign2_t SET t = sf4, vc = sf4 FROM n28assign2_s WHERE id = sid RETURNING id, t, vc;
INSERT INTO n28assign2_t (id, t) SELECT sid + 20, sf4 * 2 FROM n28assign2_s RETURNING id, t;
UPDATE n28assign2_t SET n = q.y * 2, t = q.z FROM (SELECT sid AS x, sn AS y, sf4 AS z FROM n28assign2_s) q WHERE id = q.x RETURNING id, n, t;
SELECT id, n, i4, t, vc, ts, ia FROM n28assign2_t ORDER BY id;
