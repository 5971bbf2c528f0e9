SELECT '42'::int, '-7'::int, ' 12 '::int, '+5'::int;
SELECT 'abc'::int;
SELECT '1.5'::int;
SELECT ''::int;
SELECT '12abc'::integer;
SELECT 1.5::int, 2.5::int, -2.5::int, 3.49::int;
SELECT '2147483647'::int;
SELECT '2147483648'::int;
SELECT '9223372036854775807'::bigint;
SELECT '32767'::smallint;
SELECT '32768'::smallint;
SELECT 42::text, 3.14::text, true::text;
SELECT CAST('7' AS integer) + 1;
SELECT '3.14'::numeric, '1e3'::numeric, '  2.50 '::numeric;
SELECT 'x'::numeric;
-- differs: 'NaN'::float8 is NULL: SQLite has no float NaN (float area, see docs)
SELECT '1.5'::float8, 'NaN'::float8, 'Infinity'::float8;
SELECT 'abc'::float8;
SELECT 10 / 3, 10 % 3, -7 / 2, -7 % 2;
SELECT 10 / 3.0;
SELECT 1 / 0;
SELECT 1.0 / 0;
SELECT 5 % 0;
SELECT 2 + 2 * 3, (2 + 2) * 3, 2 ^ 3;
-- differs-type: abs/round/ceil/floor/trunc of literals are described from SQLite's value (int8/float8; PostgreSQL: int4/numeric)
SELECT abs(-5), round(2.5), round(-2.5), round(2.345, 2), ceil(1.2), floor(-1.2), trunc(1.9);
-- differs: round(float8) rounds half away from zero: at run time a float8 cannot be told from a decimal literal SQLite read as REAL
SELECT round(2.5::float8), round(3.5::float8);
-- differs-type: mod/sign of literals are described from SQLite's value (float8/int8; PostgreSQL: int4/float8)
SELECT sqrt(16), power(2, 10), mod(10, 3), sign(-3);
SELECT 7::text || 'x';
SELECT int '5' + 1, text 'a' || 'b';
SELECT '5'::int8 * 2;
SELECT 0.1 + 0.2;
SELECT 0.1::float8 + 0.2::float8;
SELECT 1e2, 1.5e-1;
SELECT 100000 * 100000;
SELECT 2147483647 + 1;
SELECT salary::text FROM emp ORDER BY id LIMIT 2;
SELECT '1'::int = 1, '01'::int;
SELECT 'true'::bool AND 'f'::bool;
SELECT '00000000-0000-0000-0000-000000000001'::uuid;
SELECT 'not-a-uuid'::uuid;
SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid;
SELECT '\x0102'::bytea, 'abc'::bytea;
-- differs: char(n) values are kept without their blank padding, so a cast to char(n) outside a column prints unpadded
SELECT 'abc'::varchar(2), 'abc'::char(5), 'ab'::char(1);
SELECT length('ab'::char(5)), 'ab'::char(5) || 'c';
-- differs-type: integer values whose type the lexical translation cannot see are described by their SQLite value as int8 (PostgreSQL: int4)
SELECT '1'::int + '2';
-- differs: an integer literal compared with a string literal compares across storage classes (false) instead of reading the string as an integer
SELECT 3 = '3';
SELECT cast(null as int) IS NULL;
SELECT 5::numeric(5,2), 1.005::numeric(5,2), 12345.6::numeric(5,1);
SELECT 123456::numeric(5,1);
