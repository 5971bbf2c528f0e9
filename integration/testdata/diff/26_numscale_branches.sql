-- numscale_branches: a decimal constant beside integer (or numeric, float)
-- columns in CASE, COALESCE and a set operation resolves to numeric as in
-- PostgreSQL: the constant keeps its scale (1.50), the integers print as
-- integers, every value sorts, groups and compares by value; the type is
-- described numeric. Beside a money column the constant is PostgreSQL's
-- 42846 (no implicit cast from numeric to money).
CREATE TABLE n26numscale_b (id int PRIMARY KEY, i int, s int2, b int8, c bool, n numeric, f float8, m money, t text);
INSERT INTO n26numscale_b VALUES (1, 5, 2, 10, true, 2.50, 1.5, 3, 'x'), (2, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL), (3, 1, 7, -3, false, 10.5, -2.5, 2, 'y');
SELECT id, coalesce(i, 1.50) FROM n26numscale_b ORDER BY id;
SELECT id, coalesce(i, -1.50) AS v FROM n26numscale_b ORDER BY v DESC, id;
SELECT id, CASE WHEN c THEN i ELSE 1.50 END FROM n26numscale_b ORDER BY id;
SELECT id, CASE WHEN c THEN i ELSE 1.50 END AS v FROM n26numscale_b ORDER BY v, id;
SELECT id, CASE WHEN id = 2 THEN 0.50 WHEN id = 3 THEN b ELSE s END FROM n26numscale_b ORDER BY id;
SELECT id, CASE id WHEN 1 THEN 2.000 ELSE i END FROM n26numscale_b ORDER BY id;
SELECT max(coalesce(i, 1.50)), min(coalesce(i, 1.50)), sum(coalesce(i, 1.50)), count(DISTINCT coalesce(i, 1.0)) FROM n26numscale_b;
SELECT coalesce(i, 1.50) AS v, count(*) FROM n26numscale_b GROUP BY 1 ORDER BY 1;
SELECT DISTINCT coalesce(s, 7.0) FROM n26numscale_b ORDER BY 1;
SELECT id FROM n26numscale_b WHERE coalesce(i, 1.50) < 2 ORDER BY id;
SELECT id FROM n26numscale_b WHERE coalesce(i, 1.50) = 1.5 ORDER BY id;
SELECT id FROM n26numscale_b WHERE CASE WHEN c THEN i ELSE 1.50 END > 1 ORDER BY id;
SELECT id, coalesce(s, b, 2.50), coalesce(b, 0.0), coalesce(i + 1, 1.50), coalesce(f, 1.50), coalesce(n, i, 1.0) FROM n26numscale_b ORDER BY id;
SELECT id, coalesce(i, 1, 1.50), coalesce(NULL, i, 1.50), coalesce(i * 2, 0.5) FROM n26numscale_b ORDER BY id;
SELECT id, coalesce(i, 1.50) * 2, coalesce(i, 1.50) + 1, coalesce(s, 2.0) * 2 FROM n26numscale_b ORDER BY id;
SELECT coalesce(i, 1.50) AS a, CASE WHEN c THEN i ELSE 1.50 END AS b, coalesce(s, 2.0) * 2 AS c, coalesce(s, b, 2.50) AS d, coalesce(f, 1.50) AS e FROM n26numscale_b ORDER BY id;
SELECT coalesce(sum(i), 1.50) FROM n26numscale_b WHERE false;
SELECT coalesce(max(i), 1.50), coalesce(min(s), 0.0) FROM n26numscale_b;
SELECT x FROM (SELECT coalesce(i, 1.50) AS x FROM n26numscale_b) q ORDER BY x;
SELECT (SELECT coalesce(i, 1.50) FROM n26numscale_b WHERE id = 2), (SELECT coalesce(i, 1.50) FROM n26numscale_b WHERE id = 1);
SELECT i FROM n26numscale_b UNION ALL SELECT 1.50 ORDER BY 1;
SELECT s FROM n26numscale_b UNION SELECT 2.0 ORDER BY 1 DESC;
SELECT id, greatest(i, 1.50), least(s, 7.50), greatest(b, 0.0) FROM n26numscale_b ORDER BY id;
SELECT coalesce(m, 0.5) FROM n26numscale_b;
SELECT coalesce(m, 0) FROM n26numscale_b ORDER BY id;
SELECT CASE WHEN c THEN m ELSE 0.5 END FROM n26numscale_b;
SELECT coalesce(0.5, m) FROM n26numscale_b;
SELECT coalesce(t, 1.50) FROM n26numscale_b ORDER BY id;
