-- num2_negzero: -0.0 is numeric's negation of 0.0, which is 0.0, so
-- converted to a float it is 0; -0.0::float8 casts first and negates the
-- double (-0).
CREATE TABLE num2_nz (id int PRIMARY KEY, f float8);
INSERT INTO num2_nz VALUES (1, 1.5), (2, 0);
SELECT x FROM (VALUES (1::float8), (-0.0)) v(x);
SELECT x FROM (VALUES (-0.0), (1::float8)) v(x);
SELECT greatest(-0.0, 0::float8), coalesce(-0.0, 1::float8), least(-0.00, 1::real);
SELECT -0.0, - 0.0, -0.00e5, 1 - -0.0, 1 -0.0, -0.0::float8, -0.0::numeric, (-0.0)::float8, -(0.0)::float8;
SELECT CASE WHEN true THEN -0.0 ELSE 1::float8 END, ARRAY[-0.0, 1::float8], -0.0 + 0::float8, 0::float8 + -0.0;
SELECT id, f, -f, -0.0 * f, f * -0.0 FROM num2_nz ORDER BY id;
SELECT -0.0 = 0, -0.0 < 0, pg_typeof(-0.0), -0, -0e0, -0.5, -1.0;
SELECT coalesce(f, -0.0) FROM num2_nz WHERE id = 2;
