-- MERGE: column defaults, serial columns, DEFAULT in SET and VALUES, INSERT DEFAULT VALUES, an INSERT without a column list.
CREATE TABLE n28merge_log (id serial PRIMARY KEY, tag text DEFAULT 'none', n int DEFAULT 7, at date);
MERGE INTO n28merge_log l USING (SELECT 'a' AS tag) AS s ON l.tag = s.tag WHEN NOT MATCHED THEN INSERT (tag) VALUES (s.tag);
MERGE INTO n28merge_log l USING (SELECT 'b' AS tag) AS s ON l.tag = s.tag WHEN NOT MATCHED THEN INSERT (id, tag, n) VALUES (DEFAULT, s.tag, DEFAULT);
MERGE INTO n28merge_log l USING (SELECT 'c' AS tag) AS s ON l.tag = s.tag WHEN NOT MATCHED THEN INSERT DEFAULT VALUES;
MERGE INTO n28merge_log l USING (SELECT 'd' AS tag) AS s ON l.tag = s.tag WHEN NOT MATCHED THEN INSERT (tag, n) VALUES (DEFAULT, DEFAULT);
MERGE INTO n28merge_log l USING (SELECT 10 AS id, 'e' AS tag) AS s ON l.tag = s.tag WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.tag);
MERGE INTO n28merge_log l USING (SELECT 11 AS id, 'f' AS tag) AS s ON l.tag = s.tag WHEN NOT MATCHED THEN INSERT VALUES (s.id, DEFAULT, 3, '2024-05-06');
MERGE INTO n28merge_log l USING (SELECT 12 AS id) AS s ON l.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id);
SELECT * FROM n28merge_log ORDER BY id;
MERGE INTO n28merge_log l USING (SELECT 'a' AS tag) AS s ON l.tag = s.tag WHEN MATCHED THEN UPDATE SET n = DEFAULT, tag = DEFAULT, at = '2024-01-02';
MERGE INTO n28merge_log l USING (VALUES (10, 1), (11, 2)) AS s(id, k) ON l.id = s.id WHEN MATCHED THEN UPDATE SET (n, at) = (s.k * 100, DEFAULT);
SELECT * FROM n28merge_log ORDER BY id;
-- several rows of defaults at once (DEFAULT VALUES per source row)
CREATE TABLE n28merge_cnt (id serial PRIMARY KEY, v int DEFAULT 0);
MERGE INTO n28merge_cnt c USING (VALUES (1), (2), (3)) AS s(k) ON c.id = s.k WHEN NOT MATCHED THEN INSERT DEFAULT VALUES;
SELECT * FROM n28merge_cnt ORDER BY id;
MERGE INTO n28merge_cnt c USING (VALUES (1), (2), (3), (4)) AS s(k) ON c.id = s.k WHEN MATCHED AND s.k = 2 THEN UPDATE SET v = DEFAULT WHEN MATCHED THEN UPDATE SET v = c.v + s.k WHEN NOT MATCHED THEN INSERT (v) VALUES (s.k * 10);
SELECT * FROM n28merge_cnt ORDER BY id;
