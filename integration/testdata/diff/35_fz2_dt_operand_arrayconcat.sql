-- An array || inside an operand of + or - whose other operand is a
-- column (cardinality((ia || ARRAY[4])) + id) is the arrays'
-- concatenation: the date/time operators' run-time form copied the
-- operand before the array operators were rewritten, so its copies
-- concatenated the arrays' texts (malformed array literal "{1,2,3}{4}":
-- the fuzz tester's seed 781002).
CREATE TABLE fz2_ac (id int PRIMARY KEY, ia int[], ta text[], d date);
INSERT INTO fz2_ac VALUES (1, '{1,2,3}', '{a,b}', '2024-01-01'), (2, '{}', '{}', '2024-02-29'), (3, NULL, NULL, NULL);
SELECT id, cardinality((ia || ARRAY[4])) + id AS c FROM fz2_ac ORDER BY id;
SELECT id, (cardinality((ia || '{}'::int4[])) + id) AS c FROM fz2_ac ORDER BY id;
SELECT id, id - array_length(ia || ARRAY[7, 8], 1) AS c FROM fz2_ac ORDER BY id;
SELECT id, d + cardinality(ta || ARRAY['x']) AS c FROM fz2_ac ORDER BY id;
SELECT DISTINCT (cardinality((a.ia || '{}'::int4[])) + a.id) AS c2, a.ia AS c3 FROM fz2_ac a ORDER BY 2 DESC NULLS FIRST, 1;
DROP TABLE fz2_ac;
