-- setopfix_arrayagg: ORDER BY an array_agg whose element is computed
-- (t || n, upper(t)) sorts element by element (array_cmp), as PostgreSQL
-- does: {a1} before {a1,a2}, {NULL} after every non-NULL element.
CREATE TABLE n26setopfix_a (id int PRIMARY KEY, g int, t text, n int);
INSERT INTO n26setopfix_a VALUES (1, 1, 'a', 1), (2, 1, 'a', 2), (3, 2, 'a', 1), (4, 3, 'a b', 1), (5, 4, 'A', 1), (6, 5, NULL, 1), (7, 6, 'a', NULL), (8, 6, 'a', 1);
SELECT g, array_agg(t || n ORDER BY id) AS a FROM n26setopfix_a GROUP BY g ORDER BY a, g;
SELECT g, array_agg(t || n ORDER BY id) AS a FROM n26setopfix_a GROUP BY g ORDER BY 2 DESC, g;
SELECT g FROM n26setopfix_a GROUP BY g ORDER BY array_agg(t || n ORDER BY id) DESC, g;
SELECT g FROM n26setopfix_a GROUP BY g ORDER BY array_agg(t || 'x' ORDER BY id), g;
SELECT g, array_agg(upper(t) ORDER BY id) AS a FROM n26setopfix_a GROUP BY g ORDER BY a, g;
SELECT g, array_agg(t ORDER BY id) AS a FROM n26setopfix_a GROUP BY g ORDER BY a, g;
-- differs: min/max of a derived table's computed array compare the texts (docs/sql-dialect.md)
SELECT min(a), max(a) FROM (SELECT g, array_agg(t || n ORDER BY id) AS a FROM n26setopfix_a GROUP BY g) s;
