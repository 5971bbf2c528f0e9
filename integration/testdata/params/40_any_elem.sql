-- A parameter compared with ANY, SOME or ALL of an array takes the
-- array's element type, as PostgreSQL resolves unknown = ANY (anyarray);
-- of a subquery, the subquery's column type. raftsql left $1 = ANY (tags)
-- unknown and described $1 <> ALL (tags) as text[] (a client then sends a
-- string as an array and fails); a parameter read by a transaction's own
-- new table is typed from that table.
CREATE TABLE pa_t (id int PRIMARY KEY, tags text[], nums int[], ts timestamptz[], n numeric(6,2));
INSERT INTO pa_t VALUES (1, '{a,b}', '{1,2}', '{"2024-01-01 00:00:00+00"}', 1.5), (2, '{c}', '{3}', NULL, 2.25), (3, NULL, '{}', '{}', NULL);
-- args: a
SELECT id FROM pa_t WHERE $1 = ANY(tags) ORDER BY id;
-- args: a
SELECT id FROM pa_t WHERE $1 <> ALL (tags) ORDER BY id;
-- args: 2
SELECT id FROM pa_t WHERE $1 = SOME (nums) ORDER BY id;
-- args: 3
SELECT id FROM pa_t WHERE $1 > ALL (nums) ORDER BY id;
-- args: 2024-01-01 00:00:00+00
SELECT id FROM pa_t WHERE $1 = ANY (ts) ORDER BY id;
-- args: 2
SELECT id, $1 = ANY (ARRAY[1, 2]) FROM pa_t ORDER BY id;
-- args: 2.25
SELECT id FROM pa_t WHERE $1 = ANY (SELECT n FROM pa_t) ORDER BY id;
-- args: 1
SELECT id, $1 = ANY (nums) AS has FROM pa_t ORDER BY id;
BEGIN;
CREATE TABLE pa_new (id int PRIMARY KEY, v numeric(6,2), d date);
INSERT INTO pa_new VALUES (1, 10.5, '2024-01-01'), (2, 9, '2024-02-01');
-- args: 10
SELECT id FROM pa_new WHERE v > $1 ORDER BY id;
-- args: 2024-01-15
SELECT id FROM pa_new WHERE d < $1 ORDER BY id;
ROLLBACK;
