-- Exact numeric, integers and floats the way applications use them.
CREATE TABLE nm_acct (id int PRIMARY KEY, bal numeric(10,2), rate numeric(6,4), qty int, big bigint, f float8, free numeric);
INSERT INTO nm_acct VALUES
 (1, 100.005, 0.05, 3, 9000000000, 0.1, 1.10),
 (2, 0.333, 0.12345, 7, -5, 2.5, 3.14159265358979323846),
 (3, -42.5, 1, 0, 0, -0.0, 100),
 (4, 99999999.99, 0.00005, -2, 1, 1e-10, 0.000),
 (5, NULL, NULL, NULL, NULL, NULL, NULL),
 (6, 0.10, 0.2, 10, 2, 1e15, 'NaN');
SELECT * FROM nm_acct ORDER BY id;
SELECT sum(bal), avg(bal), min(bal), max(bal), count(bal) FROM nm_acct;
SELECT sum(rate), avg(rate), sum(free) FROM nm_acct WHERE id <> 6;
SELECT sum(free), avg(free), max(free), min(free) FROM nm_acct;
SELECT sum(qty), avg(qty), sum(big), avg(big), sum(f), avg(f) FROM nm_acct;
SELECT id, bal * rate, bal / 3, bal + qty, bal - f FROM nm_acct WHERE id <= 4 ORDER BY id;
SELECT id, round(bal * rate, 2), bal * qty FROM nm_acct WHERE id <= 4 ORDER BY id;
SELECT id FROM nm_acct WHERE bal = 0.33 ORDER BY id;
SELECT id FROM nm_acct WHERE bal = 100.01 ORDER BY id;
SELECT id FROM nm_acct WHERE bal > 0 AND bal < 100 ORDER BY id;
SELECT id, free FROM nm_acct ORDER BY free, id;
SELECT id, free FROM nm_acct ORDER BY free DESC NULLS LAST, id;
SELECT id FROM nm_acct WHERE free = 'NaN';
SELECT id FROM nm_acct WHERE free > 1000 ORDER BY id;
UPDATE nm_acct SET bal = bal + 0.005 WHERE id = 1 RETURNING bal;
UPDATE nm_acct SET bal = bal * 1.1 WHERE id = 3 RETURNING bal;
INSERT INTO nm_acct (id, bal) VALUES (7, 123456789.00);
INSERT INTO nm_acct (id, rate) VALUES (8, 99.99995);
INSERT INTO nm_acct (id, bal) VALUES (9, 'abc');
INSERT INTO nm_acct (id, bal) VALUES (10, '  12.345  ') RETURNING bal;
INSERT INTO nm_acct (id, bal) VALUES (11, '1e3'), (12, '-0.005'), (13, '.5') RETURNING bal;
INSERT INTO nm_acct (id, qty) VALUES (14, 2147483648);
INSERT INTO nm_acct (id, qty) VALUES (15, 2.5), (16, 3.5), (17, -2.5) RETURNING qty;
INSERT INTO nm_acct (id, big) VALUES (18, '9223372036854775808');
INSERT INTO nm_acct (id, bal) VALUES (19, 'Infinity');
SELECT 0.1 + 0.2, 0.1::float8 + 0.2::float8, 1.10 + 2.205, 10 - 0.01;
SELECT 1.5 * 2.25, 0.1 * 0.1, 123.456 * 1000, 2 * 3.0;
SELECT 1 / 3, 1.0 / 3, 10 / 4.0, 2 / 3::numeric, 1::numeric / 7;
SELECT 100.0 / 3.000, 1 / 3.0000000000000000000000, 12345678901234567890 / 3;
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 7.5 % 2, -7.5 % 2;
SELECT mod(10, 3), mod(-10, 3), mod(10.5, 3), mod(10, 2.5);
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 1 % 0;
SELECT 1.0::float8 / 0;
SELECT round(2.5), round(-2.5), round(3.5), round(2.5::float8), round(-0.5::float8);
SELECT round(1234.5678, 2), round(1234.5678, -2), round(1234.5678, 0), round(1250, -2), round(-1250, -2);
SELECT trunc(1234.5678, 2), trunc(1234.5678, -2), trunc(-1.99), trunc(1.99::float8);
SELECT ceil(1.1), ceil(-1.1), floor(1.9), floor(-1.9), ceiling(2.000), ceil(2.5::float8);
SELECT abs(-3.50), abs(-7), sign(-0.5), sign(0), sign(4::float8);
SELECT power(2, 10), power(2.0, 0.5), power(2, -1), 2 ^ 3, 2.0 ^ 3, power(2.5, 2);
SELECT power(-8, 1.0 / 3);
SELECT sqrt(2), sqrt(2::numeric), sqrt(16), sqrt(2.0);
SELECT cbrt(27);
SELECT sqrt(-1);
SELECT exp(1), exp(1.0), ln(10), ln(10.0), log(100), log(100.0), log(2, 8), log10(1000);
SELECT ln(0);
SELECT ln(-1.0);
SELECT 1.0 = 1, 1.0 = 1::float8, 0.1 = 0.1::float8, 0.5 = 0.5::float8, 1 < 1.5, 2::bigint = 2.0;
-- differs: 'NaN'::float8 is refused (0A000): SQLite has no float NaN
SELECT 'NaN'::numeric = 'NaN'::numeric, 'NaN'::numeric > 1e100, 'NaN'::float8 = 'NaN'::float8;
SELECT 'Infinity'::numeric, '-Infinity'::numeric, 'Infinity'::numeric > 1e300, 'Infinity'::numeric + 1;
SELECT 'Infinity'::numeric - 'Infinity'::numeric, 'Infinity'::numeric * 0;
-- differs: SILENTLY WRONG: a VALUES column takes its type from the first row (int8), so NaN/Infinity sort as text
SELECT x FROM (VALUES (1.5), ('NaN'), (-1), ('Infinity'), ('-Infinity'), (0)) v(x) ORDER BY x;
SELECT x::numeric FROM (VALUES ('1.50'), ('1.5'), ('01.500')) v(x) ORDER BY 1;
-- differs: SILENTLY WRONG: numeric literals in VALUES are float8: DISTINCT 1.0, 1.00, 1 prints 1 (PostgreSQL 1.0)
SELECT DISTINCT x FROM (VALUES (1.0), (1.00), (1)) v(x);
SELECT 1.50::numeric(5,1), 1.55::numeric(5,1), -1.55::numeric(5,1), 1.45::numeric(5,1), 12.345::numeric(4,2);
SELECT 123.45::numeric(4,2);
SELECT 0.005::numeric(3,2), 999.995::numeric(5,2);
SELECT 1234.5::numeric(3,-1);
SELECT '12.30'::numeric, '12.30'::numeric::text, 12.30::float8::text, '1e-5'::numeric, '-0'::numeric;
SELECT 3.7::int, 3.5::int, 4.5::int, -3.5::int, 2.5::bigint, 2.5::smallint;
SELECT 3.5::float8::int, 4.5::float8::int, '3.7'::numeric::int;
SELECT 2147483647.5::int;
SELECT 32767.5::smallint;
SELECT 1e20::bigint;
SELECT '1e400'::float8;
-- differs: SILENTLY WRONG: the literal 1e400 is a double (Infinity) before the numeric cast, so the float8 cast gives Infinity instead of 22003
SELECT 1e400::numeric::float8;
SELECT 'abc'::numeric;
SELECT '12abc'::int;
SELECT ' 42 '::int, '+7'::int, '-0'::int;
SELECT '0x10'::int;
SELECT 0.1::float8, 1e100::float8, 1.0e-5::float8, 123456789012345678::float8, 1.5e15::float8, 0.1::float4;
SELECT 3.14159::float8::numeric, 1e-7::float8::numeric, (1/3::float8)::numeric;
SELECT 2147483647 + 1;
SELECT 9223372036854775807::bigint + 1;
SELECT -2147483648::int;
SELECT (-2147483648)::int / -1;
SELECT 32767::smallint + 1::smallint;
SELECT 5 / 2 * 2.0, 5 / 2.0 * 2, (5 + 0.0) / 2, 5::float8 / 2;
-- differs: pg_typeof of an arbitrary expression is refused (0A000)
SELECT pg_typeof(1.5), pg_typeof(1 / 2), pg_typeof(1.0 / 2), pg_typeof(1 / 2::float8), pg_typeof(2 ^ 3), pg_typeof(sum(1.5)), pg_typeof(avg(1));
-- differs: pg_typeof of an arbitrary expression is refused (0A000)
SELECT pg_typeof(round(1.5)), pg_typeof(round(1.5::float8)), pg_typeof(sqrt(2)), pg_typeof(mod(7, 2)), pg_typeof(abs(-1.5));
-- differs: SILENTLY WRONG: numeric literals in VALUES are float8, so sum/avg are 0.6000000000000001
SELECT sum(x), avg(x) FROM (VALUES (0.1), (0.2), (0.3)) v(x);
SELECT sum(x), avg(x) FROM (VALUES (1), (2), (2)) v(x);
SELECT avg(x) FROM (VALUES (1.00), (2.00), (2.00)) v(x);
SELECT sum(x) FROM (VALUES (9223372036854775807::bigint), (1::bigint)) v(x);
SELECT sum(x), avg(x) FROM (VALUES ('NaN'::numeric), (1)) v(x);
-- differs: SILENTLY WRONG: stddev/variance of numeric literals are computed in float8 (last digits differ)
SELECT stddev(x), variance(x) FROM (VALUES (1.0), (2.0), (4.0)) v(x);
-- differs: to_char(numeric, text) is not supported (0A000)
SELECT to_char(1234.5, '9999.99'), to_char(1234.5, 'FM9999.99'), to_char(-1234.5, '9,999.00'), to_char(0.5, '0.00');
-- differs: to_char(numeric, text) is not supported (0A000)
SELECT to_char(1234567.891, 'FM999,999,999.00'), to_char(12, '000'), to_char(12.345, '99.9'), to_char(99999, '999');
-- differs: to_char(numeric, text) is not supported (0A000)
SELECT to_char(-12.5, 'S99.9'), to_char(12.5, '99.9S'), to_char(-12, 'MI99'), to_char(-12, '99PR');
-- differs: to_char(numeric, text) is not supported (0A000)
SELECT to_char(0.1234, '0.99EEEE'), to_char(42, 'RN'), to_char(21, 'FMRN'), to_char(3, 'FM9th');
-- differs: to_number() is missing
SELECT to_number('1,234.50', '9,999.99'), to_number('-12.5', 'S99.9'), to_number('$42', 'L99');
-- differs: scale() is missing
SELECT scale(1.500), scale(1), precision_ok FROM (SELECT 1 AS precision_ok) s;
-- differs: trim_scale()/min_scale() are missing
SELECT trim_scale(1.500), min_scale(1.500), 1.500::numeric(10,1);
-- differs: width_bucket() is missing
SELECT width_bucket(5.5, 0, 10, 4), width_bucket(10, 0, 10, 4), width_bucket(-1, 0, 10, 4);
-- differs: gcd/lcm/factorial/div are missing
SELECT gcd(12, 18), lcm(4, 6), factorial(10), div(7.5, 2), div(-7, 2);
-- differs: greatest()/least() with a ::numeric argument is a syntax error
SELECT greatest(1, 2.5, 2), least(1.0, 0.5, 3), greatest(1, 'NaN'::numeric);
SELECT 1.23e5, 1.23E-3, 1e0, 00012.3400, .5, 5.;
SELECT 12345678901234567890123456789.123456789 * 2, 12345678901234567890123456789 + 1;
SELECT 9999999999999999999999.99 + 0.01, -0.000000000000000000001;
SELECT id, bal FROM nm_acct WHERE id >= 10 ORDER BY id;
SELECT cast(bal AS text), cast(bal AS float8), cast(bal AS int) FROM nm_acct WHERE id = 2;
SELECT bal::numeric(4,1) FROM nm_acct WHERE id = 3;
SELECT bal::numeric(4,1) FROM nm_acct WHERE id = 4;
SELECT sum(bal) FILTER (WHERE bal > 0), sum(bal * qty) FROM nm_acct;
SELECT round(avg(bal), 2), round(sum(bal) / count(*), 2) FROM nm_acct WHERE bal IS NOT NULL;
SELECT qty, sum(bal) FROM nm_acct WHERE qty IS NOT NULL GROUP BY qty ORDER BY qty;
UPDATE nm_acct SET free = sqrt(2.0) * abs(-1.50) + power(2.0, 0.5) + ln(10.0) + mod(7.5, 2) WHERE id = 1 RETURNING free;
SELECT id, sqrt(free), exp(rate), ln(free), sign(bal) FROM nm_acct WHERE free > 0 AND rate > 0 ORDER BY id;
-- numeric functions over columns and expressions: exact numeric, described as PostgreSQL does
SELECT id, mod(bal, 3), power(rate, 2), mod(qty, 2), mod(big, 7), mod(bal, qty) FROM nm_acct WHERE id <= 4 AND qty <> 0 ORDER BY id;
SELECT id, sqrt(bal * 2), abs(bal - rate), round(bal * 1.1, 2), cbrt(bal), round(bal), trunc(rate * 3) FROM nm_acct WHERE bal > 0 ORDER BY id;
SELECT id, ln(bal + 1), log(2, rate), log(rate), exp(rate), sign(bal - 100) FROM nm_acct WHERE bal > 0 AND rate > 0 ORDER BY id;
SELECT id FROM nm_acct WHERE sqrt(rate) > 0.3 AND power(bal, 2) > 1 ORDER BY id;
SELECT max(round(bal, 1)), max(abs(bal)), min(sqrt(rate)), coalesce(sum(bal), 0), coalesce(max(qty), 0), max(qty) - min(qty) FROM nm_acct;
SELECT sum(bal * qty), avg(bal - rate), max(bal * 2) - min(bal), bit_and(qty), bit_or(qty) FROM nm_acct;
SELECT cbrt(27), cbrt(-8), ||/ 27.0, cbrt(2), mod(-4, 2), mod(7::int2, 4::int2);
