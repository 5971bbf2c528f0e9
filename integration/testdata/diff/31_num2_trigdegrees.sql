-- num2_trigdegrees: cot and the trigonometric functions in degrees, as
-- PostgreSQL's float.c computes them: exact at the special angles,
-- Infinity for tand(90) and cotd(0), never -0 from tand/cotd, 22003 for
-- an infinite argument or one outside [-1, 1] of asind/acosd.
CREATE TABLE num2_deg (id int PRIMARY KEY, x float8);
INSERT INTO num2_deg VALUES (1, 0.1), (2, 1), (3, 7.5), (4, 29.999), (5, 30.001), (6, 89.99), (7, 123.456), (8, -1e10), (9, 1e300), (10, NULL);
SELECT sind(30), cosd(60), tand(45), asind(0.5), acosd(0.5), atand(1), atan2d(1, 1), cotd(45);
SELECT cot(1), cot(0.5), cot(-2), cot(0);
SELECT cot('Infinity'::float8);
SELECT x, sind(x), cosd(x), tand(x), cotd(x) FROM generate_series(-720, 720, 15) x;
SELECT id, x, sind(x), cosd(x), tand(x), cotd(x), cot(x) FROM num2_deg ORDER BY id;
SELECT x, asind(x), acosd(x), atand(x), atan2d(x, 0.3), atan2d(-x, -2) FROM (VALUES (0::float8), (0.1), (0.25), (0.5), (0.7), (0.99), (1), (-0.5), (-1), (-0.3)) v(x);
SELECT atand('Infinity'::float8), atand('-Infinity'::float8), atan2d('Infinity'::float8, 1), atan2d(0, -1), atan2d(-0.0::float8, -1), atan2d(0, 0);
SELECT sind('Infinity'::float8);
SELECT cosd('-Infinity'::float8);
SELECT tand('Infinity'::float8);
SELECT cotd('Infinity'::float8);
SELECT asind(1.5);
SELECT acosd(-1.01);
SELECT sind(30.0), cosd(60::numeric), tand('45'), sind(45::int2), cotd(90::int8), atand(1::real);
SELECT sind(x) + 1, round(cosd(x)::numeric, 3) FROM num2_deg WHERE id = 2;
SELECT sind(NULL), cotd(NULL), atan2d(NULL, 1), atan2d(1, NULL);
SELECT pg_typeof(sind(30)), pg_typeof(atan2d(1, 2)), pg_typeof(cot(1)), sind(30) + 1, 2 * tand(45);
SELECT id, sind(x) FROM num2_deg WHERE id = 10;
