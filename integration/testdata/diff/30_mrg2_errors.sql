-- MERGE's errors as PostgreSQL 15's: a target row matched twice, actions of the wrong kind, target columns in WHEN NOT MATCHED, columns named twice, aggregates, window and set-returning functions where MERGE's parts refuse them.
CREATE TABLE mrg2_et (id int PRIMARY KEY, v text, n int NOT NULL DEFAULT 0);
CREATE TABLE mrg2_ea (k int, x text);
INSERT INTO mrg2_et VALUES (1, 't1', 0), (2, 't2', 0);
INSERT INTO mrg2_ea VALUES (1, 'a1'), (2, 'a2'), (4, 'a4');
MERGE INTO mrg2_et t USING mrg2_ea a ON true WHEN MATCHED THEN UPDATE SET v = a.x;
MERGE INTO mrg2_et t USING (VALUES (1, 'p'), (1, 'q')) AS s(k, w) ON t.id = s.k WHEN MATCHED THEN DELETE;
MERGE INTO mrg2_et t USING (VALUES (1, 'p'), (1, 'q')) AS s(k, w) ON t.id = s.k WHEN MATCHED AND s.w = 'p' THEN UPDATE SET v = s.w;
SELECT * FROM mrg2_et ORDER BY id;
-- positions
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN INSERT VALUES (t.id, a.x);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED AND t.n > 0 THEN INSERT VALUES (a.k, a.x);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN DELETE;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN INSERT VALUES (1, 'x');
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN UPDATE SET v = 'x';
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET v = 'x' RETURNING *;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN INSERT (nosuch) VALUES (1);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET nosuch = 'x';
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET (v, nosuch) = ('x', 'y');
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET v = nosuch;
MERGE INTO mrg2_et t USING mrg2_ea a ON a.nosuch = 1 WHEN MATCHED THEN DELETE;
-- a column named twice
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN INSERT (id, v, id) VALUES (a.k, a.x, 3);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET v = 'x', n = 1, v = 'y';
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET (v, n) = ('x', 1), N = 2;
INSERT INTO mrg2_et (id, ID) VALUES (5, 6);
UPDATE mrg2_et SET v = 'x', v = 'y';
SELECT * FROM mrg2_et ORDER BY id;
-- aggregates, window and set-returning functions
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED AND count(*) > 0 THEN DELETE;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED AND max(a.k) > 0 THEN DO NOTHING;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED AND row_number() OVER () > 0 THEN DELETE;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED AND generate_series(1, 2) > 0 THEN DELETE;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET n = 1 + sum(a.k) WHEN NOT MATCHED AND count(*) > 1 THEN DO NOTHING;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET n = count(*) FILTER (WHERE a.k > 1);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET n = percentile_disc(0.5) WITHIN GROUP (ORDER BY a.k);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET n = rank() OVER (ORDER BY a.k);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED THEN UPDATE SET n = generate_series(1, 2);
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN INSERT VALUES (a.k, a.x, count(*));
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN INSERT VALUES (a.k, a.x, rank() OVER ());
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN NOT MATCHED THEN INSERT VALUES (a.k, a.x, generate_series(1, 2));
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = count(*) WHEN MATCHED THEN DELETE;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = row_number() OVER () WHEN MATCHED THEN DELETE;
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = generate_series(1, 2) WHEN MATCHED THEN DELETE;
SELECT * FROM mrg2_et ORDER BY id;
-- in a subquery they are the subquery's own
MERGE INTO mrg2_et t USING mrg2_ea a ON t.id = a.k WHEN MATCHED AND (SELECT count(*) FROM mrg2_ea) > 2 THEN UPDATE SET n = (SELECT max(k) FROM mrg2_ea)
WHEN NOT MATCHED THEN INSERT VALUES (a.k, a.x, (SELECT count(*) FROM generate_series(1, 3)));
SELECT * FROM mrg2_et ORDER BY id;
