-- Assignments whose value type has no assignment cast to the column's
-- type: PostgreSQL refuses them at parse time (42804), also over no rows
-- and for a NULL of that type; those with one are converted.
CREATE TABLE n27assigncast_t (id int4 PRIMARY KEY, n numeric, n2 numeric(10,2), i4 int4, b bool, f4 real, f8 float8, t text, vc varchar(30), ch char(20), ts timestamp, tz timestamptz, d date, j jsonb, ia int4[], ta text[]);
CREATE TABLE n27assigncast_e (id int4 PRIMARY KEY, n numeric, b bool, i4 int4, ia int4[]);
CREATE TABLE n27assigncast_s (id int4, b bool, i4 int4, d date, j jsonb, ia int4[], f4 real);
INSERT INTO n27assigncast_s VALUES (1, true, 7, '2024-02-29', '{"a": 1}', '{1,2}', 0.1), (2, NULL, NULL, NULL, NULL, NULL, NULL);
-- positions
INSERT INTO n27assigncast_t (id, n) VALUES (1, true);
INSERT INTO n27assigncast_t (id, n) VALUES (1, NULL::bool);
INSERT INTO n27assigncast_t (id, i4) VALUES (1, 1), (2, 2.5::float8), (3, false);
INSERT INTO n27assigncast_t (id, b) VALUES (1, 1);
INSERT INTO n27assigncast_t (id, b) VALUES (1, 1::int4);
INSERT INTO n27assigncast_t (id, ts) VALUES (1, 1::int4);
INSERT INTO n27assigncast_t (id, d) VALUES (1, 2.5);
INSERT INTO n27assigncast_t (id, j) VALUES (1, 1.5::numeric);
INSERT INTO n27assigncast_t (id, ia) VALUES (1, ARRAY[true]);
INSERT INTO n27assigncast_t (id, ia) VALUES (1, ARRAY['a'::text]);
INSERT INTO n27assigncast_t (id, ta) VALUES (1, 5::int4);
INSERT INTO n27assigncast_t (id, n) SELECT 1, true;
INSERT INTO n27assigncast_t (id, n) SELECT s.id, s.b FROM n27assigncast_s s;
INSERT INTO n27assigncast_t (id, n) SELECT e.id, e.b FROM n27assigncast_e e;
INSERT INTO n27assigncast_t (id, j) SELECT s.id, s.d FROM n27assigncast_s s WHERE false;
UPDATE n27assigncast_t SET i4 = true;
UPDATE n27assigncast_t SET d = 1::int4 WHERE id = 1;
UPDATE n27assigncast_t SET b = NULL::int4;
UPDATE n27assigncast_t t SET n = s.b FROM n27assigncast_s s WHERE t.id = s.id;
UPDATE n27assigncast_t t SET ia = s.j FROM n27assigncast_s s WHERE t.id = s.id;
UPDATE n27assigncast_e SET b = n27assigncast_e.i4;
INSERT INTO n27assigncast_e AS a (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = excluded.b;
INSERT INTO n27assigncast_e AS a (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET ia = excluded.i4;
INSERT INTO n27assigncast_e AS a (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET b = now();
INSERT INTO n27assigncast_e AS a (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET b = a.i4;
-- allowed: assignment casts, I/O to string types, unknown literals, arrays of assignable elements
INSERT INTO n27assigncast_t (id, n, n2, i4, f4, f8, t, vc, ch, ts, tz, d, j, ia, ta) VALUES (1, 1.5::float8, 2::int8, 2.5::numeric, 1.5::numeric, 7::int2, true, 1.5::real, '2024-02-29'::date, '2024-02-29'::date, '2024-02-29 10:00'::timestamp, '2024-02-29 10:00'::timestamp, '{"a": 1}'::json, ARRAY[2::int8], ARRAY[1, 2]) RETURNING *;
INSERT INTO n27assigncast_t (id, b, t, vc, ch, ia, ta, j) VALUES (2, 't', 0.1::real, 0.1::real, 0.1::real, '{1,2}', '{x}', '1') RETURNING id, b, t, vc, ch, ia, ta, j;
INSERT INTO n27assigncast_t (id, t, vc, ch, n) SELECT s.id + 10, s.f4, s.f4, s.f4, s.i4 FROM n27assigncast_s s RETURNING id, t, vc, ch, n;
UPDATE n27assigncast_t t SET vc = s.b, ta = s.ia, f8 = s.i4 FROM n27assigncast_s s WHERE t.id = s.id RETURNING t.id, t.vc, t.ta, t.f8;
UPDATE n27assigncast_t SET t = 3.25::real * 2, vc = -1.5e-5::real WHERE id = 2 RETURNING t, vc;
INSERT INTO n27assigncast_e AS a (id, n, i4) VALUES (1, 1, 2) ON CONFLICT (id) DO UPDATE SET n = excluded.i4 RETURNING *;
INSERT INTO n27assigncast_e AS a (id, n, i4) VALUES (1, 1, 3) ON CONFLICT (id) DO UPDATE SET n = excluded.i4, i4 = excluded.n + 1 RETURNING *;
SELECT * FROM n27assigncast_t ORDER BY id;
INSERT INTO n27assigncast_e (id, ia) VALUES (9, ARRAY[1.6::numeric]) RETURNING id, ia;
