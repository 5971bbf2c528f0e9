-- numscale_arrays: the elements of a numeric[] column keep their scale
-- through unnest() and a subscript, and sort, compare and aggregate by
-- value; array_agg of a numeric column and = ANY of a numeric[] column.
CREATE TABLE n26numscale_a (id int PRIMARY KEY, a numeric[], ia int[], ta text[], n numeric);
INSERT INTO n26numscale_a VALUES (1, '{1.50,2.0}', '{1,2}', '{10,9}', 2.50), (2, ARRAY[3.000, 4], '{10,3}', '{b,a}', NULL), (3, '{10.5,NULL}', NULL, '{2.0,10}', -1.0), (4, '{4,-1}', '{2}', NULL, 10), (5, NULL, '{}', '{}', 0.000);
SELECT unnest(a) FROM n26numscale_a ORDER BY id;
SELECT id, unnest(a) AS x FROM n26numscale_a ORDER BY x, id;
SELECT id, unnest(a) AS x FROM n26numscale_a ORDER BY 2 DESC NULLS LAST, id;
SELECT x FROM n26numscale_a, unnest(a) AS u(x) ORDER BY id, x;
SELECT id, x FROM n26numscale_a, unnest(a) AS u(x) WHERE x > 2 ORDER BY x, id;
SELECT id, x FROM n26numscale_a, unnest(a) AS u(x) WHERE x = 2 ORDER BY id;
SELECT max(x), min(x), sum(x), count(DISTINCT x) FROM n26numscale_a, unnest(a) AS u(x);
SELECT id, u.x * 2, u.x + 1 FROM n26numscale_a, unnest(a) AS u(x) ORDER BY id, u.x;
SELECT id, x, o FROM n26numscale_a, unnest(a) WITH ORDINALITY AS u(x, o) ORDER BY id, o;
SELECT unnest(ia) FROM n26numscale_a ORDER BY id;
SELECT id, x FROM n26numscale_a, unnest(ia) AS u(x) WHERE x > 2 ORDER BY x, id;
SELECT id, x FROM n26numscale_a, unnest(ta) AS u(x) ORDER BY x, id;
SELECT max(x), min(x) FROM n26numscale_a, unnest(ta) AS u(x);
SELECT id, a[1], a[2] FROM n26numscale_a ORDER BY id;
SELECT id, a[1] AS x FROM n26numscale_a ORDER BY x, id;
SELECT id, a[2] AS x FROM n26numscale_a ORDER BY a[2] DESC, id;
SELECT id FROM n26numscale_a WHERE a[1] > 2 ORDER BY id;
SELECT id FROM n26numscale_a WHERE a[1] = 1.5 ORDER BY id;
SELECT max(a[1]), min(a[1]), sum(a[1]), max(a[2]) FROM n26numscale_a;
SELECT a[1] + 1, a[1] * 2 FROM n26numscale_a ORDER BY id;
SELECT DISTINCT a[2] FROM n26numscale_a ORDER BY 1;
SELECT id, ia[1], ta[1] FROM n26numscale_a ORDER BY ta[1], id;
SELECT max(ta[1]), max(ia[1]) FROM n26numscale_a;
SELECT id, 2.0 = ANY(a), 4 = ANY(a), 1.5 = ANY(a), 3 = ANY(a) FROM n26numscale_a ORDER BY id;
SELECT id FROM n26numscale_a WHERE 10.50 = ANY(a) ORDER BY id;
SELECT array_agg(n ORDER BY id) FROM n26numscale_a;
SELECT array_agg(a[1] ORDER BY id) FROM n26numscale_a;
SELECT array_agg(x ORDER BY x) FROM (SELECT a[1] AS x FROM n26numscale_a) s;
-- differs: a subscript of an array an aggregate builds reads its element as a number (2.5, not 2.50) and is named ?column? (PostgreSQL: array_agg)
SELECT (array_agg(n ORDER BY id))[1], (array_agg(a[1] ORDER BY id))[1] FROM n26numscale_a;
-- differs: two unnest calls side by side in the select list (zipped) pass numeric elements through json_each as JSON numbers (1.5, not 1.50)
SELECT id, unnest(a), unnest(ia) FROM n26numscale_a WHERE id < 3 ORDER BY id;
-- differs: unnest of an outer query's numeric[] column, alone in a subquery's FROM, gives its elements as numbers (2, not 2.0)
SELECT (SELECT max(x) FROM unnest(t.a) x) FROM n26numscale_a t ORDER BY id;
