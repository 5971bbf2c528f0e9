-- bpc_concat_chain: a || decided at run time by a column's type (text,
-- jsonb or an array: the translation has no schema), then || a quoted
-- literal. The first result is of the column's type, so the second ||
-- is decided by the same test; it was read as jsonb, so '[' || t || ']'
-- over a text column was 22P02 invalid input syntax for type json.
CREATE TABLE bpc_cc (id int PRIMARY KEY, t text, c char(3), a int[], j jsonb);
INSERT INTO bpc_cc VALUES (1, 'q', 'c', '{1,2}', '{"x": 1}'), (2, NULL, NULL, NULL, NULL);
SELECT id, '[' || t || ']' AS a FROM bpc_cc ORDER BY id;
SELECT id, t || '[' || ']' AS a, '{' || c || '}' AS b FROM bpc_cc ORDER BY id;
SELECT id, a || '{3}' || '{4}' AS a FROM bpc_cc ORDER BY id;
SELECT id, j || '{"a": 1}' || '{"b": 2}' AS a, '{"z": 0}' || j || '{"b": 2}' AS b FROM bpc_cc ORDER BY id;
DROP TABLE bpc_cc;
