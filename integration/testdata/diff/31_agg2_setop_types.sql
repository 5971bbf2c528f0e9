-- Set operations resolve each result column to its branches' common type
-- (int4 and int8: int8; an integer and numeric: numeric), as described
-- and as answered.
CREATE TABLE agg2_so (id int PRIMARY KEY, y int, n numeric, f float8, c char(3), v varchar(5));
INSERT INTO agg2_so VALUES (1, 3, 1.5, 1.5, 'a', 'x'), (2, 2, 2.25, 2.5, 'b', 'y');
VALUES (1) UNION VALUES (2::bigint) ORDER BY 1;
VALUES (1) UNION ALL VALUES (2.5) ORDER BY 1;
select 1 union select 2::bigint order by 1;
select 1::smallint union select 2 order by 1;
VALUES (1::int2) INTERSECT VALUES (1::int8);
VALUES (1) EXCEPT VALUES (2.0);
-- differs-type: a FROM subquery's set operation of VALUES lists takes its first list's type (PostgreSQL: the common type)
select a from (VALUES (1) UNION VALUES (2::bigint)) v(a) order by 1;
select 1.5 union select 1 order by 1;
select 1.50 union all select 1 order by 1;
select 1::float4 union select 2::float8 order by 1;
select 1 union select 2::numeric(5,2) order by 1;
select '1' union select 2 order by 1;
-- differs-type: an unknown literal beside varchar resolves to text (PostgreSQL: varchar)
select 'a' union select 'b'::varchar order by 1;
-- differs: char(n) beside varchar in a set operation loses its padding (PostgreSQL's column is bpchar, padded)
select 'a'::char(3) union select 'b'::varchar order by 1;
select 1 union select 2 union select 3::int8 order by 1;
select 1 union (select 2 except select 3::int8) order by 1;
VALUES (1, 'a') UNION VALUES (2::int8, 'b'::varchar) ORDER BY 1;
select y from agg2_so union select 9::int8 order by 1;
select n from agg2_so union select 1 order by 1;
select f from agg2_so union select 1 order by 1;
select y from agg2_so union select 1.5 order by 1;
select count(*) from agg2_so union select 1::int2 order by 1;
select sum(y) from agg2_so union select 1.5 order by 1;
SELECT c FROM agg2_so UNION SELECT v FROM agg2_so ORDER BY 1;
SELECT v FROM agg2_so UNION SELECT c FROM agg2_so ORDER BY 1;
SELECT y FROM agg2_so UNION ALL SELECT id::int8 FROM agg2_so ORDER BY 1;
-- differs-type: a FROM subquery's set operation of VALUES lists takes its first list's type (PostgreSQL: the common type)
SELECT * FROM (VALUES (1) UNION VALUES (2::bigint)) v(a) WHERE a > 1;
-- differs: raftsql refuses pg_typeof of a derived set operation's column (0A000)
SELECT pg_typeof(a) FROM (VALUES (1) UNION VALUES (2::bigint)) v(a) LIMIT 1;
