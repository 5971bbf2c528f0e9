-- JSON of typed values and interval order (issue 11, json11): the JSON
-- constructors print booleans, numerics, timestamps, arrays and nested
-- json as PostgreSQL; a table's whole row as JSON; interval columns order
-- by value.
CREATE TABLE jt_vals (id int PRIMARY KEY, b boolean, n numeric(10,2), ts timestamp, tz timestamptz, d date, tm time, u uuid, iv interval, j json, jb jsonb, arr int[], tarr text[], f float8);
INSERT INTO jt_vals VALUES
 (1, true, 2.50, '2024-01-02 03:04:05', '2024-01-02 03:04:05.123+00', '2024-01-02', '03:04:05', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 mon 2 days', '{"x":1}', '{"b":1,"a":2}', '{1,2,3}', '{a,"b c",NULL}', 1.5),
 (2, false, -0.10, '2023-12-31 23:59:59.5', '2023-06-01 12:00:00+02', '2023-12-31', '23:59:59.999999', NULL, '3 days', '[1, 2]', '[]', '{}', '{}', -2),
 (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '25:00:00', NULL, NULL, NULL, NULL, NULL);
SELECT json_build_object('b', b, 'n', n, 'ts', ts, 'tz', tz, 'd', d, 'tm', tm, 'u', u, 'iv', iv, 'j', j, 'jb', jb, 'arr', arr, 'tarr', tarr, 'f', f) FROM jt_vals ORDER BY id;
SELECT jsonb_build_object('b', b, 'n', n, 'ts', ts, 'tz', tz, 'arr', arr, 'j', j) FROM jt_vals ORDER BY id;
SELECT json_build_array(b, n, ts, arr) FROM jt_vals ORDER BY id;
SELECT json_agg(b ORDER BY id), jsonb_agg(n ORDER BY id), json_agg(tz ORDER BY id) FROM jt_vals;
SELECT to_json(b), to_jsonb(n), to_json(ts), to_jsonb(tz), array_to_json(arr), to_json(tarr) FROM jt_vals ORDER BY id;
SELECT json_object_agg(id, b ORDER BY id), jsonb_object_agg(id, n) FROM jt_vals;
SELECT json_build_object('gt', id > 1, 'isnull', n IS NULL, 'lit', true, 'cast', '1.50'::numeric) FROM jt_vals ORDER BY id;
SELECT row_to_json(v) FROM jt_vals v ORDER BY id;
SELECT to_jsonb(jt_vals) FROM jt_vals WHERE id = 1;
SELECT json_agg(v ORDER BY id) FROM jt_vals v WHERE id < 3;
SELECT json_agg(s) FROM (SELECT id, b, n, arr, id > 1 AS big FROM jt_vals ORDER BY id) s;
SET TimeZone = 'America/New_York';
SELECT to_json(tz), json_build_object('tz', tz) FROM jt_vals ORDER BY id;
RESET TimeZone;
CREATE TABLE jt_iv (id int PRIMARY KEY, iv interval);
CREATE INDEX jt_iv_iv ON jt_iv (iv);
INSERT INTO jt_iv VALUES (1, '1 mon'), (2, '3 days'), (3, '1 year'), (4, '02:00:00'), (5, '-1 days'), (6, NULL), (7, '1 day 01:00:00');
SELECT id, iv FROM jt_iv ORDER BY iv, id;
SELECT id FROM jt_iv ORDER BY iv DESC NULLS LAST, id;
SELECT max(iv), min(iv) FROM jt_iv;
SELECT id FROM jt_iv WHERE iv > '2 days' ORDER BY id;
SELECT id FROM jt_iv WHERE iv BETWEEN '1 day' AND '1 mon' ORDER BY id;
SELECT count(*) FROM jt_iv WHERE iv = '30 days';
SELECT json_agg(s.big ORDER BY id), json_agg(n ORDER BY id) FROM (SELECT id, id > 1 AS big, n FROM jt_vals) s;
