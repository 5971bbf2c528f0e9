-- num2_float8out: float8out is Ryu's shortest form without
-- STRICTLY_SHORTEST: a decimal exactly halfway to the next double does
-- not count, though it reads back as the value (1e23 prints as
-- 9.999999999999999e+22); other values print their shortest form.
CREATE TABLE num2_f8 (id int PRIMARY KEY, f float8);
INSERT INTO num2_f8 VALUES (1, 1e23), (2, 5.9031e20), (3, 5.9033e20), (4, 1.1807e21), (5, 1e22), (6, 0.1), (7, -2e23), (8, 1e24);
SELECT 1e23::float8, '1e23'::float8, '100000000000000000000000'::float8, 1e22::float8, 1e24::float8, -1e23::float8;
SELECT 5.9031e20::float8, 5.9033e20::float8, 1.1807e21::float8, 2e23::float8, 4e23::float8, 8e23::float8;
SELECT 9007199254740993::float8, '5e-324'::float8, 1.7976931348623157e308::float8, 123456789012345678::float8;
SELECT id, f, f::text, -f, f * 1 FROM num2_f8 ORDER BY id;
SELECT 1e23::float8::text || '', ARRAY[1e23::float8, 2e23], CAST(1e23 AS double precision);
SELECT f FROM num2_f8 WHERE f = 1e23;
