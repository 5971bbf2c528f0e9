-- Typical ORM and report queries over typed tables: the described result
-- types (see describe_types_test.go). First on empty tables: a
-- description must not depend on the rows.
CREATE TABLE rd_item (id serial PRIMARY KEY, s2 int2, i4 int4, i8 int8, n numeric(10,2), nn numeric, r real, f float8, d date, ts timestamp, tz timestamptz, iv interval, b bool, t text, vc varchar(20), c char(3), u uuid, j jsonb, by bytea, ia int[], ta text[]);
CREATE TABLE rd_order (id int8 PRIMARY KEY, item_id int REFERENCES rd_item(id), qty int, price numeric(12,2), placed date);
SELECT * FROM rd_item;
SELECT count(*), sum(i4), sum(i8), sum(s2), sum(n), avg(i4), avg(n), avg(f), min(d), max(tz), max(iv) FROM rd_item;
SELECT i.t, sum(o.qty * o.price) AS revenue, count(o.id) FROM rd_item i LEFT JOIN rd_order o ON o.item_id = i.id GROUP BY i.t ORDER BY 1;
SELECT date_trunc('month', d) AS m, count(*) FROM rd_item GROUP BY 1 ORDER BY 1;
SELECT i4 + 1, i8 * 2, n * 2, f / 2, s2 + s2, d + 1, ts - ts FROM rd_item;
INSERT INTO rd_item (s2, i4, i8, n, nn, r, f, d, ts, tz, iv, b, t, vc, c, u, j, by, ia, ta) VALUES
 (1, 10, 100, 1.50, 2.125, 1.5, 0.25, '2024-01-15', '2024-01-15 10:30:00', '2024-01-15 10:30:00+00', '1 day 02:00:00', true, 'apple', 'red', 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1, "b": [1, 2]}', '\x0102', '{1,2,3}', '{x,y}'),
 (2, 20, 200, 2.25, 3, 2.5, 0.5, '2024-02-20', '2024-02-20 08:00:00', '2024-02-20 08:00:00+00', '3 hours', false, 'banana', 'yellow', 'cd', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '{"a": 2}', '\x03', '{4}', '{z}'),
 (3, NULL, 300, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO rd_order VALUES (1, 1, 3, 9.99, '2024-03-01'), (2, 1, 1, 19.50, '2024-03-02'), (3, 2, 5, 1.25, '2024-03-05');
-- entities: every column as declared
SELECT * FROM rd_item ORDER BY id;
SELECT id, s2, i4, i8, n, nn, r, f FROM rd_item WHERE id = 1;
SELECT d, ts, tz, iv, b, t, vc, c, u, j, by, ia, ta FROM rd_item WHERE id = 1;
-- aggregates
SELECT count(*), sum(i4), sum(i8), sum(s2), sum(n), sum(r), sum(f), avg(i4), avg(i8), avg(n), avg(f) FROM rd_item;
SELECT min(d), max(ts), min(tz), max(iv), min(t), max(vc), min(c), max(n), min(s2) FROM rd_item;
SELECT item_id, sum(qty), avg(price), max(placed), count(DISTINCT placed) FROM rd_order GROUP BY item_id HAVING sum(qty) > 0 ORDER BY 1;
SELECT stddev(f), variance(i4), stddev_pop(n), bool_and(b), bool_or(b), every(b) FROM rd_item;
SELECT array_agg(i4 ORDER BY id), string_agg(t, ',' ORDER BY id), array_agg(n ORDER BY id), json_agg(i4), jsonb_agg(t) FROM rd_item;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY f), percentile_disc(0.5) WITHIN GROUP (ORDER BY i4), mode() WITHIN GROUP (ORDER BY i4) FROM rd_item;
-- reports by period
SELECT date_trunc('month', d) AS m, count(*) FROM rd_item GROUP BY 1 ORDER BY 1;
SELECT date_trunc('day', ts), date_trunc('hour', tz) FROM rd_item ORDER BY id;
SELECT date_trunc('month', iv) FROM rd_item ORDER BY id;
SELECT extract(year FROM d), date_part('month', ts), extract(epoch FROM iv) FROM rd_item ORDER BY id;
SELECT to_char(d, 'YYYY-MM'), to_char(n, '999.99'), to_char(ts, 'HH24:MI') FROM rd_item ORDER BY id;
-- arithmetic
SELECT i4 + 1, i4 * i8, n * 2, f / 2, s2 + s2, i4 / 2, i4 % 3, -i4, r * 2 FROM rd_item ORDER BY id;
SELECT d + 1, d - 1, ts + interval '1 day', tz - interval '1 hour', ts - ts, d - d, iv * 2 FROM rd_item ORDER BY id;
SELECT i.id, o.qty, o.price, o.qty * o.price AS total FROM rd_item i JOIN rd_order o ON o.item_id = i.id ORDER BY o.id;
SELECT i.t, sum(o.qty * o.price) AS revenue, count(o.id) FROM rd_item i LEFT JOIN rd_order o ON o.item_id = i.id GROUP BY i.t ORDER BY 1;
SELECT max(o.placed - i.d), sum(o.qty * 2), avg(o.price * o.qty) FROM rd_item i JOIN rd_order o ON o.item_id = i.id;
-- functions
SELECT round(n), round(n, 1), round(f), abs(i4), abs(n), ceil(f), floor(n), trunc(n), sign(n) FROM rd_item ORDER BY id;
SELECT gcd(i4, 8), lcm(i8, 2), mod(i4, 3), greatest(i4, 2), least(n, 1.5), greatest(d, ts::date) FROM rd_item ORDER BY id;
SELECT upper(t), lower(vc), length(t), substr(t, 1, 2), t || vc, concat(t, i4), trim(c), left(t, 2) FROM rd_item ORDER BY id;
SELECT coalesce(i4, 0), coalesce(n, 0), coalesce(t, ''), nullif(i8, 0) FROM rd_item ORDER BY id;
SELECT coalesce(d, '2024-01-01') FROM rd_item ORDER BY id;
SELECT CASE WHEN b THEN i4 ELSE 0 END, CASE WHEN b THEN 'y' ELSE 'n' END, CASE WHEN b THEN n END FROM rd_item ORDER BY id;
-- casts
SELECT i4::text, n::int, f::numeric, t::varchar(5), t::char(2), d::timestamp, ts::date, i8::int4, s2::numeric(6,1) FROM rd_item ORDER BY id;
SELECT CAST(t AS varchar(3)), CAST(i4 AS bigint), CAST(n AS float8), tz::text, u::text, j::text FROM rd_item ORDER BY id;
-- json, arrays, uuid, bytea
SELECT j->'a', j->>'a', j #>> '{b,0}', jsonb_typeof(j), j ? 'a' FROM rd_item ORDER BY id;
SELECT ia[1], ta[1], ta[1:1], array_length(ia, 1), cardinality(ta), u, by FROM rd_item ORDER BY id;
SELECT ia || 4, ia || ia FROM rd_item ORDER BY id;
-- windows
SELECT id, row_number() OVER (ORDER BY id), rank() OVER (ORDER BY i4), sum(i4) OVER (ORDER BY id), lag(n) OVER (ORDER BY id), count(*) OVER () FROM rd_item ORDER BY id;
-- subqueries, CTEs, set operations, derived tables
SELECT EXISTS (SELECT 1 FROM rd_order), (SELECT max(qty) FROM rd_order), (SELECT count(*) FROM rd_order) FROM rd_item ORDER BY id;
WITH q AS (SELECT item_id, sum(qty) AS total FROM rd_order GROUP BY item_id) SELECT item_id, total FROM q ORDER BY 1;
SELECT i4, count(*) FROM rd_item GROUP BY i4 UNION ALL SELECT 0, 0 ORDER BY 1;
SELECT x, y FROM (VALUES (1, 'a'), (2, 'b')) v(x, y) ORDER BY x;
SELECT i, i * 2 FROM generate_series(1, 3) i;
-- predicates
SELECT b, NOT b, b AND true, i4 > 1, t LIKE 'a%', t IS NULL, i4 IN (10, 20), d BETWEEN '2024-01-01' AND '2024-12-31' FROM rd_item ORDER BY id;
-- writes with RETURNING
INSERT INTO rd_order VALUES (10, 1, 2, 3.50, '2024-01-01') RETURNING id, qty, price, placed, qty * price;
UPDATE rd_item SET i4 = i4 + 1 WHERE id = 1 RETURNING i4, n, tz, vc, c;
DELETE FROM rd_order WHERE id = 10 RETURNING *;
-- catalogs
SELECT column_name, data_type, character_maximum_length, numeric_precision, is_nullable, udt_name FROM information_schema.columns WHERE table_name = 'rd_item' ORDER BY ordinal_position;
SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE 'rd_%' ORDER BY 1;
SELECT c.relname, c.relkind, a.attname, a.attnum, a.attnotnull FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relname = 'rd_order' AND a.attnum > 0 ORDER BY a.attnum;
CREATE SEQUENCE rd_seq;
CREATE VIEW rd_view AS SELECT id, t FROM rd_item;
SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences WHERE sequence_name = 'rd_seq';
SELECT table_name, view_definition IS NOT NULL FROM information_schema.views WHERE table_name = 'rd_view';
SELECT constraint_name, constraint_type, table_name, is_deferrable FROM information_schema.table_constraints WHERE table_name = 'rd_order' AND constraint_type <> 'CHECK' ORDER BY 1;
SELECT constraint_name, column_name, ordinal_position, position_in_unique_constraint FROM information_schema.key_column_usage WHERE table_name = 'rd_order' ORDER BY 1, 3;
SELECT constraint_name, unique_constraint_name, update_rule, delete_rule FROM information_schema.referential_constraints ORDER BY 1;
SELECT schema_name FROM information_schema.schemata WHERE schema_name = 'public';
SELECT schemaname, tablename FROM pg_tables WHERE tablename LIKE 'rd_%' ORDER BY 2;
SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'rd_order';
-- type modifiers of casts
SELECT ts::timestamp(3), tz::timestamptz(3), iv::interval(2), n::numeric(5), 'x'::char(4), 'y'::varchar(2), CAST(f AS numeric(8,3)) FROM rd_item ORDER BY id;
SELECT ts::timestamp(0) FROM rd_item ORDER BY id;
SELECT table_name, count(*) FROM information_schema.columns WHERE table_name LIKE 'rd_%' GROUP BY table_name ORDER BY 1;
