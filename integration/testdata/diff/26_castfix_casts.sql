-- castfix: a cast's rule depends on its operand's type. Text cast to an
-- integer type is read by the integer's input function ('1.5' is 22P02,
-- where 1.5::numeric::int is 2); boolean has a cast from int4 alone among
-- the numbers (42846 for the others), for constants and columns alike
-- (issue 11).
CREATE TABLE n26castfix_c (id int, t text, v varchar(10), f float8, r real, n numeric, i2 int2, i4 int4, i8 int8);
INSERT INTO n26castfix_c VALUES (1, '1.5', '2.5', 1.5, 2.5, 2.5, 1, 2, 3), (2, ' 7 ', '-8', 0, 0, 0, 0, 0, 0);
SELECT '1.5'::text::int;
SELECT '1.5'::varchar::int8;
SELECT '1.5'::text::int2;
SELECT 'abc'::text::int;
SELECT ' 12 '::text::int, '-3'::varchar::int8;
SELECT t::int FROM n26castfix_c WHERE id = 1;
SELECT CAST(t AS int) FROM n26castfix_c WHERE id = 1;
SELECT t::int8 FROM n26castfix_c WHERE id = 1;
SELECT v::int FROM n26castfix_c WHERE id = 1;
SELECT t::int, v::int2 FROM n26castfix_c WHERE id = 2;
SELECT n::int, f::int, r::int, i2::int FROM n26castfix_c ORDER BY id;
SELECT 1.5::numeric::int, 2.5::float8::int;
SELECT ('1' || '.5')::int;
SELECT ('1' || '2')::int2;
-- differs-message: a concatenation's type is not known when the cast is translated, so its integer cast still reads the text as numeric (names numeric)
SELECT (t || '0')::int FROM n26castfix_c WHERE id = 2;
SELECT f::bool FROM n26castfix_c;
SELECT 1.5::float8::bool;
SELECT CAST(f AS bool) FROM n26castfix_c;
SELECT n::bool FROM n26castfix_c;
SELECT r::bool FROM n26castfix_c;
SELECT i2::bool FROM n26castfix_c;
SELECT i4::bool FROM n26castfix_c ORDER BY id;
SELECT i8::bool FROM n26castfix_c;
SELECT 2::bool, 0::bool;
SELECT 1.5::bool;
SELECT 3000000000::bool;
SELECT 1::int2::bool;
SELECT t::bool FROM n26castfix_c WHERE id = 1;
SELECT 'yes'::text::bool;
-- differs: a column's declared type is read at run time, so a cast to boolean of a double precision column is refused only when a row is cast
SELECT f::bool FROM n26castfix_c WHERE false;
