-- A float column keeps -0 as 0: SQLite writes a REAL column's integral
-- values as integers, so the sign of zero is lost on every write (the
-- fuzz tester's seeds 777210 and 778598: f8 * -2.5 of 0 stored, and a
-- data-modifying WITH item's RETURNING rows, kept in such a table,
-- printed 0 where PostgreSQL prints -0). Computed values keep it.
CREATE TABLE fz2_nz (id int PRIMARY KEY, f8 float8, f4 real, vc varchar(5));
INSERT INTO fz2_nz VALUES (1, 0, 0, '');
SELECT f8 / (f4 - 100) AS a, f8 * -1 AS b, -f8 AS c, f4 / -1 AS d FROM fz2_nz;
UPDATE fz2_nz SET vc = 'z' RETURNING f8 / -100 AS a, -f8 AS b;
-- differs: a float column stores -0 as 0 (docs/sql-dialect.md, double precision)
WITH w AS (UPDATE fz2_nz a SET vc = 'y' RETURNING a.id, a.f8 / -100 AS r1, -a.f8 AS r3) SELECT * FROM w;
-- differs: a float column stores -0 as 0 (docs/sql-dialect.md, double precision)
UPDATE fz2_nz SET f8 = f8 * -2.5::float8 RETURNING f8;
-- differs: a float column stores -0 as 0 (docs/sql-dialect.md, double precision)
SELECT f8, f8 * -1 AS b FROM fz2_nz;
-- differs: a float column stores -0 as 0 (docs/sql-dialect.md, double precision)
INSERT INTO fz2_nz VALUES (2, '-0', '-0', '') RETURNING *;
DROP TABLE fz2_nz;
