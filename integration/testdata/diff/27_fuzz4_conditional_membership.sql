-- fuzz4_conditional_membership: a coalesce, nullif or CASE with a branch
-- of numeric type tested with BETWEEN or IN compares by value, as its
-- comparison with a number does: its numeric text had no affinity to
-- convert the bounds with, so CASE WHEN false THEN 10.005 ELSE n2 END
-- BETWEEN -1.5 AND 2.5 was false for 0.00 (found by the differential fuzz
-- tester, seed 3100705); text and integer results compare as before.
CREATE TABLE n27fuzz4_cm (id int PRIMARY KEY, i4 int4, n numeric, n2 numeric(10,2), t text, j jsonb, ta text[]);
INSERT INTO n27fuzz4_cm VALUES
 (1, 0, 0, 0.00, '', '{"a": 1}', '{a,b}'),
 (2, -7, -2.5, -2.50, 'Hello', '{"a": "x"}', '{}'),
 (3, 2147483647, 12345.678, 99999999.99, 'héllo', '[1, 2]', '{NULL,"x y"}'),
 (4, 10, 0.5, 0.50, 'a%b_c', '{}', '{"",z}'),
 (5, 7, 1.5, 1.50, '42', 'null', NULL),
 (6, NULL, NULL, NULL, NULL, NULL, NULL),
 (7, 3, -0.5, -0.50, 'abc', '{"b": [3]}', '{abc}'),
 (8, 3, 100, 100.00, 'ABC', '"str"', '{abc,ABC}');
SELECT id, coalesce(n2, 0) BETWEEN -1.5 AND 2.5, (CASE WHEN id > 0 THEN n2 END) BETWEEN -1.5 AND 2.5, CASE WHEN false THEN 10.005 ELSE n2 END NOT BETWEEN -1.5 AND 2.5 FROM n27fuzz4_cm ORDER BY id;
SELECT id, coalesce(n2, 1.5) IN (0, 1.5), nullif(n, 7) IN (0.5, 100), coalesce(n, 0) NOT IN (100, -2.5), NOT coalesce(n, 0) BETWEEN 0 AND 1 FROM n27fuzz4_cm ORDER BY id;
SELECT id, coalesce(t, 'a') BETWEEN 'a' AND 'z', coalesce(i4, 0) IN (0, 7), CASE WHEN i4 > 5 THEN i4 END BETWEEN 6 AND 20 FROM n27fuzz4_cm ORDER BY id;
SELECT id FROM n27fuzz4_cm WHERE coalesce(n2, n) BETWEEN 0 AND 1.5 ORDER BY id;
SELECT '{}'::int4[] AS c1, (a.ta || '{}'::text[]) AS c2 FROM n27fuzz4_cm a WHERE nullif((a.j @> '{}'), (CASE WHEN false THEN 10.005 ELSE a.n2 END BETWEEN -1.5 AND 2.5)) ORDER BY 2 DESC, 1 NULLS FIRST;
