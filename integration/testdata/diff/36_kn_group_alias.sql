-- GROUP BY a name that two result columns of different expressions have
-- (and no FROM item's column has) is PostgreSQL's 42702 GROUP BY "x" is
-- ambiguous (it was 42803 for the column SQLite did not pick), also
-- inside ROLLUP; a FROM column of the name is read first, and result
-- columns of one expression are no ambiguity.
CREATE TABLE kn_ga (k int PRIMARY KEY, a int, b text);
INSERT INTO kn_ga VALUES (1, 1, 'p'), (2, 1, 'q'), (3, 2, 'p');
-- positions
SELECT a AS x, b AS x FROM kn_ga GROUP BY x;
SELECT a AS x, b AS x, count(*) FROM kn_ga GROUP BY k, x;
SELECT a + 1 AS x, b AS x FROM kn_ga GROUP BY (x);
SELECT a AS x, b AS x FROM kn_ga GROUP BY ROLLUP (x);
SELECT a AS x, b AS x FROM kn_ga ORDER BY x;
SELECT a AS x, a AS x FROM kn_ga GROUP BY x ORDER BY 1;
SELECT a AS x, kn_ga.a AS x, count(*) FROM kn_ga GROUP BY x ORDER BY 1;
SELECT a AS b, b AS x FROM kn_ga GROUP BY b ORDER BY 1;
SELECT b AS a, a AS a FROM kn_ga GROUP BY a ORDER BY 1;
SELECT k AS a, a FROM kn_ga GROUP BY a ORDER BY 1;
SELECT a AS x, count(*) AS n FROM kn_ga GROUP BY x ORDER BY x;
SELECT a AS x, b AS x FROM kn_ga GROUP BY a, b ORDER BY 1, 2;
DROP TABLE kn_ga;
