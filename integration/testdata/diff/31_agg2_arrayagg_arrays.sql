-- array_agg of arrays stacks them into an array of one dimension more
-- in PostgreSQL ({{1,2},{3,4}}); arrays here have one dimension, so where
-- the argument is visibly an array (an array column, ARRAY[...], a cast
-- to an array type) raftsql refuses with 0A000 rather than answer an
-- array of the inputs' texts.
CREATE TABLE agg2_aa (id int PRIMARY KEY, a int[], t text);
INSERT INTO agg2_aa VALUES (1, '{1,2}', '{x}'), (2, '{3,4}', '{y}');
-- a text that reads like an array is one element
SELECT array_agg(t ORDER BY id) FROM agg2_aa;
SELECT array_agg(a[1] ORDER BY id) FROM agg2_aa;
-- differs: raftsql refuses array_agg of an array (0A000): arrays have one dimension
SELECT array_agg(a ORDER BY id) FROM agg2_aa;
-- differs: raftsql refuses array_agg of an array (0A000): arrays have one dimension
SELECT array_agg(DISTINCT a) FROM agg2_aa;
-- differs: raftsql refuses array_agg of an array (0A000): arrays have one dimension
SELECT array_length(array_agg(a), 1) FROM agg2_aa;
-- differs: raftsql refuses array_agg of an array (0A000): arrays have one dimension
SELECT array_agg(ARRAY[1, 2]);
-- differs: raftsql refuses array_agg of an array (0A000): arrays have one dimension
SELECT array_agg('{1}'::int[]);
