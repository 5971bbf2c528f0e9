-- jsonb's - is left associative: j - 'a' - 'b' deletes both keys
CREATE TABLE n27srf2_j (id int primary key, j jsonb);
INSERT INTO n27srf2_j VALUES (1, '{"a":1,"b":2,"c":3}'), (2, '[1,2]');
SELECT '{"a":1,"b":2,"c":3}'::jsonb - 'a' - 'b';
SELECT '{"a":1,"b":2,"c":3}'::jsonb - 'a' - 'b' - 'c';
SELECT j - 'a' - 'b' FROM n27srf2_j ORDER BY id;
SELECT j - 'a' - 1 FROM n27srf2_j WHERE id = 2;
SELECT j - 'a' - 1 FROM n27srf2_j ORDER BY id;
SELECT '[1,2,3]'::jsonb - 0 - 0;
SELECT '{"a":1,"b":2,"c":3}'::jsonb - 'a' - '{b}'::text[];
SELECT ('{"a":1,"b":2}'::jsonb - 'a' - 'b') = '{}'::jsonb;
SELECT id FROM n27srf2_j WHERE j - 'a' - 'b' = '{"c": 3}' ORDER BY id;
SELECT 10 - 2 - 3, 10 - (2 - 3);
