-- An integer-valued call (scale, length, strpos ...) tested with IN
-- against a list holding a numeric column or a numeric result compares by
-- value: the call's integer and the list's numeric text had no affinity
-- between them, never equal (scale(n) IN (2.5, round(n2)) was false for
-- 1 and round(0.50): the fuzz tester's seed 781796; length('a') IN (n, 7)
-- false for n = 1).
CREATE TABLE fz2_sc (id int PRIMARY KEY, n numeric, n2 numeric(10,2), i4 int, f8 float8);
INSERT INTO fz2_sc VALUES (1, 0.5, 0.50, 1, 1), (2, 12.34, 2.40, 2, 2.5), (3, 1.5, 1.50, 2, 2), (4, NULL, NULL, NULL, NULL), (5, 1, 1.00, 1, 1);
SELECT id, scale(n) IN (2.5, round(n2)) AS a, scale(n) NOT IN (2.5, -0.5, round(n2)) AS b FROM fz2_sc ORDER BY id;
SELECT id, length('a') IN (n, 7) AS a, length(n::text) IN (n, 7, 3) AS b FROM fz2_sc ORDER BY id;
SELECT id, strpos('abc', 'b') IN (n2 * 2, 7) AS a, char_length('ab') IN (n * 2, 7) AS b FROM fz2_sc ORDER BY id;
SELECT id, scale(n) IN (i4, 9) AS a, scale(n) IN (1, 2) AS b, scale(n) IN (f8, 9) AS c FROM fz2_sc ORDER BY id;
SELECT id FROM fz2_sc WHERE scale(n) NOT IN (2.5, -0.5, round(n2)) ORDER BY id;
SELECT DISTINCT ON ((scale(a.n) NOT IN (2.5, -0.5, round(a.n2)))) (scale(a.n) NOT IN (2.5, -0.5, round(a.n2))) AS c1, a.id AS c2 FROM fz2_sc a ORDER BY (scale(a.n) NOT IN (2.5, -0.5, round(a.n2))), a.id;
DROP TABLE fz2_sc;
