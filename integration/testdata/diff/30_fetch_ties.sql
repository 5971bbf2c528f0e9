-- FETCH FIRST n ROWS WITH TIES (the rows after the offset up to the
-- count, and every row equal to the last of them in the ORDER BY keys);
-- the clause's errors, a second count or offset
CREATE TABLE fetch_tie (id int PRIMARY KEY, g int, n numeric, s text);
INSERT INTO fetch_tie VALUES (1, 1, 1.0, 'a'), (2, 1, 1.00, 'b'), (3, 2, 2, 'b'), (4, 2, 2.0, 'c'), (5, 3, 3, 'c'), (6, NULL, NULL, NULL);
SELECT * FROM (SELECT id, g FROM fetch_tie ORDER BY g FETCH FIRST 3 ROWS WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g FETCH FIRST ROW WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g OFFSET 1 ROW FETCH NEXT 2 ROWS WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g FETCH FIRST 2 ROWS WITH TIES OFFSET 3) s ORDER BY id;
SELECT id FROM fetch_tie ORDER BY g FETCH FIRST 0 ROWS WITH TIES;
SELECT id FROM fetch_tie ORDER BY g DESC FETCH FIRST 1 ROW WITH TIES;
SELECT id FROM fetch_tie ORDER BY g DESC NULLS LAST FETCH FIRST 1 ROW WITH TIES;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g OFFSET 4 ROWS FETCH FIRST 10 ROWS WITH TIES) s ORDER BY id;
-- ties by the ORDER BY's own equality: numeric 1.0 = 1.00, an output name, a position, *
SELECT * FROM (SELECT id, n FROM fetch_tie ORDER BY n FETCH FIRST 1 ROW WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id AS k, s AS label FROM fetch_tie ORDER BY label FETCH FIRST 2 ROWS WITH TIES) s ORDER BY k;
SELECT * FROM (SELECT id, g FROM fetch_tie ORDER BY 2 FETCH FIRST 1 ROW WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT * FROM fetch_tie ORDER BY g FETCH FIRST 1 ROW WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT g, count(*) AS c FROM fetch_tie GROUP BY g ORDER BY count(*) DESC FETCH FIRST 1 ROW WITH TIES) s ORDER BY g;
SELECT id FROM fetch_tie WHERE id IN (SELECT id FROM fetch_tie ORDER BY g DESC NULLS LAST FETCH FIRST 2 ROWS WITH TIES) ORDER BY id;
WITH c AS (SELECT id, g FROM fetch_tie ORDER BY g FETCH FIRST 1 ROW WITH TIES) SELECT * FROM c ORDER BY id;
-- counts: a fraction rounds, a computed NULL is no limit, a NULL offset none
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY id OFFSET 1.5 ROWS FETCH FIRST 2.5 ROWS WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g FETCH FIRST (NULL::int8) ROWS WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g OFFSET NULL ROWS FETCH FIRST 1 ROW WITH TIES) s ORDER BY id;
SELECT * FROM (SELECT id FROM fetch_tie ORDER BY g FETCH FIRST (SELECT 3) ROWS WITH TIES) s ORDER BY id;
-- a write reads the same rows
CREATE TABLE fetch_tie_copy (id int, g int);
INSERT INTO fetch_tie_copy SELECT id, g FROM fetch_tie ORDER BY g NULLS FIRST, id FETCH FIRST 1 ROW WITH TIES;
INSERT INTO fetch_tie_copy SELECT id, g FROM fetch_tie ORDER BY g DESC NULLS LAST FETCH FIRST 1 ROW WITH TIES;
SELECT * FROM fetch_tie_copy ORDER BY id;
-- refused (0A000), each a documented difference
-- differs: WITH TIES over a set operation is refused (0A000)
SELECT id FROM fetch_tie UNION ALL SELECT id FROM fetch_tie ORDER BY 1 FETCH FIRST 1 ROW WITH TIES;
-- differs: WITH TIES with SELECT DISTINCT is refused (0A000)
SELECT DISTINCT g FROM fetch_tie ORDER BY g FETCH FIRST 1 ROW WITH TIES;
-- differs: WITH TIES in a subquery reading an outer query's column is refused (0A000)
SELECT o.id, (SELECT count(*) FROM (SELECT u.id FROM fetch_tie u WHERE u.g > o.g ORDER BY u.g FETCH FIRST 1 ROW WITH TIES) z) FROM fetch_tie o ORDER BY o.id;
-- errors
SELECT id FROM fetch_tie FETCH FIRST 2 ROWS WITH TIES;
SELECT id FROM fetch_tie ORDER BY g FETCH FIRST -1 ROWS WITH TIES;
SELECT id FROM fetch_tie ORDER BY g OFFSET -1 ROWS FETCH FIRST 1 ROW WITH TIES;
SELECT id FROM fetch_tie ORDER BY g FETCH FIRST NULL ROWS WITH TIES;
SELECT id FROM fetch_tie WHERE false ORDER BY g FETCH FIRST (-2) ROWS WITH TIES;
SELECT id FROM fetch_tie WHERE false ORDER BY g FETCH FIRST (0 - 2) ROWS WITH TIES;
SELECT id FROM fetch_tie WHERE false ORDER BY g OFFSET (0 - 1) ROWS FETCH FIRST (0 - 2) ROWS WITH TIES;
SELECT id FROM fetch_tie ORDER BY g FETCH FIRST 1 ROW WITH TIES LIMIT 1;
SELECT 1 LIMIT 1 LIMIT 2;
SELECT 1 OFFSET 1 OFFSET 2;
SELECT 1 FETCH FIRST 1 ROW ONLY LIMIT 1;
