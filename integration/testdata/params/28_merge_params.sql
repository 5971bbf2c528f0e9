CREATE TABLE n28merge_pt (id int PRIMARY KEY, n int, s text, d date);
INSERT INTO n28merge_pt VALUES (1, 10, 'a', NULL), (2, 20, 'b', NULL);
-- args: 2 | 5
MERGE INTO n28merge_pt t USING (SELECT $1::int AS id) AS v ON t.id = v.id WHEN MATCHED THEN UPDATE SET n = t.n + $2;
-- args: 3 | c
MERGE INTO n28merge_pt t USING (SELECT $1::int AS id) AS v ON t.id = v.id WHEN NOT MATCHED THEN INSERT (id, s) VALUES (v.id, $2);
-- args: 15 | 100
MERGE INTO n28merge_pt t USING n28merge_pt AS v ON t.id = v.id WHEN MATCHED AND v.n > $1 THEN UPDATE SET n = $2 WHEN MATCHED THEN DELETE;
-- args: 4 | 2024-03-04
MERGE INTO n28merge_pt t USING (VALUES (4)) AS v(id) ON t.id = v.id WHEN NOT MATCHED THEN INSERT (id, d) VALUES ($1, $2);
-- args: 3
MERGE INTO n28merge_pt t USING (VALUES (3), (3)) AS v(id) ON t.id = v.id AND t.id = $1 WHEN MATCHED THEN DELETE;
SELECT * FROM n28merge_pt ORDER BY id;
