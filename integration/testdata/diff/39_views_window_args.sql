-- The integer argument of ntile, nth_value, lag and lead as PostgreSQL:
-- a numeric, bigint or float count is 42883 (function lead(integer,
-- numeric) does not exist; SQLite took 1.5 and 2::bigint and answered),
-- read from a column's declared type at run time; a NULL count of ntile
-- or nth_value is NULL for every row (it was 22014 / 22016); a negative
-- lag or lead offset reads the other way (pgdialect/window_args.go).
CREATE TABLE vwa_t (id int, v int, f float8, n numeric, t text, b bigint, s smallint);
INSERT INTO vwa_t VALUES (1, 10, 1.5, 2.5, 'a', 1, 1), (2, 20, 2.5, 3.5, 'b', 2, 2), (3, 30, 3.5, 0.5, 'c', 3, 3);
select ntile(NULL) over (order by id) from vwa_t;
select ntile(NULL::int) over (order by id) from vwa_t;
select ntile(0) over (order by id) from vwa_t;
select ntile(-1) over (order by id) from vwa_t;
select ntile(1.5) over (order by id) from vwa_t;
select ntile(2.5::numeric) over (order by id) from vwa_t;
select ntile('2') over (order by id) from vwa_t;
select ntile(v) over (order by id) from vwa_t;
select ntile(2::bigint) over (order by id) from vwa_t;
select ntile(f) over (order by id) from vwa_t;
select nth_value(v, NULL) over (order by id) from vwa_t;
select nth_value(v, NULL::int) over (order by id) from vwa_t;
select nth_value(v, 0) over (order by id) from vwa_t;
select nth_value(v, -1) over (order by id) from vwa_t;
select nth_value(v, 1.5) over (order by id) from vwa_t;
select nth_value(v, '2') over (order by id) from vwa_t;
select nth_value(v, 2::bigint) over (order by id) from vwa_t;
select nth_value(v, id) over (order by id) from vwa_t;
select lead(v, 1.5) over (order by id) from vwa_t;
select lead(v, 1.5::numeric) over (order by id) from vwa_t;
select lag(v, -1) over (order by id) from vwa_t;
select lead(v, -1) over (order by id) from vwa_t;
select lag(v, NULL) over (order by id) from vwa_t;
select lag(v, NULL::int) over (order by id) from vwa_t;
select lag(v, '1') over (order by id) from vwa_t;
select lag(v, 1::bigint) over (order by id) from vwa_t;
select lag(v, 2::smallint) over (order by id) from vwa_t;
select lag(v, f) over (order by id) from vwa_t;
select lag(v, id) over (order by id) from vwa_t;
select lag(v, 1, 1.5) over (order by id) from vwa_t;
select lag(v, 1, null) over (order by id) from vwa_t;
select lead(v, 0) over (order by id) from vwa_t;
select lag(v, 100) over (order by id) from vwa_t;
select lag(v, 1, v * 2) over (order by id) from vwa_t;
select lag(v, id - 2) over (order by id) from vwa_t;
select ntile(id - 2) over (order by id) from vwa_t;
select nth_value(v, id - 1) over (order by id) from vwa_t;
select lag(f, 1, 1) over (order by id) from vwa_t;
select lag(n, 1, 1) over (order by id) from vwa_t;
select lag(n, 1, 1.5::float8) over (order by id) from vwa_t;
select ntile(b) over (order by id) from vwa_t;
select ntile(s) over (order by id) from vwa_t;
select lag(t, b) over (order by id) from vwa_t;
select lag(n, s) over (order by id) from vwa_t;
select nth_value(f, n) over (order by id) from vwa_t;
select lead(t, f) over (order by id) from vwa_t;
select ntile(2) over w, lag(v, 1.5) over w from vwa_t window w as (order by id);
select ntile(NULL) over w from vwa_t window w as (order by id);
-- differs-type: ntile(NULL) in arithmetic is described as text (PostgreSQL: integer)
select ntile(NULL) over (order by id) + 1, pg_typeof(ntile(NULL) over (order by id)) from vwa_t;
select ntile(n::int) over (order by id) from vwa_t;
select lag(v, id::bigint) over (order by id) from vwa_t;
select lag(v, 3000000000) over (order by id) from vwa_t;
select ntile(3000000000) over (order by id) from vwa_t;
select lag(v, 1, 'x') over (order by id) from vwa_t;
select lag(t, 1, 5) over (order by id) from vwa_t;
