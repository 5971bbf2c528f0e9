-- Arithmetic over a column and a call whose result type the translation
-- knows (length, octet_length, position, array_length: int4) is described
-- by both operands' types, numeric / int4 numeric, int8 + int4 int8;
-- so is arithmetic of constants under a unary minus, -abs(3 - 1) int4.
CREATE TABLE fz3_co (id int PRIMARY KEY, i2 int2, i8 int8, n numeric, f8 float8, t text, vc varchar(10));
INSERT INTO fz3_co VALUES (1, 3, 30, 10.5, 2.5, 'abcd', 'xy'), (2, -1, -7, -2.50, -0.5, 'héllo', ''), (3, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT a.n / length(a.t) AS c1, a.n / octet_length(a.t) AS c2, a.i8 + length(a.t) AS c3, length(a.t) + a.i2 AS c4, a.f8 * char_length(a.vc) AS c5 FROM fz3_co a WHERE a.id <> 2 ORDER BY a.id;
SELECT a.id + array_length(ARRAY['', 'z'], 1) AS c1, abs(a.i2) - position('l' IN a.t) AS c2, mod(a.i2, abs(char_length(a.t))) AS c3, length(least('x', a.vc)) * a.id AS c4 FROM fz3_co a ORDER BY a.id;
SELECT -abs(3 - 1) AS c1, -abs(2::int8) AS c2, -abs(1.5) AS c3, a.id FROM fz3_co a ORDER BY a.id;
SELECT sum(a.n / length(a.t)) AS c1, max(a.i8 + length(a.t)) AS c2 FROM fz3_co a WHERE a.id <> 2;
DROP TABLE fz3_co;
