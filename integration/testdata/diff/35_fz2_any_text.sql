-- = ANY / <> ALL / < ALL of an array whose elements are text compares
-- text with text: pg_array_json read each element by its look, so '42'
-- became the number 42, never equal to the '42' of an operand of no
-- affinity (lower(t) = ANY(ARRAY['42', 'abc']) was false for '42',
-- lower(t) = ANY(ARRAY[vc, '42']) and upper(vc) <> ALL('{42,1}') too).
CREATE TABLE fz2_at (id int PRIMARY KEY, t text, vc varchar(10), i4 int);
INSERT INTO fz2_at VALUES (1, '42', '42', 42), (2, 'ABC', 'abc', 1), (3, NULL, NULL, NULL), (4, '042', '42.0', 0), (5, '1e1', '10', 10);
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY['42', 'abc']) ORDER BY id;
SELECT id FROM fz2_at WHERE upper(vc) <> ALL(ARRAY['42', 'ABC']) ORDER BY id;
SELECT id, lower(t) = ANY(ARRAY['42', 'abc', '10']) AS x FROM fz2_at ORDER BY id;
SELECT id FROM fz2_at WHERE coalesce(t, vc) = ANY(ARRAY['42']) ORDER BY id;
SELECT id FROM fz2_at WHERE i4::text = ANY(ARRAY['42', '10']) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY['42'::text, '1e1']) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY('{42,abc}'::text[]) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY[NULL, '42']) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY[i4::text, 'x']) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY[vc, '42']) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY[vc]) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY('{42,abc}') ORDER BY id;
SELECT id FROM fz2_at WHERE upper(vc) <> ALL('{42,1}') ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) < ALL(ARRAY[vc, '5']) ORDER BY id;
SELECT id FROM fz2_at WHERE i4::text = ANY(ARRAY[t, vc]) ORDER BY id;
SELECT id FROM fz2_at WHERE lower(t) = ANY(ARRAY[upper('abc'), '42.0']) ORDER BY id;
DROP TABLE fz2_at;
