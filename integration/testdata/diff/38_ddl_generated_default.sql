-- DEFAULT assigned to a generated column: PostgreSQL accepts it in an
-- UPDATE's SET list and an upsert's DO UPDATE SET (the column is computed
-- anyway); SQLite refuses any assignment to one and it was 428C9 here.
-- The assignment is dropped (pgdialect/generated_default.go). DEFAULT for
-- it in VALUES without a column list was refused too (0A000).
CREATE TABLE ddl_gd (id int primary key, a int, g int GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO ddl_gd (id, a, g) VALUES (1, 1, DEFAULT);
INSERT INTO ddl_gd VALUES (2, 2, DEFAULT), (3, 3, DEFAULT);
INSERT INTO ddl_gd VALUES (4, 4, DEFAULT) RETURNING *;
INSERT INTO ddl_gd VALUES (5, 5, 10);
UPDATE ddl_gd SET g = DEFAULT WHERE id = 1 RETURNING *;
UPDATE ddl_gd SET a = 7, g = DEFAULT WHERE id = 2 RETURNING *;
UPDATE ddl_gd SET g = DEFAULT, a = a + 10 WHERE id = 4 RETURNING id, g;
UPDATE ddl_gd SET (a, g) = (8, DEFAULT) WHERE id = 3 RETURNING *;
UPDATE ddl_gd SET (g) = ROW(DEFAULT) WHERE id = 3;
INSERT INTO ddl_gd (id, a) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET g = DEFAULT, a = 11 RETURNING *;
INSERT INTO ddl_gd (id, a) VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET g = DEFAULT RETURNING *;
UPDATE ddl_gd SET g = 5;
UPDATE ddl_gd SET g = DEFAULT, g = DEFAULT;
SELECT * FROM ddl_gd ORDER BY id;
DROP TABLE ddl_gd;
