-- A number literal assigned to a text, varchar or char column is a
-- numeric to PostgreSQL and stored as numeric's text: 1.50 is '1.50',
-- 0.0 '0.0', 1e2 '100' (SQLite's double printed 1.5 and 0; fuzz seed
-- 802500 stored 0 for VALUES (0.0) into a varchar).
CREATE TABLE fz4_nt (id int PRIMARY KEY, vc varchar(5), t text, c char(6));
INSERT INTO fz4_nt VALUES (1, 0.0, 0.0, 0.0), (2, 1.50, -1.50, 1.50), (3, 1e2, 2.0, 1.5e1), (5, 7, 1.250e-1, -0);
INSERT INTO fz4_nt (id, vc) VALUES (4, 0.0) RETURNING vc;
UPDATE fz4_nt SET t = 3.10 WHERE id = 4 RETURNING t;
INSERT INTO fz4_nt (id, t) VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET t = 9.90 RETURNING t;
SELECT * FROM fz4_nt ORDER BY id;
SELECT id, t || '!' AS a, length(vc) AS b FROM fz4_nt ORDER BY id;
INSERT INTO fz4_nt (id, vc) VALUES (6, 1234.50);
DROP TABLE fz4_nt;
