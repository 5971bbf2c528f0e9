-- float8/float4 special values (issue 11): Infinity/-Infinity in every
-- spelling PostgreSQL reads, their output, ordering, keys, aggregates,
-- casts and arithmetic; NaN is refused with 0A000 wherever it would appear
-- (SQLite has no float NaN: it would become NULL), never stored as NULL
SELECT 'Infinity'::float8, '-Infinity'::float8, 'inf'::float8, '+inf'::float8, '-INF'::float8, 'iNfInItY'::float8, ' +Infinity '::float8;
SELECT 'Infinity'::float4, '-inf'::real, float8 'Infinity', real '-Infinity';
SELECT 'infinite'::float8;
SELECT '1e400'::float8;
SELECT '1e-400'::float8;
SELECT '1e39'::float4;
SELECT 1e400::float8;
SELECT 'Infinity'::float8 = 'inf'::float8, 'Infinity'::float8 > 1e308, '-Infinity'::float8 < -1e308, 'inf'::float4 = 'Infinity'::float8;
SELECT 'Infinity'::float8 IS DISTINCT FROM 'inf'::float8, 'Infinity'::float8 BETWEEN 1 AND 'Infinity';
SELECT pg_typeof('Infinity'::float8), pg_typeof(real '-inf');
-- output text and casts
SELECT 'Infinity'::float8::text, '-Infinity'::float4::text, 'Infinity'::float8::varchar;
SELECT 'Infinity'::float8::numeric, '-Infinity'::float8::numeric, 'Infinity'::real::numeric;
SELECT 'Infinity'::numeric::float8, '-Infinity'::numeric::float4;
SELECT 'Infinity'::float8::real, '-Infinity'::real::float8;
SELECT 'Infinity'::float8::int;
SELECT '-Infinity'::float8::bigint;
SELECT 'Infinity'::float8::smallint;
SELECT '-Infinity'::real::int;
SELECT 1e300::float8::real;
SELECT 1e-300::float8::real;
SELECT to_json('Infinity'::float8), to_jsonb('-Infinity'::float8), json_build_object('a', 'Infinity'::float8);
SELECT '{Infinity,-Infinity,1.5}'::float8[];
-- arithmetic
SELECT 'Infinity'::float8 + 1, 'Infinity'::float8 * -1, 1 / 'Infinity'::float8, -'Infinity'::float8, 'Infinity'::float8 + 'Infinity'::float8;
SELECT 1 / 0::float8;
SELECT 'Infinity'::float8 / 0;
SELECT 1 / 0::real;
SELECT 1e308::float8 * 10;
SELECT 1e308::float8 + 1e308::float8;
SELECT 1e-308::float8 * 1e-10;
SELECT 3e38::real * 10::real;
SELECT 'Infinity'::float8 + 1e308::float8;
-- functions
SELECT abs('-Infinity'::float8), sqrt('Infinity'::float8), cbrt('-Infinity'::float8), exp('Infinity'::float8), exp('-Infinity'::float8), ln('Infinity'::float8);
SELECT floor('Infinity'::float8), ceil('-Infinity'::float8), round('Infinity'::float8), trunc('-Infinity'::float8), sign('-Infinity'::float8);
SELECT sqrt('-Infinity'::float8);
SELECT greatest('Infinity'::float8, 1), least('-Infinity'::float8, 1);
SELECT atan('Infinity'::float8), atan2('Infinity'::float8, 1), sinh('Infinity'::float8), cosh('-Infinity'::float8), tanh('Infinity'::float8), asinh('-Infinity'::float8), acosh('Infinity'::float8);
SELECT atanh(1::float8), atanh(-1::float8), degrees('Infinity'::float8), radians('-Infinity'::float8);
SELECT degrees(1::float8), radians(180::float8), degrees(0.5::float8), radians(1e-300::float8);
SELECT exp(1000::float8);
SELECT exp(-1000::float8);
SELECT exp(1000);
SELECT power('Infinity'::float8, 0), power('Infinity'::float8, -1), power('Infinity'::float8, 0.5), power(2::float8, 'Infinity'::float8), power(0.5::float8, 'Infinity'::float8);
SELECT power('-Infinity'::float8, 2), power('-Infinity'::float8, 3), power('-Infinity'::float8, -2), power(2::float8, '-Infinity'::float8), power(1::float8, 'Infinity'::float8);
SELECT 'Infinity'::float8 ^ 2, 2 ^ '-Infinity'::float8;
SELECT power('-Infinity'::float8, 0.5);
SELECT power(10::float8, 400);
SELECT to_char('Infinity'::float8, '9999.99'), to_char('-Infinity'::float8, '9999.99'), to_char('Infinity'::float8, 'FM9999'), to_char('-Infinity'::float8, '9');
SELECT to_char('Infinity'::float8, '9999999999'), to_char('-Infinity'::float8, '99999999999.99'), to_char('Infinity'::float8, 'S99999999999'), to_char('-Infinity'::float8, '999999999PR');
SELECT to_char('Infinity'::float8, '9.99999999999999'), to_char('-Infinity'::float8, '99V9'), to_char('Infinity'::float8, '9.9EEEE'), to_char('Infinity'::float8, '0000000000');
SELECT to_char(1e20::float8, '9999.99'), to_char(-1.5::float8, '9999.99');
-- finite arguments keep the C library's digits (Go's math package differs in the last digit here)
SELECT x, sin(x), cos(x), exp(x), asin(x / 10), acosh(x + 11), atanh(x / 10) FROM (VALUES (1.0486190698703872::float8), (-3.234280263342999), (7.326391921179315), (0.5)) v(x);
