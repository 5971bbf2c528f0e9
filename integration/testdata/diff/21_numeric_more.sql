-- Numeric answers that depended on where a value came from: ORDER BY a
-- conditional over a numeric column (orderby_numeric.go), the first of
-- equal values in greatest/least (strsyntax.go), a compound SELECT's type
-- modifier (sqlexec/compounddecl.go), gcd/lcm of int4 columns
-- (numeric_calls.go), numeric columns through FROM subqueries and CTEs.
CREATE TABLE nm_a (id int PRIMARY KEY, v numeric(10,3), i int, s smallint, b bigint, t text);
CREATE TABLE nm_b (id int PRIMARY KEY, w numeric(10,1));
INSERT INTO nm_a VALUES (1, 10.5, -2147483648, 4, -9223372036854775808, 'x'), (2, 9.25, 6, 6, 6, 'b'), (3, NULL, 4, NULL, 4, NULL), (4, 100.125, 0, 0, 0, 'a');
INSERT INTO nm_b VALUES (1, 0.1), (2, 10.5), (3, 9.3), (4, NULL);
SELECT id, v FROM nm_a ORDER BY coalesce(v, 50);
SELECT id, v FROM nm_a ORDER BY coalesce(v, 50) DESC;
SELECT id, v FROM nm_a ORDER BY coalesce(v, 50) DESC NULLS LAST, id;
SELECT id, v FROM nm_a ORDER BY nullif(v, 9.25), id;
SELECT id, v FROM nm_a ORDER BY CASE WHEN v > 1 THEN v ELSE 50 END, id;
SELECT id, v FROM nm_a ORDER BY greatest(v, 1), id;
SELECT id, v FROM nm_a ORDER BY least(v, 20) DESC, id;
SELECT id, t FROM nm_a ORDER BY coalesce(t, 'm'), id;
SELECT id FROM nm_a ORDER BY coalesce(i, 5), id;
SELECT string_agg(id::text, ',' ORDER BY coalesce(v, 50)) FROM nm_a;
SELECT id, row_number() OVER (ORDER BY coalesce(v, 50)) FROM nm_a ORDER BY id;
SELECT least(50.00, 50), greatest(50.00, 50), least(50, 50.00), greatest(50, 50.00);
SELECT least(NULL, 50.00, 50), least(1.0, 1, 1.00), greatest(2, 2.0, NULL, 2.00);
SELECT id, least(v, 10.5), least(10.5, v), greatest(v, 9.250), greatest(9.250, v) FROM nm_a ORDER BY id;
SELECT least('b', 'a', 'a'), greatest(1, 2, 2);
SELECT v FROM nm_a UNION ALL SELECT w FROM nm_b;
SELECT w FROM nm_b UNION ALL SELECT v FROM nm_a;
SELECT v FROM nm_a WHERE v < 10 UNION SELECT w FROM nm_b WHERE w < 10 ORDER BY 1;
SELECT w FROM nm_b WHERE w < 1 UNION SELECT v FROM nm_a WHERE v < 10 ORDER BY 1;
SELECT v FROM nm_a WHERE id = 1 UNION ALL SELECT 2.5;
SELECT v FROM nm_a WHERE id < 3 UNION ALL SELECT v FROM nm_a WHERE id = 4;
WITH c AS (SELECT w FROM nm_b) SELECT v FROM nm_a WHERE id = 2 UNION ALL SELECT w FROM c WHERE w > 1;
SELECT v FROM nm_a WHERE id = 2 INTERSECT SELECT w FROM nm_b;
SELECT v FROM nm_a EXCEPT SELECT w FROM nm_b ORDER BY 1;
SELECT gcd(i, 0) FROM nm_a WHERE id = 1;
SELECT lcm(i, 3) FROM nm_a WHERE id = 1;
SELECT gcd(i, 0) FROM nm_a WHERE id = 2;
SELECT gcd(i, s), lcm(i, s) FROM nm_a WHERE id > 1 ORDER BY id;
SELECT gcd(b, 0) FROM nm_a WHERE id = 1;
SELECT gcd(i, b) FROM nm_a WHERE id = 1;
SELECT gcd(i, 2147483648) FROM nm_a WHERE id = 1;
SELECT lcm(i, 1000000) FROM nm_a WHERE id = 2;
SELECT gcd(v, 0.5), lcm(v, 2) FROM nm_a ORDER BY id;
SELECT v, sum(v) FROM (SELECT * FROM nm_a) q GROUP BY v HAVING sum(v) > 10 ORDER BY 1;
SELECT i, sum(v) FROM (SELECT * FROM nm_a) q GROUP BY i HAVING sum(v) > 10 ORDER BY 1;
WITH c AS (SELECT * FROM nm_a) SELECT id, v FROM c WHERE v > 10 ORDER BY id;
SELECT id, v FROM (SELECT * FROM nm_a) q WHERE v < 10.5 ORDER BY v;
SELECT count(*) FROM (SELECT v * 2 AS x FROM nm_a) q WHERE x > 5;
WITH c AS (SELECT id, v / 3 AS x FROM nm_a) SELECT id FROM c WHERE x > 3.4 ORDER BY id;
SELECT id FROM (SELECT id, v + 1 AS x FROM nm_a) q WHERE x < 11 ORDER BY id;
SELECT max(x), min(x) FROM (SELECT v * 2 AS x FROM nm_a) q;
SELECT x FROM (SELECT v * 2 AS x FROM nm_a) q ORDER BY x;
SELECT mod(x, 0.3), sqrt(x) FROM (SELECT v * 2 AS x FROM nm_a) s ORDER BY 1;
SELECT x, count(*) FROM (SELECT v * 2 AS x FROM nm_a) s GROUP BY x ORDER BY x;
