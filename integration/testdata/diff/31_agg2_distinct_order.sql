-- An aggregate with DISTINCT sorts the distinct argument tuples, so its
-- own ORDER BY may name only its arguments: PostgreSQL refuses any other
-- expression with 42P10 at the expression, whatever the rows.
CREATE TABLE agg2_do (id int PRIMARY KEY, g int, x text, y int);
INSERT INTO agg2_do VALUES (1, 1, 'a', 3), (2, 1, 'b', 2), (3, 2, 'a', 1), (4, 2, NULL, 4);
-- the arguments in the ORDER BY answer
SELECT string_agg(DISTINCT x, ',' ORDER BY x DESC) FROM agg2_do;
SELECT string_agg(DISTINCT agg2_do.x, ',' ORDER BY x) FROM agg2_do;
SELECT array_agg(DISTINCT (x) ORDER BY x NULLS FIRST) FROM agg2_do;
SELECT array_agg(DISTINCT x ORDER BY (X) DESC NULLS LAST) FROM agg2_do;
SELECT jsonb_agg(DISTINCT y ORDER BY y) FROM agg2_do;
SELECT g, array_agg(DISTINCT y ORDER BY y DESC) FROM agg2_do GROUP BY g ORDER BY g;
SELECT array_agg(DISTINCT 1 ORDER BY 1) FROM agg2_do;
-- positions
SELECT string_agg(DISTINCT x, ',' ORDER BY y) FROM agg2_do;
SELECT string_agg(DISTINCT x, ',' ORDER BY y) FROM agg2_do WHERE false;
SELECT array_agg(DISTINCT x ORDER BY y) FROM agg2_do;
SELECT array_agg(DISTINCT x ORDER BY x, y) FROM agg2_do;
SELECT count(DISTINCT x ORDER BY x, y) FROM agg2_do;
SELECT json_agg(DISTINCT y ORDER BY y+1) FROM agg2_do;
SELECT string_agg(DISTINCT x, ',' ORDER BY x, ',') FROM agg2_do;
SELECT array_agg(DISTINCT x ORDER BY x COLLATE "C") FROM agg2_do;
SELECT g, string_agg(DISTINCT x, ',' ORDER BY id) FROM agg2_do GROUP BY g;
