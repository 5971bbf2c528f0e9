-- The hypothetical-set aggregates: the rank the hypothetical row would
-- take among the group's rows in the WITHIN GROUP order (NULLs where the
-- ORDER BY puts them, several keys left to right, FILTER, HAVING, an
-- empty group); rank and dense_rank bigint, percent_rank and cume_dist
-- double precision.
CREATE TABLE agg2_hy (id int PRIMARY KEY, g int, x text, y int, n numeric, f float8, d date);
INSERT INTO agg2_hy VALUES (1, 1, 'a', 3, 1.5, 1.5, '2024-01-01'), (2, 1, 'b', 2, 2.25, 2.5, '2024-01-03'), (3, 2, 'a', 1, NULL, NULL, NULL), (4, 2, NULL, 4, 10, 4, '2024-01-02'), (5, 2, 'c', 2, 1.50, 2.5, '2024-01-02');
SELECT rank(2) WITHIN GROUP (ORDER BY y), dense_rank(2) WITHIN GROUP (ORDER BY y), percent_rank(2) WITHIN GROUP (ORDER BY y), cume_dist(2) WITHIN GROUP (ORDER BY y) FROM agg2_hy;
SELECT rank(2, 'a') WITHIN GROUP (ORDER BY y, x), rank(2, 'c') WITHIN GROUP (ORDER BY y DESC, x), cume_dist(2, 'b') WITHIN GROUP (ORDER BY y, x) FROM agg2_hy;
SELECT rank(1) WITHIN GROUP (ORDER BY y), percent_rank(1) WITHIN GROUP (ORDER BY y), cume_dist(1) WITHIN GROUP (ORDER BY y), dense_rank(1) WITHIN GROUP (ORDER BY y) FROM agg2_hy WHERE false;
SELECT g, rank(2) WITHIN GROUP (ORDER BY y DESC), dense_rank(2) WITHIN GROUP (ORDER BY y DESC), cume_dist(2) WITHIN GROUP (ORDER BY y DESC) FROM agg2_hy GROUP BY g ORDER BY g;
SELECT rank(NULL::numeric) WITHIN GROUP (ORDER BY n), rank(NULL::numeric) WITHIN GROUP (ORDER BY n NULLS FIRST), dense_rank(NULL::numeric) WITHIN GROUP (ORDER BY n), cume_dist(NULL::numeric) WITHIN GROUP (ORDER BY n DESC) FROM agg2_hy;
SELECT rank(2) WITHIN GROUP (ORDER BY n DESC NULLS LAST), rank(2) WITHIN GROUP (ORDER BY n ASC NULLS FIRST), percent_rank(2) WITHIN GROUP (ORDER BY n DESC) FROM agg2_hy;
SELECT rank(2.25) WITHIN GROUP (ORDER BY n), dense_rank(1.50) WITHIN GROUP (ORDER BY n), dense_rank(2.5) WITHIN GROUP (ORDER BY n), cume_dist(1.5) WITHIN GROUP (ORDER BY n) FROM agg2_hy;
SELECT rank('b') WITHIN GROUP (ORDER BY x), dense_rank('b') WITHIN GROUP (ORDER BY x DESC), cume_dist('a') WITHIN GROUP (ORDER BY x) FROM agg2_hy;
SELECT rank(2) WITHIN GROUP (ORDER BY y) FILTER (WHERE g = 1), cume_dist(2) WITHIN GROUP (ORDER BY y) FILTER (WHERE g = 2), percent_rank(3) WITHIN GROUP (ORDER BY y) FILTER (WHERE false) FROM agg2_hy;
SELECT rank(2) WITHIN GROUP (ORDER BY y) AS r FROM agg2_hy;
SELECT g FROM agg2_hy GROUP BY g HAVING rank(2) WITHIN GROUP (ORDER BY y) > 1 ORDER BY g;
SELECT g, rank(g) WITHIN GROUP (ORDER BY y) FROM agg2_hy GROUP BY g ORDER BY rank(g) WITHIN GROUP (ORDER BY y), g;
SELECT rank(2.5) WITHIN GROUP (ORDER BY f), dense_rank(2) WITHIN GROUP (ORDER BY y::numeric), cume_dist(date '2024-01-02') WITHIN GROUP (ORDER BY d) FROM agg2_hy;
SELECT * FROM (SELECT rank(2) WITHIN GROUP (ORDER BY y) FROM agg2_hy) s;
-- positions
SELECT rank(2) WITHIN GROUP (ORDER BY y) OVER () FROM agg2_hy;
-- differs: raftsql refuses dense_rank of several keys (0A000)
SELECT dense_rank(2, 'a') WITHIN GROUP (ORDER BY y, x) FROM agg2_hy;
-- differs: raftsql refuses a direct argument count unlike the ORDER BY's with 0A000 (PostgreSQL: 42883 naming the argument types)
SELECT rank(1, 2) WITHIN GROUP (ORDER BY y) FROM agg2_hy;
