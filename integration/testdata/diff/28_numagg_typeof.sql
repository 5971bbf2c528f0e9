-- numagg_typeof: pg_typeof of an aggregate or window call: of a typed
-- argument statically, of a table's column from its declared type when
-- the statement runs (pg_typeof_agg); the call stays in the query, so an
-- aggregate's query is still one row (typeof.go).
CREATE TABLE n28numagg_t (id int PRIMARY KEY, g int, amt numeric, n int, f float8);
INSERT INTO n28numagg_t VALUES (1, 1, 1.5, 1, 0.5), (2, 1, 2.25, 2, 1.5), (3, 2, 3, 3, 2.5);
SELECT pg_typeof(sum(n) OVER ()) FROM n28numagg_t ORDER BY id;
SELECT pg_typeof(sum(amt) OVER ()), sum(amt) OVER () FROM n28numagg_t ORDER BY id LIMIT 1;
SELECT pg_typeof(avg(n) OVER (PARTITION BY g)), pg_typeof(max(amt) OVER (ORDER BY id)) FROM n28numagg_t ORDER BY id LIMIT 1;
SELECT pg_typeof(sum(f) OVER ()), pg_typeof(avg(f) OVER ()) FROM n28numagg_t LIMIT 1;
SELECT pg_typeof(count(*) OVER ()), pg_typeof(row_number() OVER ()), pg_typeof(ntile(2) OVER ()) FROM n28numagg_t LIMIT 1;
SELECT pg_typeof(percent_rank() OVER (ORDER BY id)), pg_typeof(dense_rank() OVER (ORDER BY id)) FROM n28numagg_t LIMIT 1;
SELECT pg_typeof(first_value(amt) OVER (ORDER BY id)), pg_typeof(lag(n) OVER (ORDER BY id)) FROM n28numagg_t LIMIT 1;
SELECT pg_typeof(sum(amt) FILTER (WHERE g > 1) OVER ()) FROM n28numagg_t LIMIT 1;
SELECT pg_typeof(sum(t.n) OVER (ORDER BY id)) FROM n28numagg_t t LIMIT 1;
SELECT pg_typeof(sum(n::int8) OVER ()) FROM n28numagg_t LIMIT 1;
SELECT pg_typeof(count(*)) FROM n28numagg_t;
SELECT pg_typeof(sum(n)), pg_typeof(avg(n)), pg_typeof(min(n)), pg_typeof(max(amt)), pg_typeof(avg(amt)) FROM n28numagg_t;
SELECT pg_typeof(sum(DISTINCT n)) FROM n28numagg_t;
SELECT g, pg_typeof(sum(n)) FROM n28numagg_t GROUP BY g ORDER BY g;
SELECT pg_typeof(sum(n)) FROM n28numagg_t WHERE false;
