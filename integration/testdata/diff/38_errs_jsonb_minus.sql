-- jsonb - x exists for text, integer and text[]: PostgreSQL's 42883 for a
-- bigint, numeric, float or boolean operand (pg_jsonb_delete answered by
-- the value: a whole number as an index, 1.0 as a key).
SELECT '["a","b"]'::jsonb - 0, '["a","b"]'::jsonb - -1, '["a","b"]'::jsonb - '0', '["a","b"]'::jsonb - 0::int, '["a","b"]'::jsonb - 0::smallint, '["a","b"]'::jsonb - 5;
SELECT '["a","b"]'::jsonb - 0::bigint;
SELECT '["a","b"]'::jsonb - 1.0;
SELECT '["a","b"]'::jsonb - 1::numeric;
SELECT '["a","b"]'::jsonb - 1::float8;
SELECT '["a","b"]'::jsonb - true;
SELECT '["a","b"]'::jsonb - 3000000000;
SELECT '{"a":1,"b":2}'::jsonb - 'a', '{"a":1,"b":2}'::jsonb - 'a'::text, '{"a":1,"b":2}'::jsonb - ARRAY['a','b'], '["a","b"]'::jsonb - (1+0), '["a","b"]'::jsonb - length('a');
SELECT '{"a":1}'::jsonb - 0;
SELECT '"a"'::jsonb - 0;
