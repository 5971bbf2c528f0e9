-- min/max of bit strings and ranges: PostgreSQL 15 has no such
-- aggregate (42883 function max(bit) does not exist, with its HINT), for a
-- column, a constant, a cast, a constructor, DISTINCT, FILTER, a window,
-- HAVING, a view's, a subquery's or a CTE's column.
CREATE TABLE n26bitsrange2_m (id int, v bit(3), w varbit, r int4range, d daterange, z tstzrange, n numrange);
INSERT INTO n26bitsrange2_m VALUES (1, B'101', B'11', '[1,5)', '[2024-01-01,2024-01-05)', '[2024-01-01 00:00+00,)', '[1.5,2.5]'), (2, B'011', B'1', '[2,3)', NULL, NULL, NULL);
SELECT max(v) FROM n26bitsrange2_m;
SELECT min(w) FROM n26bitsrange2_m;
SELECT id, max(r) FROM n26bitsrange2_m GROUP BY id;
SELECT min(d) FROM n26bitsrange2_m;
SELECT max(z) FROM n26bitsrange2_m;
SELECT min(n) FROM n26bitsrange2_m;
SELECT max(DISTINCT v) FROM n26bitsrange2_m;
SELECT max(r) FILTER (WHERE id > 1) FROM n26bitsrange2_m;
SELECT id, min(w) OVER () FROM n26bitsrange2_m;
SELECT count(*) FROM n26bitsrange2_m HAVING max(d) IS NULL;
SELECT max((v)) FROM n26bitsrange2_m;
SELECT max(q.r) FROM (SELECT r FROM n26bitsrange2_m) q;
WITH c AS (SELECT v FROM n26bitsrange2_m) SELECT min(v) FROM c;
CREATE VIEW n26bitsrange2_mv AS SELECT id, v, r FROM n26bitsrange2_m;
SELECT max(r) FROM n26bitsrange2_mv;
DROP VIEW n26bitsrange2_mv;
SELECT max(B'101');
SELECT min(X'1F');
SELECT max('1'::varbit);
SELECT max(B'1'::bit(3));
SELECT min('[1,2)'::int4range);
SELECT max(int4range(1, 2)), 1;
SELECT min(daterange('2024-01-01', NULL));
-- what PostgreSQL has: min/max of their texts and bounds, count, bit_and/bit_or of bits
SELECT max(v::text), min(r::text), count(v), count(DISTINCT r) FROM n26bitsrange2_m;
SELECT max(lower(r)), min(upper(d)) FROM n26bitsrange2_m;
SELECT bit_and(v), bit_or(v) FROM n26bitsrange2_m;
SELECT id, bit_and(v) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a, bit_or(v) OVER (ORDER BY id DESC) AS o FROM n26bitsrange2_m ORDER BY id;
SELECT bit_and(w) FROM n26bitsrange2_m;
SELECT bit_and(w) FROM n26bitsrange2_m WHERE id = 2;
DROP TABLE n26bitsrange2_m;
