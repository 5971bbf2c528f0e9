-- = ANY / <> ALL of an array compares a numeric column, or a coalesce,
-- nullif or CASE that is numeric, with the array's numbers by value:
-- the array's elements kept their integers beside a numeric's text
-- (json_each's BLOB affinity), never equal to it (n = ANY(ARRAY[100, 2])
-- was false for 100; coalesce(strpos(t, 'abc'), div(i4, i2)) = ANY(ia)
-- false for 0 and {-1,0,1}: the fuzz tester's seed 777360).
CREATE TABLE fz2_an (id int PRIMARY KEY, i2 int2, i4 int, n numeric, n2 numeric(10,2), t text, b bool, ia int[], na numeric[]);
INSERT INTO fz2_an VALUES (1, 0, 0, 0, 0.00, '', false, '{1,2,3}', '{0.5,1}'), (2, -1, -7, -2.5, -2.50, 'Hello', true, '{}', '{}'), (3, 32767, 2147483647, 12345.678, 99999999.99, 'héllo wörld', true, '{NULL,5}', '{NULL,12345.678}'), (4, -32768, -2147483648, 0.5, 0.50, 'a%b_c', false, '{-1,0,1}', '{0.50}'), (5, 7, 7, 1.5, 1.50, '42', NULL, NULL, NULL), (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (7, 3, 3, -0.5, -0.50, 'abc', true, '{3,3}', '{-0.5}'), (8, 3, 10, 100, 100.00, 'ABC', false, '{10}', '{100.0,2}');
SELECT id, ia AS c1 FROM fz2_an WHERE coalesce(strpos(t, 'abc'), div(i4, i2)) = ANY(ia) ORDER BY 1;
SELECT id FROM fz2_an WHERE n = ANY(ARRAY[100, 2]) ORDER BY id;
SELECT id FROM fz2_an WHERE n2 = ANY(ARRAY[100, 0]) ORDER BY id;
SELECT id FROM fz2_an WHERE n <> ALL(ARRAY[100, 2]) ORDER BY id;
SELECT id, coalesce(n, 0) = ANY(ARRAY[100, 2]) AS x, coalesce(n2, 0) <> ALL(ARRAY[100, 0]) AS y FROM fz2_an ORDER BY id;
SELECT id FROM fz2_an WHERE coalesce(i4, 1.5) = ANY(ARRAY[3, 1]) ORDER BY id;
SELECT id FROM fz2_an WHERE nullif(n, 0) = ANY(ia) ORDER BY id;
SELECT id FROM fz2_an WHERE (CASE WHEN b THEN n ELSE n2 END) = ANY(na) ORDER BY id;
SELECT id FROM fz2_an WHERE n = ANY(na) ORDER BY id;
SELECT id FROM fz2_an WHERE i4 = ANY(ia) ORDER BY id;
SELECT id FROM fz2_an WHERE t = ANY(ARRAY['42', 'abc']) ORDER BY id;
DROP TABLE fz2_an;
