-- A view's expression columns keep their PostgreSQL types inside the
-- statements that read the view (issue 11): JSON, arithmetic, date,
-- interval and jsonb operators, casts, aggregates, views of views, and a
-- write reading a view (docs/sql-dialect.md, "Views").
CREATE TABLE vw_t (id int PRIMARY KEY, amount numeric(10,2), r real, f float8, s smallint, i int, b bigint, created timestamptz, dd date, iv interval, doc jsonb, tags text[], u uuid, name text);
INSERT INTO vw_t VALUES (1, 10.50, 1.5, 2.25, 3, 40, 5000000000, '2024-01-02 03:04:05+00', '2024-02-29', '1 day 2 hours', '{"k": {"x": 1, "y": "s"}, "n": 2}', '{a,b}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'one'), (2, 3.25, 2.5, 9.5, 7, 2, 9, '2023-06-01 00:00:00+00', '2023-12-31', '3 days', '{"k": {"x": 5}, "n": 1}', '{c}', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 'two'), (3, 100.00, -1.25, 0.5, -2, 300, -7, '2025-03-04 05:06:07+00', '2025-01-01', '-1 hours', '{"k": {"x": 10}, "n": 3}', '{}', 'c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13', 'three');
CREATE VIEW vw_v AS SELECT id, amount * 2 AS dbl, r * 2 AS r2, f + 1 AS f1, s + s AS s2, i * 3 AS i3, b - 1 AS b1, created + interval '1 day' AS due, dd + 1 AS d1, iv * 2 AS iv2, doc -> 'k' AS k, tags || 'z'::text AS tags2, u AS u0, created::date AS cd, upper(name) AS un, amount AS a0, round(amount, 1) AS ra FROM vw_t;
CREATE VIEW vw_vv AS SELECT id, dbl + 1 AS dbl1, due, k, d1 FROM vw_v;
SELECT * FROM vw_v ORDER BY id;
SELECT id, to_json(dbl), to_json(r2), to_json(f1), to_json(s2), to_json(i3), to_json(b1) FROM vw_v ORDER BY id;
SELECT id, to_json(due), to_json(d1), to_json(iv2), to_json(k), to_json(tags2), to_json(u0), to_json(cd) FROM vw_v ORDER BY id;
SELECT id, to_json(due), to_json(d1), to_json(iv2), to_json(k), to_json(u0), to_json(cd) FROM vw_v ORDER BY id;
SELECT json_build_object('d', dbl, 'due', due, 'k', k, 'i', i3) FROM vw_v ORDER BY id;
SELECT jsonb_build_object('d', dbl, 'due', due, 'k', k, 'cd', cd) FROM vw_v ORDER BY id;
SELECT row_to_json(v) FROM vw_v v ORDER BY id;
SELECT json_agg(dbl ORDER BY id) FROM vw_v;
SELECT id, to_jsonb(dbl), to_jsonb(due), to_jsonb(iv2) FROM vw_v ORDER BY id;
SELECT id, dbl + 1, dbl * 3, dbl / 3 FROM vw_v ORDER BY id;
SELECT id, r2 + 1, f1 / 3, s2 + 1, i3 * 2, b1 + 1 FROM vw_v ORDER BY id;
SELECT id, s2 + 32767 FROM vw_v ORDER BY id;
SELECT id, i3 * 100000000 FROM vw_v ORDER BY id;
SELECT id, i3 / 7, s2 / 4, b1 / 2 FROM vw_v ORDER BY id;
SELECT id, due + interval '1 day', due - interval '1 hour' FROM vw_v ORDER BY id;
SELECT id, d1 - 1, d1 + 7, d1 - date '2024-01-01' FROM vw_v ORDER BY id;
SELECT id, iv2 * 2, iv2 + interval '1 hour' FROM vw_v ORDER BY id;
SELECT id, k ->> 'x', k -> 'x', k ? 'y', k @> '{"x": 1}' FROM vw_v ORDER BY id;
-- differs-type: jsonb || over a column whose type is known only at run time is described as text (a table's jsonb column too)
SELECT id, jsonb_typeof(k), k || '{"z": 0}' FROM vw_v ORDER BY id;
-- differs: a numeric expression column of a view compares with a number constant as text (SQLite gives it no affinity): wrong rows
SELECT id FROM vw_v WHERE dbl > 10 ORDER BY id;
-- differs: a numeric expression column of a view compares with a number constant as text (SQLite gives it no affinity): wrong rows
SELECT id FROM vw_v WHERE dbl > 9.5 ORDER BY id;
SELECT id FROM vw_v WHERE dbl > '10' ORDER BY id;
SELECT id FROM vw_v ORDER BY dbl;
SELECT id FROM vw_v ORDER BY r2 DESC;
SELECT id FROM vw_v ORDER BY iv2;
SELECT id FROM vw_v ORDER BY k;
SELECT sum(dbl), avg(dbl), max(dbl), min(dbl) FROM vw_v;
SELECT sum(r2), sum(f1), sum(s2), sum(i3), sum(b1) FROM vw_v;
SELECT sum(iv2), max(due), min(d1) FROM vw_v;
SELECT id, dbl::text, r2::text, f1::text, due::text, d1::text, iv2::text, k::text, tags2::text FROM vw_v ORDER BY id;
SELECT id, concat(dbl, '|', due, '|', k, '|', tags2) FROM vw_v ORDER BY id;
SELECT id, 'x' || dbl || due FROM vw_v ORDER BY id;
SELECT id, format('%s %s', dbl, iv2) FROM vw_v ORDER BY id;
SELECT id, tags2[1], array_length(tags2, 1), cardinality(tags2) FROM vw_v ORDER BY id;
SELECT id, u0::text, cd + 1, extract(year from due), date_trunc('month', due) FROM vw_v ORDER BY id;
SELECT id, to_char(dbl, '999.99'), to_char(due, 'YYYY-MM-DD') FROM vw_v ORDER BY id;
SELECT id, round(dbl, 1), abs(r2), ceil(f1), dbl % 7 FROM vw_v ORDER BY id;
SELECT id, greatest(dbl, 10), coalesce(dbl, 0), nullif(dbl, 21) FROM vw_v ORDER BY id;
-- differs: a numeric expression column of a view compares with a number constant as text (SQLite gives it no affinity)
SELECT id, dbl = 21, dbl = 21.0, r2 = 3 FROM vw_v ORDER BY id;
-- differs: a numeric expression column of a view compares with a number constant as text (SQLite gives it no affinity)
SELECT id, dbl BETWEEN 5 AND 30 FROM vw_v ORDER BY id;
-- differs: a numeric expression column of a view compares with a number constant as text (SQLite gives it no affinity)
SELECT id, CASE WHEN dbl > 10 THEN 'big' ELSE 'small' END FROM vw_v ORDER BY id;
SELECT id, a0, a0 + 1, to_json(a0), ra, to_json(ra), ra + 0.05 FROM vw_v ORDER BY id;
SELECT id, un, length(un), lower(un) FROM vw_v ORDER BY id;
SELECT pg_typeof(dbl), pg_typeof(due), pg_typeof(d1), pg_typeof(k), pg_typeof(iv2) FROM vw_v ORDER BY id LIMIT 1;
SELECT id, due > '2024-06-01'::timestamptz, d1 < '2024-06-01' FROM vw_v ORDER BY id;
SELECT array_agg(dbl ORDER BY id), string_agg(dbl::text, ',' ORDER BY id) FROM vw_v;
SELECT id, dbl::int, r2::int, f1::numeric, due::date FROM vw_v ORDER BY id;
SELECT (SELECT max(dbl) FROM vw_v) + 1;
SELECT v.id, v.dbl + t.amount FROM vw_v v JOIN vw_t t ON t.id = v.id ORDER BY v.id;
SELECT id, dbl1, to_json(dbl1), dbl1 + 1 FROM vw_vv ORDER BY id;
SELECT id, to_json(due), due + interval '1 day', k ->> 'x', d1 - 1 FROM vw_vv ORDER BY id;
SELECT id FROM vw_vv ORDER BY dbl1 DESC;
CREATE TABLE vw_copy (id int PRIMARY KEY, j json, d date, n numeric);
INSERT INTO vw_copy SELECT id, json_build_object('d', dbl, 'due', due), d1, dbl + 1 FROM vw_v;
SELECT * FROM vw_copy ORDER BY id;
