-- ->, ->>, #>, #>> of json keep the text as written (a repeated key's
-- last value); a jsonb scalar is a one-element array to -> with an index
SELECT '{"a":{"b" : [1,2]}}'::json #> '{a,b}', '{"a":{"b" : [1,2]}}'::json #>> '{a,b,-1}', '{"a":{"b" : [1,2]}}'::json #> '{}', ' [1,  2] '::json #>> '{}', '{"a":null}'::json #>> '{a}', '{"a":null}'::json #> '{a}';
SELECT '{"a":1,"a":2}'::json -> 'a', '{"a":[1, 2 ]}'::json -> 'a', '[1,2]'::json -> '0', '{"0":1}'::json -> '0', '[1,2]'::json #> '{x}', '[1,2]'::json #> '{ 1}', '{"a":1,"a":2}'::json #> '{a}';
SELECT '{"a":"x\u0041"}'::json -> 'a', '{"a":"x\u0041"}'::json ->> 'a', '{"a":"x\u0041"}'::jsonb -> 'a', '[1.50, 1e2]'::json -> 1, '[1.50, 1e2]'::jsonb -> 1, '[1.50, 1e2]'::json ->> 0;
SELECT '[[1,  2], {"b" :1}]'::json -> 0 -> 1, '[[1,  2], {"b" :1}]'::json -> 1, '[[1,  2], {"b" :1}]'::json -> -1 ->> 'b', ('[[1,  2]]'::json -> 0) #> '{0}';
SELECT '1'::json -> 0, '1'::jsonb -> 0, '1'::jsonb ->> 0, '1'::jsonb -> -1, '"x"'::jsonb -> 0, '1'::jsonb -> 1, '1'::jsonb -> -2, '1'::jsonb #> '{0}', 'null'::jsonb -> 0, 'null'::jsonb ->> 0, '{"a":1}'::jsonb ->> 0, '"x"'::json ->> 0;
SELECT json_build_object('a', '[1,  2]'::json) -> 'a', to_json(ARRAY[1,2]) -> 0, json_build_array(1, 'x') ->> 1;
-- an index past int4's range is bigint, a fraction numeric: no such operator
SELECT '[1,2]'::jsonb -> 9999999999;
SELECT '[1,2]'::jsonb ->> -9999999999;
SELECT '[1,2]'::json -> 9999999999;
SELECT '[1,2]'::json ->> 1.5;
SELECT '[1,2]'::jsonb -> 1.5;
SELECT '[1,2]'::jsonb -> 2147483647, '[1,2]'::jsonb -> -2147483648;
