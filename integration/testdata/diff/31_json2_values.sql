-- a quoted literal beside a jsonb in VALUES or a set operation is jsonb:
-- printed in jsonb's normal form
SELECT x FROM (VALUES ('{"a":1}'::jsonb), ('{"b":2,  "a":1}'), ('1.50'), (NULL)) v(x);
VALUES ('[1]'::jsonb), ('{"b":2,  "a":1}');
SELECT '{"b":2,  "a":1}' UNION ALL SELECT '[1]'::jsonb;
SELECT '[1]'::jsonb UNION ALL SELECT '{"b":2,  "a":1}';
SELECT x FROM (VALUES ('1'::json), ('{"b" : 2}')) v(x);
SELECT x FROM (VALUES ('1'::jsonb), ('"a"'), ('null'), ('true'), ('[]'), ('{}'), ('[1]'), ('{"a":1}'), ('1.5'), ('-1'), ('""'), ('false'), ('[null]')) v(x) ORDER BY x;
SELECT x FROM (VALUES ('1'::jsonb), ('{"a":')) v(x);
SELECT DISTINCT x FROM (VALUES ('{"a":1}'::jsonb), ('{"a":1.0}'), ('{ "a" : 1 }')) v(x);
SELECT j FROM (SELECT '[1,2]'::jsonb AS j UNION SELECT '[1, 2]' UNION SELECT '[2,1]') s ORDER BY j;
