-- Queries applications send (issue 11, appprobe): each case gave another
-- answer than PostgreSQL 15 without an error.
CREATE TABLE aq_orders (id int PRIMARY KEY, total numeric(12,2), ship_by date, placed_at timestamptz, duration interval, scores int[], tags text[], paid boolean);
INSERT INTO aq_orders VALUES
 (1, 100.00, '2024-01-20', '2024-01-16 10:00:00+00', '2 days 03:00:00', '{10,20}', '{a,b}', true),
 (2, 19.99, '2024-06-01', '2024-06-01 03:00:00+00', '00:00:01.5', '{5}', '{}', false),
 (3, -0.50, NULL, '2024-06-01 04:00:00+00', NULL, NULL, '{c}', true);
-- date - date is an integer (a trailing ::date typed the whole item)
SELECT id, ship_by - placed_at::date, ship_by - '2024-01-01'::date FROM aq_orders ORDER BY id;
-- ceil/floor of a whole numeric
SELECT id, ceil(total), floor(total) FROM aq_orders ORDER BY id;
-- an array column || an element
SELECT id, scores || 4, 0 || scores, tags || 'z'::text FROM aq_orders ORDER BY id;
-- EXTRACT of an interval column whose text looks like a time of day
SELECT id, extract(day from duration), extract(epoch from duration), extract(hour from duration + duration) FROM aq_orders ORDER BY id;
SELECT id, date_part('day', duration), date_part('month', aq_orders.duration) FROM aq_orders ORDER BY id;
-- a date beside a timestamptz is the session zone's midnight
SET TIME ZONE 'America/New_York';
SELECT id, placed_at >= '2024-06-01'::date, placed_at = '2024-06-01'::date, placed_at - '2024-06-01'::date FROM aq_orders ORDER BY id;
SELECT count(*) FROM aq_orders WHERE placed_at BETWEEN '2024-06-01'::date AND '2024-06-02'::date;
SELECT to_timestamp('2024-05-06 07:08', 'YYYY-MM-DD HH24:MI'), make_timestamptz(2024, 3, 10, 2, 30, 0), make_timestamptz(2024, 11, 3, 1, 30, 0), make_timestamptz(2024, 7, 1, 12, 0, 0, 'UTC');
RESET TimeZone;
-- JSON: array_to_json(array_agg(...)), DISTINCT aggregates, constants, jsonb - text[]
CREATE TABLE aq_docs (id int PRIMARY KEY, j jsonb, k json, b boolean, n numeric(10,2), s text);
INSERT INTO aq_docs VALUES
 (1, '{"a":1,"b":2}', '{"x" : 1.50}', true, 1.50, 'ab'),
 (2, '["a", 1]', '1e2', false, 2.00, NULL),
 (3, '{}', '-0.0', true, 1.50, 'x'),
 (4, '1.50', '1.50', NULL, NULL, 'ab'),
 (5, '100000000000000000000001', '[1, 2]', NULL, NULL, NULL),
 (6, '1.0', 'null', NULL, NULL, NULL);
SELECT id, j, k FROM aq_docs ORDER BY id;
SELECT array_to_json(array_agg(row_to_json(t))) FROM (SELECT id, s FROM aq_docs WHERE id < 4 ORDER BY id) t;
SELECT array_to_json(array_agg(b ORDER BY id)), array_to_json(array_agg(n ORDER BY id)), array_to_json(array_agg(j ORDER BY id)) FROM aq_docs WHERE id < 4;
SELECT jsonb_agg(DISTINCT b), json_agg(DISTINCT n), json_agg(DISTINCT n ORDER BY n DESC), array_agg(DISTINCT s), string_agg(DISTINCT s, ','), array_agg(DISTINCT b) FROM aq_docs;
SELECT jsonb_build_array(1.10, n, -2.50, 3), json_build_object('a', 1.10) FROM aq_docs WHERE id = 1;
SELECT '{"a":1,"b":2}'::jsonb - '{a}'::text[], j - '{a}'::text[], j - ARRAY['a','b'] FROM aq_docs WHERE id < 4 ORDER BY id;
-- jsonb equality and order go by value
SELECT '1.50'::jsonb = '1.5'::jsonb, '{"a":1}'::jsonb = '{"a":1.0}'::jsonb, '[1,2,3]'::jsonb > '[1,3]'::jsonb, '{"b":1}'::jsonb > '{"a":1,"b":1}'::jsonb;
SELECT id FROM aq_docs ORDER BY j, id;
SELECT id FROM aq_docs WHERE j = '1.5' ORDER BY id;
SELECT id FROM aq_docs WHERE j->'a' = '1.0' ORDER BY id;
SELECT count(DISTINCT j) FROM aq_docs;
-- the alias of a jsonb_array_elements FROM item is its value
SELECT item, item->>'a' FROM jsonb_array_elements('[{"a":1}, 2]') item ORDER BY item;
SELECT d.id, x FROM aq_docs d, jsonb_array_elements_text(d.j) AS x WHERE d.id = 2 ORDER BY x;
