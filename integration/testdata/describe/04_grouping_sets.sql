-- Grouping sets: a grouping column keeps its type (NULL in subtotal rows),
-- grouping() is int4, aggregates keep theirs; WITH ORDINALITY is int8.
-- First on an empty table: a description must not depend on the rows.
CREATE TABLE rd_gs (region text, yr int, day date, qty int, amt numeric(10,2), price float8, tag varchar(10));
SELECT region, yr, sum(qty), sum(amt), count(*), grouping(region, yr) FROM rd_gs GROUP BY ROLLUP(region, yr);
SELECT region, yr, day, max(price), min(tag) FROM rd_gs GROUP BY GROUPING SETS ((region), (yr), (day), ());
SELECT tag, yr, avg(qty), grouping(yr) FROM rd_gs GROUP BY CUBE(tag, yr);
SELECT region, yr, sum(qty) FROM rd_gs GROUP BY region, ROLLUP(yr) HAVING sum(qty) > 5 ORDER BY 1, 2;
SELECT x, n FROM unnest(ARRAY['a', 'b']) WITH ORDINALITY AS u(x, n);
SELECT * FROM generate_series(1, 3) WITH ORDINALITY;
SELECT json_object_keys('{"a": 1}');
INSERT INTO rd_gs VALUES ('north', 2023, '2023-01-01', 3, 1.50, 2.5, 'x'), ('south', 2024, '2024-02-02', 4, 2.25, 1.5, 'y');
SELECT region, yr, sum(qty), sum(amt), count(*), grouping(region, yr) FROM rd_gs GROUP BY ROLLUP(region, yr);
SELECT region, yr, day, max(price), min(tag) FROM rd_gs GROUP BY GROUPING SETS ((region), (yr), (day), ());
SELECT tag, yr, avg(qty), grouping(yr) FROM rd_gs GROUP BY CUBE(tag, yr);
