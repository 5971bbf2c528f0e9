-- An aggregate given a column of a type it has no overload for (nor an
-- implicit cast to one) is refused when PostgreSQL plans the statement:
-- 42883 "function sum(text) does not exist", whatever the rows (an empty
-- table, a false WHERE), at the call.
CREATE TABLE mm_at (id int PRIMARY KEY, t text, v varchar(10), c char(3), d date, ts timestamp, tz timestamptz, tm time, b boolean, j jsonb, u uuid, bt bytea, n numeric, i int, iv interval, ia int[]);
CREATE TABLE mm_ae (id int PRIMARY KEY, t text, d date, b boolean);
INSERT INTO mm_at VALUES (1, '1', '2', '3', '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00', '10:00', true, '1', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x01', 1.5, 3, '1 hour', '{1,2}'),
  (2, '2', '3', '4', '2024-01-02', '2024-01-02 11:30', '2024-01-02 11:30+00', '11:30', false, '2', 'b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\x02', 2.5, 5, '2 hours', '{1,3}');
CREATE VIEW mm_atv AS SELECT id, t, b FROM mm_at;
-- the types they take answer as before (time is summed as an interval)
SELECT sum(i), avg(n), sum(iv), avg(iv), sum(tm), avg(tm), min(t), max(d), min(ia), max(tz), bool_and(b), bool_or(b), every(b), bit_and(i), bit_or(i), stddev(n), variance(i) FROM mm_at;
-- positions
SELECT sum(t) FROM mm_at;
SELECT avg(t) FROM mm_at;
SELECT sum(v) FROM mm_at;
SELECT avg(c) FROM mm_at;
SELECT sum(d) FROM mm_at;
SELECT avg(d) FROM mm_at;
SELECT sum(ts) FROM mm_at;
SELECT avg(tz) FROM mm_at;
SELECT sum(b) FROM mm_at;
SELECT avg(b) FROM mm_at;
SELECT sum(j) FROM mm_at;
SELECT avg(j) FROM mm_at;
SELECT sum(u) FROM mm_at;
SELECT stddev(t) FROM mm_at;
SELECT var_pop(d) FROM mm_at;
SELECT bit_and(t) FROM mm_at;
SELECT bit_or(b) FROM mm_at;
SELECT bool_and(i) FROM mm_at;
SELECT every(t) FROM mm_at;
SELECT max(b) FROM mm_at;
SELECT min(u) FROM mm_at;
SELECT max(bt) FROM mm_at;
-- an empty table, no row read: still refused
SELECT sum(t) FROM mm_ae;
SELECT avg(b) FROM mm_ae;
SELECT sum(d) FROM mm_at WHERE false;
-- every form of the call: DISTINCT, FILTER, a window, a qualified or
-- quoted column, HAVING, a subquery, a view, a derived table, INSERT ... SELECT
SELECT sum(DISTINCT t) FROM mm_at;
SELECT avg(t) FILTER (WHERE id > 1) FROM mm_at;
SELECT id, sum(b) OVER (ORDER BY id) FROM mm_at ORDER BY id;
SELECT sum(mm_at.b), avg("t") FROM mm_at;
SELECT id FROM mm_at GROUP BY id HAVING sum(d) IS NULL;
SELECT id, (SELECT avg(x.b) FROM mm_at x WHERE x.id = mm_at.id) FROM mm_at;
SELECT sum(t) FROM mm_atv;
SELECT sum(x) FROM (SELECT t AS x FROM mm_at) s;
INSERT INTO mm_ae (id, t) SELECT 3, sum(t) FROM mm_at;
-- time is summed as an interval: past 24 hours too
CREATE TABLE mm_atm (tm time);
INSERT INTO mm_atm VALUES ('23:00'), ('23:30:00.5'), (NULL);
SELECT sum(tm), avg(tm) FROM mm_atm;
DROP TABLE mm_atm;
-- an expression's type is PostgreSQL's to read: cast it
SELECT sum(t::int), avg(b::int) FROM mm_at;
DROP VIEW mm_atv;
DROP TABLE mm_at;
DROP TABLE mm_ae;
