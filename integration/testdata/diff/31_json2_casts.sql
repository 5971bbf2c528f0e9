-- casts of jsonb to numbers and boolean (the scalar of the matching kind,
-- else 22023 cannot cast jsonb string to type integer), of json 42846
SELECT '1'::jsonb::int, '1.5'::jsonb::numeric, 'true'::jsonb::bool, '"x"'::jsonb::text, '1.5'::jsonb::float8, '1'::jsonb::bigint, '2.5'::jsonb::int, '-2.5'::jsonb::int8, '1e2'::jsonb::int2, '1.50'::jsonb::numeric, '1.555'::jsonb::numeric(5,2), '0.1'::jsonb::real;
SELECT '"1"'::jsonb::int;
SELECT 'true'::jsonb::int;
SELECT '1'::jsonb::bool;
SELECT 'null'::jsonb::int;
SELECT '[1]'::jsonb::numeric;
SELECT '{"a":1}'::jsonb::float8;
SELECT '"t"'::jsonb::boolean;
SELECT 'false'::jsonb::real;
SELECT '99999999999'::jsonb::int;
SELECT '70000'::jsonb::int2;
SELECT CAST('"1"'::jsonb AS int);
SELECT CAST('3.5'::jsonb AS int), CAST('false'::jsonb AS boolean);
SELECT '1'::json::int;
SELECT CAST('1'::json AS numeric);
SELECT '1'::json::bool;
SELECT '1'::json::jsonb::int, '"a"'::json::text, ('{"a":2}'::jsonb -> 'a')::int, ('{"a":"2"}'::jsonb ->> 'a')::int, ('{"a":true}'::jsonb -> 'a')::bool;
SELECT ('{"a":"x"}'::jsonb -> 'a')::int;
SELECT (jsonb_build_object('a', 1.5) -> 'a')::numeric, (to_jsonb(3) )::int;
CREATE TABLE json2_cast (id int PRIMARY KEY, j jsonb, t json);
INSERT INTO json2_cast VALUES (1, '1.5', '2'), (2, 'true', '"x"'), (3, '"s"', 'null');
SELECT id, j::numeric FROM json2_cast WHERE id = 1;
SELECT id, j::int FROM json2_cast ORDER BY id;
SELECT id, (j -> 0)::int FROM json2_cast ORDER BY id;
SELECT id, j::bool FROM json2_cast WHERE id = 2;
SELECT sum(j::numeric) FROM json2_cast WHERE id = 1;
-- a json column: the declared type read at run time
SELECT id, t::int FROM json2_cast;
