-- Assigned expressions whose type follows their arguments': CASE,
-- coalesce, greatest, least, nullif, array functions, aggregates,
-- date_trunc, date/time and || operators, arithmetic over columns.
-- PostgreSQL refuses a type with no assignment cast at parse time (42804).
CREATE TABLE n28assign2_xt (id int4, n numeric, i4 int4, i8 int8, b bool, d date, t text, ia int4[], ts timestamp, iv interval);
CREATE TABLE n28assign2_xs (sid int4, sb bool, sd date, sn numeric, st text, sf4 real, sts timestamp, sia int4[], sta text[], siv interval, svc varchar(5));
INSERT INTO n28assign2_xs VALUES (1, true, '2024-01-01', 1.5, 'x', 0.1, '2024-01-01 10:00', '{1,2}', '{a}', '1 day', 'v');
-- positions
INSERT INTO n28assign2_xt (id, n) VALUES (1, greatest(true::bool, false));
INSERT INTO n28assign2_xt (id, n) VALUES (1, coalesce(NULL::bool, true));
INSERT INTO n28assign2_xt (id, n) VALUES (1, nullif(true::bool, false));
INSERT INTO n28assign2_xt (id, n) VALUES (1, CASE WHEN true THEN 1::bool ELSE false END);
INSERT INTO n28assign2_xt (id, b) VALUES (1, CASE WHEN true THEN 1 ELSE 2 END);
INSERT INTO n28assign2_xt (id, b) VALUES (1, least(1::int8, 2));
INSERT INTO n28assign2_xt (id, b) VALUES (1, coalesce(NULL, 2.5));
INSERT INTO n28assign2_xt (id, i4) VALUES (1, array_append(ARRAY[1], 2));
INSERT INTO n28assign2_xt (id, i4) VALUES (1, array_cat(ARRAY[1], ARRAY[2]));
INSERT INTO n28assign2_xt (id, i4) VALUES (1, date_trunc('day', '2024-01-01 10:00'::timestamp));
INSERT INTO n28assign2_xt (id, b) VALUES (1, length('abc'));
INSERT INTO n28assign2_xt (id, i4) VALUES (1, now());
INSERT INTO n28assign2_xt (id, n) VALUES (1, to_char(1, '9'));
INSERT INTO n28assign2_xt (id, d) VALUES (1, 1.5 * 2);
INSERT INTO n28assign2_xt (id, ts) VALUES (1, '2024-01-01'::date - '2023-01-01'::date);
INSERT INTO n28assign2_xt (id, ia) VALUES (1, '1 day'::interval + '2024-01-01'::timestamp);
INSERT INTO n28assign2_xt (id, b) SELECT 1, sum(sn) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, count(*) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, max(sd) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, d) SELECT 1, avg(sid) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, d) SELECT 1, sum(sid) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, string_agg(st, ',') FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, array_agg(sid) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, i4) SELECT 1, array_append(sia, 1) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, sta || 'x'::text FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, st || 'x' FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, d) SELECT 1, sn + 1 FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, d) SELECT 1, sid + 1 FROM n28assign2_xs WHERE false;
INSERT INTO n28assign2_xt (id, i4) SELECT 1, sts - sts FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, i4) SELECT 1, sts + siv FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, sf4 * 2 FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, b) SELECT 1, greatest(sn, 1) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, n) SELECT 1, coalesce(sb, false) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, n) SELECT 1, CASE WHEN sb THEN sb END FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, d) SELECT 1, greatest(st, svc) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, iv) SELECT 1, st FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, d) SELECT 1, length(st) FROM n28assign2_xs;
INSERT INTO n28assign2_xt (id, iv) SELECT 1, nullif(sts, TIMESTAMP '2024-01-01') FROM n28assign2_xs;
UPDATE n28assign2_xt SET i4 = d - 1;
UPDATE n28assign2_xt SET b = t || 'x';
UPDATE n28assign2_xt SET d = coalesce(sn, sf4) FROM n28assign2_xs;
-- allowed: the same shapes of assignable types
INSERT INTO n28assign2_xt (id, n, i4, i8, t, ia, ts, iv) SELECT sid, greatest(sn, 1), coalesce(sid, 0), sum(sid), st || sd, array_append(sia, 3), date_trunc('hour', sts), sts - sts FROM n28assign2_xs GROUP BY sid, sn, st, sd, sia, sts RETURNING *;
UPDATE n28assign2_xt SET d = d + 1, t = t || 'y', i8 = i4 * 2 RETURNING id, d, t, i8;
