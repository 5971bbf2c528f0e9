-- the elements of an integer array column (unnest after a table, a
-- subscript) compared with quoted literals compare as numbers; other
-- element types as their own
CREATE TABLE n27srf2_arr (id int primary key, a int[], b bigint[], s smallint[], c numeric[], t text[], d date[]);
INSERT INTO n27srf2_arr VALUES (1, '{1,6,7}', '{5,6,70}', '{1,9}', '{1.5,6,7.25}', '{a,6,7}', '{2024-01-01,2024-06-01}'), (2, '{2,3,10}', '{10}', '{10}', '{5.9}', '{x,10}', '{2023-12-31}');
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.a) u WHERE u > '5' ORDER BY 1, 2;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.a) u WHERE u = '6';
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.a) u WHERE u IN ('6', '10') ORDER BY u;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.a) u WHERE u BETWEEN '2' AND '6' ORDER BY u DESC;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.a) u WHERE u NOT IN ('1', '2') AND u <> '3' ORDER BY u;
SELECT id, u FROM n27srf2_arr, unnest(a) AS u WHERE '5' < u ORDER BY 2;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.b) u WHERE u > '9' ORDER BY 2;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.s) u WHERE u >= '9' ORDER BY 2;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.c) u WHERE u > '5.9' ORDER BY 2;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.t) u WHERE u > '5' ORDER BY 2;
SELECT id, u FROM n27srf2_arr, unnest(n27srf2_arr.d) u WHERE u > '2023-12-31' ORDER BY 2;
SELECT id, u, o FROM n27srf2_arr, unnest(n27srf2_arr.a) WITH ORDINALITY AS x(u, o) WHERE u > '2' ORDER BY 1, 3;
SELECT id FROM n27srf2_arr WHERE a[2] > '5' ORDER BY id;
SELECT id FROM n27srf2_arr WHERE b[1] = '10' ORDER BY id;
SELECT id, a[3] FROM n27srf2_arr WHERE a[3] IN ('7', '10') ORDER BY id;
