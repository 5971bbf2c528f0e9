-- ARRAY[...] over columns is the array of its elements' common type
-- (int4[] of int4 columns and arithmetic on them, text[] beside || and a
-- literal; the "columns:" line), where it was text; unnest of it is the
-- element type, where it was int8.
CREATE TABLE fz3_ac (id int PRIMARY KEY, key text, value int, i2 int2, i8 int8, vc varchar(10), ia int4[]);
INSERT INTO fz3_ac VALUES (1, 'a', 5, 2, 3000000000, 'ab', '{1,2}'), (2, 'b', NULL, NULL, NULL, NULL, NULL);
SELECT array[id] AS a1, array[id, id*10] AS a2, array[id, 10] AS a3, array[value*2] AS a4 FROM fz3_ac ORDER BY id;
SELECT array[key, key||'x'] AS a1, array[key, 'x'] AS a2, array[vc, key] AS a3, array[key, NULL] AS a4 FROM fz3_ac ORDER BY id;
SELECT array[i2] AS a1, array[i2, id] AS a2, array[i8, id] AS a3, array[id::int8, value] AS a4 FROM fz3_ac ORDER BY id;
SELECT id, u FROM fz3_ac, unnest(array[id, id * 10]) u ORDER BY 1, 2;
SELECT unnest(array[id, id * 10]) u FROM fz3_ac ORDER BY 1;
SELECT unnest(array[i8, id]) u FROM fz3_ac ORDER BY 1;
SELECT (array[id, i8])[1] AS e FROM fz3_ac ORDER BY id;
DROP TABLE fz3_ac;
