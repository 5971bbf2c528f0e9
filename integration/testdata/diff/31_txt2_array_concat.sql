-- txt2_array_concat: an untyped string literal or NULL beside an array in
-- || is read as an array (anyarray || anyarray), when the statement is
-- planned: 'a' is 22P02 malformed array literal at the literal, NULL a NULL
-- array that adds no element.
-- positions
SELECT 'a' || ARRAY['b'];
SELECT ARRAY['b'] || 'a';
SELECT ARRAY[1] || 'x' || ARRAY[2];
SELECT '{a}' || ARRAY['b'] AS a, ARRAY[1] || '{2,3}' AS b, 'a'::text || ARRAY['b'] AS c;
SELECT NULL || ARRAY['b'] AS a, ARRAY['b'] || NULL AS b, ARRAY[1] || NULL || ARRAY[2] AS c, ARRAY[1] || NULL::int AS d;
CREATE TABLE txt2_ac (id int PRIMARY KEY, ia int[]);
INSERT INTO txt2_ac VALUES (1, '{1,2}'), (2, NULL);
SELECT id, NULL || ARRAY[id]::int[] AS a, ARRAY[id]::int[] || NULL AS b, NULL || ia AS c, ia || NULL AS d FROM txt2_ac ORDER BY id;
SELECT id FROM txt2_ac WHERE false AND 'z' || ARRAY[id] IS NULL;
