-- concatlit: a string literal or NULL beside a column in || is of the
-- column's type, as PostgreSQL's operator resolution makes it: beside an
-- array column it is that array type ('z' is 22P02 malformed array
-- literal, '{x}' beside int[] is 22P02 for integer "x", NULL is a NULL
-- array, so tags || NULL is tags), beside jsonb it is jsonb; beside any
-- other type text's || joins the texts. tags || 'z' printed {x,y}z,
-- ia || NULL and a NULL column || '{4,5}' printed NULL and {NULL,4,5}.
CREATE TABLE n27concatlit (id int PRIMARY KEY, t text, v varchar(10), b boolean, i int, f float8, j jsonb, js json, tags text[], ia int[], d date);
INSERT INTO n27concatlit VALUES (1, 'ab', 'cd', true, 7, 1.5, '{"a":1}', '{"b":2}', '{x,y}', '{1,2}', '2024-01-02'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, t || 'z' AS a, 'z' || t AS b, v || '!' AS c, b || 'x' AS e, i || 'x' AS g, f || 'x' AS h, d || 'x' AS k, js || 'x' AS m FROM n27concatlit ORDER BY id;
SELECT id, t || ' ' || v AS a, 'a' || t || 'b' || i AS b FROM n27concatlit ORDER BY id;
SELECT tags || 'z' FROM n27concatlit;
SELECT 'q' || tags FROM n27concatlit;
SELECT tags || E'z' FROM n27concatlit;
SELECT tags || $$z$$ FROM n27concatlit;
SELECT ia || 'x' FROM n27concatlit;
SELECT ia || '{x}' FROM n27concatlit;
SELECT ia || '{1.5}' FROM n27concatlit;
SELECT id, tags || '{}' AS a, ia || '{}' AS b, '{}' || ia AS c, tags || '{"a b"}' AS e, ia || ' {3}' AS g, ia || '{4,5}' AS h FROM n27concatlit ORDER BY id;
SELECT id, tags || NULL AS a, NULL || ia AS b, t || NULL AS c, j || NULL AS e FROM n27concatlit ORDER BY id;
SELECT id, tags || 'z'::text AS a, ia || 3 AS b, 3 || ia AS c FROM n27concatlit ORDER BY id;
SELECT j || 'z' FROM n27concatlit;
SELECT j || '1' FROM n27concatlit;
SELECT id, j || '{"c":3}' AS a, j || '[4]' AS b, '{"c":3}' || j AS c FROM n27concatlit ORDER BY id;
SELECT count(*) FROM n27concatlit WHERE t || 'x' = 'abx';
UPDATE n27concatlit SET tags = tags || 'new' WHERE id = 1;
UPDATE n27concatlit SET tags = tags || '{w}' WHERE id = 2 RETURNING tags;
UPDATE n27concatlit SET ia = ia || NULL WHERE id = 1 RETURNING ia;
UPDATE n27concatlit SET t = t || '-' || id WHERE id = 1 RETURNING id, t;
SELECT id, t, tags, ia FROM n27concatlit ORDER BY id;
DROP TABLE n27concatlit;
