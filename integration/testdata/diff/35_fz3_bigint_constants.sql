-- An integer constant beyond int4 in arithmetic over a column is an int8
-- (2147483648), and a negative one that fits is an int4 (-2147483648),
-- as PostgreSQL types a constant: the result column is described by the
-- operands' types (bigint, integer), not as text.
CREATE TABLE fz3_bc (id int PRIMARY KEY, i2 int2, i4 int4, i8 int8, n numeric);
INSERT INTO fz3_bc VALUES (1, 1, 2, 3, 1.5), (2, -1, -7, -900, -2.5), (3, NULL, NULL, NULL, NULL);
SELECT i4 * 2147483648 AS c1, i8 * 2147483648 AS c2, 9223372036854775807 / i4 AS c3, i2 + 10000000000 AS c4 FROM fz3_bc ORDER BY id;
SELECT (i4 - i4) * -2147483648 AS c1, i8 * -2147483648 AS c2, i2 - -3 AS c3, -3 * i2 AS c4, n * 99999999999999999999 AS c5 FROM fz3_bc ORDER BY id;
SELECT array_agg(i8 * -2147483648 ORDER BY id) AS c1, sum(i4 * 2147483648) AS c2, max(i4 + 3000000000) AS c3 FROM fz3_bc;
SELECT id FROM fz3_bc WHERE i8 * 2147483648 < 0 ORDER BY 1;
SELECT a.i4 * 2147483648 AS c1, 9223372036854775807 / a.i4 AS c2, a.i4 * -2147483648 AS c3 FROM fz3_bc a WHERE a.id = 3;
DROP TABLE fz3_bc;
