-- ivcmp_arrayconcat: || between an array column and a CASE, coalesce or
-- nullif (of columns, integer constants and untyped literals) is the
-- array operator PostgreSQL resolves (array_append, array_prepend,
-- array_cat), not text's || ('{1,2}7'): concat_columns.go's
-- conditionalOperandType.
CREATE TABLE n28ivcmp_arr (id int PRIMARY KEY, a int[], b int[]);
INSERT INTO n28ivcmp_arr VALUES (1, '{1,2}', '{3}'), (2, '{4}', NULL), (3, '{}', '{5,6}'), (4, NULL, '{7}'), (5, '{8}', NULL), (6, '{9}', '{}');
SELECT id, a || CASE WHEN id > 0 THEN 7 END FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || CASE WHEN id > 2 THEN id ELSE 0 END FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || coalesce(b, '{}') FROM n28ivcmp_arr ORDER BY id;
SELECT id, coalesce(b, '{}') || a FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || coalesce(id, 0) FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || nullif(id, 3) FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || nullif(b, '{}') FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || CASE WHEN id > 2 THEN b END FROM n28ivcmp_arr ORDER BY id;
SELECT id, a || (CASE WHEN id > 3 THEN NULL ELSE id END) FROM n28ivcmp_arr ORDER BY id;
SELECT id, CASE WHEN id > 0 THEN 7 END || a FROM n28ivcmp_arr ORDER BY id;
