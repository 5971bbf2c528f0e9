-- num2_tocharreal: to_char of a real is float4_to_char: at most FLT_DIG
-- (6) digits, V's power of ten multiplied in single precision, the
-- infinities laid out in the digits that leaves; of a double precision
-- float8_to_char (15 digits).
CREATE TABLE num2_tcr (id int PRIMARY KEY, r real, f float8);
INSERT INTO num2_tcr VALUES (1, 1234.5678, 1234.5678), (2, -0.005, -0.005), (3, 3.4e38, 1e23), (4, 0, 0), (5, 2.5, 2.5), (6, 'Infinity', '-Infinity'), (7, NULL, NULL);
SELECT to_char('Infinity'::float4, '9.99999'), to_char('-Infinity'::real, '999999999.9'), to_char(1.5::float4, '9.9999999'), to_char(1234567.0::float4, '9999999.99');
SELECT to_char(0.1::float4, '9.999999999'), to_char(123.456::real, '999.999'), to_char(-0.005::real, 'FM9.99999999'), to_char(3.14159265::real, '9.99999999');
SELECT to_char(1.5::real, '9V9999'), to_char(0.1::real, '9V99999999'), to_char(1.1::real, '9.9V9999'), to_char(16777217::real, '999999999999');
SELECT to_char(2.5::real, 'RN'), to_char(3.5::real, 'FMRN'), to_char(12345.678::real, '9.999EEEE'), to_char(0.1::real, '9.9999999999EEEE');
SELECT to_char(CAST(0.1 AS real), '9.9999999'), to_char(0.1::float8, '9.9999999'), to_char(r::float8, '9999.9999999') FROM num2_tcr WHERE id = 1;
SELECT id, to_char(r, '999999.999999'), to_char(r, '9.99EEEE'), to_char(r, 'RN'), to_char(r, '99V99'), to_char(r, 'FM9999999999.99999999') FROM num2_tcr ORDER BY id;
SELECT id, to_char(f, '999999.999999'), to_char(f, 'FM9999999999.99999999'), to_char(f, '99V99') FROM num2_tcr ORDER BY id;
SELECT to_char(t.r, 'S9.9999999'), to_char(num2_tcr.r, '0000.0000000') FROM num2_tcr, num2_tcr t WHERE num2_tcr.id = 1 AND t.id = 5;
