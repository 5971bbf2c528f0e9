-- raftsql's own SQL functions (the helpers its translation writes:
-- pg_in_col, pg_table_sql, pg_seq_create, raftsql_set_config, ...) are no
-- PostgreSQL functions: a client's call of one is 42883
-- (pgdialect/internal_calls.go), PostgreSQL's own pg_ functions answer.
CREATE TABLE minmax_internal (id int PRIMARY KEY, n numeric(5,2), d date);
INSERT INTO minmax_internal VALUES (1, 1.50, '2024-01-02');
SELECT pg_in_col(1, 'x', 'y');
SELECT pg_in_col('abc', pg_table_sql('minmax_internal'), 'n');
SELECT pg_table_sql('minmax_internal');
SELECT PG_TABLE_SQL('minmax_internal');
SELECT "pg_in_col"(1);
SELECT pg_catalog.pg_seq_create('minmax_s');
SELECT pg_cast_int4('12');
SELECT raftsql_set_config('a', 'b', false);
SELECT x FROM minmax_internal JOIN pg_jsonb_each('{}') x ON true;
SELECT m.id FROM minmax_internal m JOIN minmax_internal o ON pg_cmp(1, 2) = 0;
ALTER TABLE minmax_internal ALTER COLUMN n TYPE numeric USING pg_in_numeric('1e9', -1);
SELECT pg_now() AS n;
INSERT INTO minmax_internal VALUES (2, pg_in_numeric('123456.789', -1), '2024-01-03');
UPDATE minmax_internal SET d = pg_now() WHERE id = 1;
SELECT id, n, d FROM minmax_internal ORDER BY id;
SELECT pg_typeof(n), pg_typeof(d) FROM minmax_internal;
SELECT "PG_TYPEOF"(1);
DROP TABLE minmax_internal;
