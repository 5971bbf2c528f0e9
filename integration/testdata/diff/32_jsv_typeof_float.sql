-- pg_typeof of the float8 math functions: random() and pi(), the
-- trigonometric functions (float8 only), power's float8 and numeric
-- overloads, abs keeping its argument's type, sign's two overloads
SELECT pg_typeof(random()), pg_typeof(pi()), pg_typeof(sqrt(2.0::float8));
SELECT pg_typeof(power(2.0::float8, 2)), pg_typeof(power(2, 3)), pg_typeof(power(2.0, 3)), pg_typeof(pow(2::float4, 2)), pg_typeof(power(2::int8, 2.5)), pg_typeof(power(2, 3::numeric));
SELECT pg_typeof(sin(1)), pg_typeof(atan2(1, 2.0)), pg_typeof(degrees(1.0)), pg_typeof(sind(30)), pg_typeof(tanh(1)), pg_typeof(cot(1)), pg_typeof(radians(180::int8));
SELECT pg_typeof(abs(1.5::float8)), pg_typeof(abs(1::int2)), pg_typeof(abs(1.5)), pg_typeof(abs(1::float4)), pg_typeof(abs(-3));
SELECT pg_typeof(sign(1)), pg_typeof(sign(1.5)), pg_typeof(sign(1::float4));
SELECT pg_typeof(acos(2));
SELECT pg_typeof(asind(2));
SELECT pg_typeof(power(0, -1));
SELECT pg_typeof(power(-8::float8, 0.5));
SELECT asind(2) FROM (SELECT 1) s WHERE false;
