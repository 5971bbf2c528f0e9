-- ARRAY[...] over columns is described before execution as the array of
-- its elements' common type (int4[] of int4 columns and arithmetic on
-- them, text[] beside || and a literal), and unnest of it as the element
-- type; they were described text (OID 25) and int8, and pgx failed to
-- scan an int4[] into []int32.
CREATE TABLE fz3_a (id int PRIMARY KEY, key text, value int, i2 int2, i8 int8, n numeric(10,2), f4 real, b bool, vc varchar(10), uu uuid, ia int4[]);
INSERT INTO fz3_a VALUES (1, 'a', 5, 2, 3000000000, 1.50, 1.5, true, 'ab', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{1,2}'), (2, 'b', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT array[id] FROM fz3_a;
SELECT array[id, id*10] FROM fz3_a;
SELECT array[id, 10] FROM fz3_a;
SELECT array[value*2] FROM fz3_a;
SELECT array[key, key||'x'] FROM fz3_a;
SELECT array[key, 'x'], array[vc, key], array[key, vc] FROM fz3_a;
SELECT array[i2], array[i2, id], array[i8, id], array[n, id], array[id, 1.5] FROM fz3_a;
SELECT array[f4], array[f4, 1], array[b], array[b, true], array[uu] FROM fz3_a;
SELECT array[id, NULL], array[NULL, key], array[id::int8, value], array[id::numeric, 1], array[vc::int4] FROM fz3_a WHERE id = 2;
SELECT array[upper(key), lower(vc)], array[length(key)], array[abs(id)], array[coalesce(id, 0)], array[n * 2] FROM fz3_a;
SELECT array[count(*)], array[max(id)], array[sum(id)], array[avg(id)] FROM fz3_a;
SELECT array[id] AS x, array[key] AS y FROM fz3_a;
SELECT u FROM fz3_a, unnest(array[id, id * 10]) u;
SELECT unnest(array[id, id * 10]) u FROM fz3_a;
SELECT unnest(array[i8, id]), unnest(array[key, vc]) FROM fz3_a;
SELECT x FROM fz3_a, unnest(array[n, id]) x;
SELECT (ARRAY[1,2])[1] AS e1, (ia)[1] AS e2, (array[id, i8])[1] AS e3 FROM fz3_a;
SELECT (max(ia))[1] AS m FROM fz3_a;
DROP TABLE fz3_a;
