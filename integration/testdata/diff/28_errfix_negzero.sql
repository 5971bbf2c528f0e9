-- errfix_negzero: -0 as a value keeps its sign; stored in a float column
-- it reads back as 0 (SQLite keeps an integral REAL as an integer:
-- docs/sql-dialect.md, Differences from PostgreSQL).
CREATE TABLE n28errfix_z (id int PRIMARY KEY, f8 float8, f4 real);
INSERT INTO n28errfix_z VALUES (1, '-0', '-0'), (2, -0.0, -0.0), (3, '-0'::float8, '-0'::real);
SELECT '-0'::float8, -0.0::float8, '-0'::real, -0.0::real, 0::float8 * -1, '-0'::float8 = 0;
-- differs: a float column stores -0 as 0 (SQLite's record format keeps an integral REAL as an integer)
SELECT id, f8, f4 FROM n28errfix_z ORDER BY id;
SELECT id, f8 = 0, f4 = 0 FROM n28errfix_z ORDER BY id;
