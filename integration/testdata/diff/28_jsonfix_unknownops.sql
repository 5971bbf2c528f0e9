-- An operator between two unknown literals: PostgreSQL answers where one
-- operator fits (||, comparisons, ^, ~, ?, #-) and is 42725 where several
-- do
SELECT 'x' - 'y';
SELECT '1' + '2';
SELECT '1' * '2';
SELECT '4' / '2';
SELECT '4' % '2';
SELECT '1' & '2';
SELECT '1' | '2';
SELECT '1' << '2';
SELECT '1' >> '2';
SELECT '1' && '2';
SELECT '1' @> '2';
SELECT '1' <@ '2';
SELECT '{"a":1}' -> 'a';
SELECT '{"a":1}' ->> 'a';
SELECT '{"a":1}' #> '{a}';
SELECT '{"a":1}' #>> '{a}';
SELECT '{"a":1}' ?| '{a}';
SELECT 'a' || '1' - '2';
SELECT '1' - '2' * '3';
SELECT ('1' + '2');
SELECT 1 + ('1' + '2');
SELECT '1' || '2', '1' < '2', '1' = '2', '2' ^ '3', 'ab' ~ 'b', 'ab' LIKE 'a%';
-- differs-type: #- of an unknown literal is described as text (docs/sql-dialect.md, jsonb)
SELECT '{"a":1}' ? 'a', '{"a":1}' #- '{a}';
SELECT '1'::int - '2', 1 - '2', '1' - 2;
SELECT '{"a":1}'::jsonb -> 'a';
