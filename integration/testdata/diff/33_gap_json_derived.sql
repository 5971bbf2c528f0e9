-- a json column read through a FROM subquery or a CTE keeps json's text
-- as written under ->, ->> and #>: the derived item is followed to the
-- column it reads (renamed, qualified, a CTE's, a column list's), and a
-- jsonb item named as a json column of the inner table stays jsonb
CREATE TABLE gap_jd (id int, j json, b jsonb);
INSERT INTO gap_jd VALUES (1, '{"a" : [1,2],  "n":1.50, "o": {"x" :1}}', '{"a" : [1,2]}'), (2, '5', '5');
SELECT k -> 'a', k ->> 'o' FROM (SELECT id, j AS k FROM gap_jd) s ORDER BY id;
SELECT s.j -> 'a', s.j #> '{o}' FROM (SELECT id, j FROM gap_jd) s ORDER BY s.id;
SELECT s.k -> 'a' FROM (SELECT id, j k FROM gap_jd) s WHERE s.id = 1;
WITH c AS (SELECT j AS k, id FROM gap_jd) SELECT k -> 'a', c.k -> 'o' FROM c ORDER BY id;
WITH c(k) AS (SELECT j FROM gap_jd WHERE id = 1) SELECT k -> 'a' FROM c;
SELECT k -> 'a' FROM (SELECT j, id FROM gap_jd) s(k, n) ORDER BY n;
SELECT k -> 'a' FROM (SELECT j AS k FROM gap_jd WHERE id = 1 UNION ALL SELECT j FROM gap_jd WHERE id = 1) s;
SELECT s.j -> 'a' FROM gap_jd t JOIN (SELECT id, j FROM gap_jd) s ON s.id = t.id ORDER BY t.id;
SELECT b -> 'a', b -> 0 FROM (SELECT id, j AS b FROM gap_jd) s ORDER BY id;
SELECT j -> 0, j -> 'a' FROM (SELECT id, b AS j FROM gap_jd) s ORDER BY id;
SELECT m -> 'a' FROM (SELECT id, k AS m FROM (SELECT id, j AS k FROM gap_jd) i) o ORDER BY id;
SELECT s.j -> 'a' FROM (SELECT * FROM gap_jd) s ORDER BY s.id;
DROP TABLE gap_jd;
