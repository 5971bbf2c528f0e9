-- errfix_float4out: float4 text is the shortest decimal strictly inside
-- the value's rounding interval (pgwire/float_shortest.go): a shorter one
-- exactly halfway to the next float4 is not printed.
CREATE TABLE n28errfix_r (id int PRIMARY KEY, r real);
INSERT INTO n28errfix_r VALUES (1, -9000000000), (2, 3e10), (3, 1.7e10), (4, 1e10), (5, 0.1), (6, 123456789012), (7, 16777217), (8, 6e-41), (9, 1.5e-45);
SELECT (-9000000000)::real, 9000000000::real, 3e10::real, 1.7e10::real, 5e10::real;
SELECT id, r FROM n28errfix_r ORDER BY id;
SELECT id, r::text, r::float8 FROM n28errfix_r ORDER BY id;
SELECT ARRAY[(-9000000000)::real, 3e10::real];
SELECT to_json((-9000000000)::real), 'x' || 3e10::real;
SELECT 1e-40::real, 1.23456789e20::real, 3.4e38::real, 1e-7::real, 123456789::real, 123456.7::real, 0.00012345::real;
