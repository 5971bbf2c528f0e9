-- fuzzw_returning_qualified: a qualified column of the target inside a
-- RETURNING expression that the translation rewrites (jsonb ->, a cast,
-- greatest/least, date/time arithmetic, ||) was dropped with its
-- qualifier, the rewrite having moved the expression into the
-- qualifier's token: 42601 syntax error or 42703 column a.u does not
-- exist. The qualifier is now dropped before the expression pass
-- (dmlChecks; fuzz seeds 5000056, 5000374, 5000420, 6000248).
CREATE TABLE n27fuzzw_q (id int4 PRIMARY KEY, i4 int4, f4 real, d date, ts timestamp, iv interval, j jsonb, u uuid, ta text[]);
INSERT INTO n27fuzzw_q VALUES (1, 7, 1.5, '2024-02-29', '2024-02-29 12:00:00', '1 day', '{"a": 1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{x}');
INSERT INTO n27fuzzw_q AS a (id, ta) VALUES (2, '{a}') RETURNING a.id, (a.ta || ARRAY['b', 'c']) AS r1, (a.ta || ARRAY['abc']) AS r2;
INSERT INTO n27fuzzw_q AS a (id, j, u) VALUES (3, '{"a": [1]}', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11') RETURNING a.id, a.u AS r1, (a.j -> 'a') AS r2, a.j ->> 'a';
INSERT INTO n27fuzzw_q AS a (id, d, ts) VALUES (4, '2023-03-31', '2023-03-31 10:30:00') RETURNING a.id, (a.ts)::date AS r1, least(date_trunc('hour', TIMESTAMP '2024-02-29 12:00:00'), (a.d)::timestamp) AS r2;
UPDATE n27fuzzw_q a SET i4 = a.i4 + 1 WHERE a.id = 1 RETURNING a.id, least((a.f4 / -2.5::float8), (32767)::real) AS r1, a.j -> 'a';
WITH w AS (DELETE FROM n27fuzzw_q a WHERE a.id <= 2 RETURNING a.id, CASE WHEN a.i4 > 0 THEN a.iv ELSE INTERVAL '0' END AS r1, (a.j -> 'a') AS r2) SELECT * FROM w ORDER BY 1;
SELECT * FROM n27fuzzw_q ORDER BY id;
