-- jsonb || an unknown literal reads the literal as jsonb, also a scalar
-- one; jsonb || a number has no operator
CREATE TABLE n28jsonfix_k (id int PRIMARY KEY, j jsonb, t text);
INSERT INTO n28jsonfix_k VALUES (1, '{"a":10}', 'x'), (2, '[1]', NULL), (3, '2', 'y'), (4, NULL, 'z');
SELECT '[1]'::jsonb || 'true', '{"a":1}'::jsonb || '"s"', 'null' || '[2]'::jsonb;
SELECT j || 'true' FROM n28jsonfix_k ORDER BY id;
SELECT j || '"x"' FROM n28jsonfix_k ORDER BY id;
SELECT j || '5' FROM n28jsonfix_k ORDER BY id;
SELECT 'null' || j FROM n28jsonfix_k ORDER BY id;
SELECT j || 'x' FROM n28jsonfix_k ORDER BY id;
SELECT j || 5 FROM n28jsonfix_k ORDER BY id;
SELECT 5 || j FROM n28jsonfix_k ORDER BY id;
SELECT j || 'x'::text FROM n28jsonfix_k ORDER BY id;
SELECT j || t FROM n28jsonfix_k ORDER BY id;
-- text columns keep text's ||
SELECT t || 'true', t || '5', '"q"' || t FROM n28jsonfix_k ORDER BY id;
-- a conditional of a jsonb column beside a literal is jsonb's || too
SELECT coalesce(j, '{}') || '{"z":1}' FROM n28jsonfix_k ORDER BY id;
SELECT CASE WHEN id > 1 THEN j END || '[0]' FROM n28jsonfix_k ORDER BY id;
SELECT coalesce(t, 'a') || '{"z":1}', coalesce(t, 'a') || 'b' FROM n28jsonfix_k ORDER BY id;
-- and jsonb's - over such a conditional
SELECT (CASE WHEN id > 1 THEN j END) - 'a', coalesce(j, '{}') - 'a' FROM n28jsonfix_k WHERE id <> 3 ORDER BY id;
