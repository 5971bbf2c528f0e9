-- DEFAULT as an assigned value: an upsert's ON CONFLICT ... DO UPDATE SET
-- c = DEFAULT was a syntax error, and the multiple-column form
-- SET (a, b) = ([ROW] (DEFAULT, ...)) a syntax error in UPDATE and upsert;
-- UPDATE ... SET c = DEFAULT keeps working. Also INSERT ... SELECT with
-- no FROM before ON CONFLICT (the select list ran into the upsert).
CREATE TABLE kn_sd (k int PRIMARY KEY, a int DEFAULT 42, b text DEFAULT 'dflt', c int);
INSERT INTO kn_sd VALUES (1, 1, 'x', 1), (2, 2, 'y', 2);
INSERT INTO kn_sd (k, a) VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET a = DEFAULT RETURNING *;
INSERT INTO kn_sd (k, a, b) VALUES (2, 5, 'e') ON CONFLICT (k) DO UPDATE SET a = DEFAULT, b = excluded.b RETURNING *;
INSERT INTO kn_sd (k, a) VALUES (1, 6) ON CONFLICT (k) DO UPDATE SET (a, b) = (DEFAULT, 'q') RETURNING *;
INSERT INTO kn_sd (k, a) VALUES (1, 6) ON CONFLICT (k) DO UPDATE SET (a, b) = ROW(7, DEFAULT) RETURNING *;
INSERT INTO kn_sd AS z (k, a) VALUES (1, 5), (3, DEFAULT) ON CONFLICT (k) DO UPDATE SET (b, c) = ('zz', DEFAULT) WHERE z.a > 0 RETURNING *;
INSERT INTO kn_sd (k, a) VALUES (2, 5) ON CONFLICT (k) DO UPDATE SET a = DEFAULT WHERE kn_sd.a < 0 RETURNING *;
INSERT INTO kn_sd (k, a) SELECT 1, 9 ON CONFLICT (k) DO UPDATE SET b = DEFAULT RETURNING *;
INSERT INTO kn_sd (k, a) SELECT 4, 9 RETURNING *;
INSERT INTO kn_sd (k, a) SELECT 4, 10 ON CONFLICT DO NOTHING RETURNING *;
UPDATE kn_sd SET a = DEFAULT WHERE k = 4 RETURNING *;
UPDATE kn_sd SET (a, b) = (DEFAULT, 'u') WHERE k = 2 RETURNING *;
UPDATE kn_sd SET (a, c) = ROW(0, DEFAULT), b = DEFAULT WHERE k = 3 RETURNING *;
UPDATE kn_sd SET nosuch = DEFAULT;
-- differs-message: SQLite's parser reports DEFAULT inside an expression as a syntax error
INSERT INTO kn_sd (k) VALUES (1) ON CONFLICT (k) DO UPDATE SET a = DEFAULT + 1;
SELECT * FROM kn_sd ORDER BY k;
DROP TABLE kn_sd;
