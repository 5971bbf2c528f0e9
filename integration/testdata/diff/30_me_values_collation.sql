-- VALUES constants of types compared by value (interval, jsonb, money,
-- inet) order, group and deduplicate by value, as the columns of those
-- types do: the first row's item carries its type's collation.
SELECT max(x) FROM (VALUES (interval '1 mon'), (interval '25 hours')) v(x);
SELECT x FROM (VALUES (interval '1 mon'), (interval '25 hours'), (interval '30 days')) v(x) ORDER BY x;
WITH c(x) AS (VALUES (interval '1 mon'), (interval '30 days')) SELECT count(DISTINCT x) FROM c;
SELECT x, count(*) FROM (VALUES (interval '1 mon'), (interval '30 days'), (interval '720 hours'), (interval '1 day')) v(x) GROUP BY x ORDER BY x;
SELECT * FROM (VALUES (interval '2 days'), (interval '25 hours'), (interval '1 mon')) v ORDER BY 1;
SELECT min(x), max(x) FROM (VALUES (interval '-1 day'), (interval '-23 hours'), (interval '1 year')) v(x);
SELECT DISTINCT x FROM (VALUES ('1.5'::jsonb), ('1.50'::jsonb)) v(x);
SELECT x FROM (VALUES ('{"b": 1}'::jsonb), ('{"a": 2, "b": 0}'::jsonb), ('[1]'::jsonb)) v(x) ORDER BY x;
SELECT x FROM (VALUES ('10.00'::money), ('9.50'::money), ('100'::money)) v(x) ORDER BY x;
SELECT x FROM (VALUES ('10.0.0.1'::inet), ('9.0.0.1'::inet), ('10.0.0.0/8'::inet)) v(x) ORDER BY x;
SELECT x FROM (VALUES (interval '1 mon', 1), (NULL, 2), (interval '25 hours', 3)) v(x, n) ORDER BY x NULLS FIRST, n;
CREATE TABLE me_vc (id int PRIMARY KEY, iv interval);
INSERT INTO me_vc VALUES (1, interval '1 mon'), (2, interval '25 hours');
SELECT id, iv FROM me_vc ORDER BY iv;
SELECT id FROM me_vc WHERE iv IN (SELECT x FROM (VALUES (interval '30 days')) v(x));
DROP TABLE me_vc;
