-- A VALUES statement with its own ORDER BY, LIMIT, OFFSET or FETCH
-- (SQLite's grammar has none after VALUES): the rows become a FROM
-- subquery, keeping their columns' names and types.
VALUES (2, 'b'), (1, 'a'), (3, 'c') ORDER BY 1;
VALUES (2, 'b'), (1, 'a'), (3, 'c') ORDER BY column2 DESC LIMIT 2;
VALUES (2), (1), (3) LIMIT 1 OFFSET 1;
VALUES (2), (1), (3) OFFSET 2;
VALUES (2), (1), (3) ORDER BY 1 FETCH FIRST 2 ROWS ONLY;
VALUES (1.50), (1.5), (10.0) ORDER BY 1;
VALUES (interval '1 mon'), (interval '25 hours') ORDER BY 1 DESC;
VALUES (2), (1) UNION VALUES (0) ORDER BY 1;
VALUES (1, 2) ORDER BY nosuch;
VALUES (2), (NULL), (1) ORDER BY 1 NULLS FIRST;
-- positions
VALUES (1, 2) ORDER BY nosuch;
