-- x op ANY/SOME/ALL (array) and (subquery) for every comparison operator,
-- with PostgreSQL's NULL rules: ANY is NULL when nothing matched and some
-- comparison was NULL, ALL is NULL when nothing failed and some was NULL.
SELECT 1 < ALL (ARRAY[2,3]) AS a, 1 <= ANY (ARRAY[0,1]) AS b, 2 > SOME (ARRAY[5,1]) AS c, 2 >= ALL (ARRAY[2,3]) AS d, 2 <> ANY (ARRAY[2,2]) AS e, 2 != ANY (ARRAY[2,3]) AS f, 2 = ALL (ARRAY[2,2]) AS g;
SELECT 1 = ANY ('{1,NULL}'::int[]) AS a, 2 = ANY ('{1,NULL}'::int[]) AS b, 2 <> ALL ('{1,NULL}'::int[]) AS c, 1 <> ALL ('{1,NULL}'::int[]) AS d;
SELECT 0 < ANY ('{1,NULL}'::int[]) AS a, 5 < ANY ('{1,NULL}'::int[]) AS b, 0 < ALL ('{1,NULL}'::int[]) AS c, 5 < ALL ('{1,NULL}'::int[]) AS d, 1 = ALL ('{1,NULL}'::int[]) AS e;
-- no elements, a NULL array, a NULL on the left
SELECT 1 < ANY ('{}'::int[]) AS a, 1 < ALL ('{}'::int[]) AS b, NULL::int < ANY ('{}'::int[]) AS c, NULL::int >= ALL ('{}'::int[]) AS d;
SELECT 1 < ANY (NULL::int[]) AS a, 1 < ALL (NULL::int[]) AS b, NULL::int < ANY (ARRAY[1]) AS c, NULL::int > ALL (ARRAY[1]) AS d;
SELECT 'b' < ANY (ARRAY['a','c']) AS a, 'b' >= ALL (ARRAY['a','b']) AS b, 2.5 > ALL (ARRAY[1.5, 2.25]) AS c, date '2024-01-02' > ALL (ARRAY[date '2024-01-01', date '2023-12-31']) AS d;
CREATE TABLE n29misc_aa (id int PRIMARY KEY, v int, t text, n numeric, tags int[]);
INSERT INTO n29misc_aa VALUES (1, 10, 'x', 1.5, '{1,2}'), (2, 20, 'y', 2.50, '{3}'), (3, NULL, NULL, NULL, '{}'), (4, 5, 'z', 10, NULL);
CREATE TABLE n29misc_ab (k int, w int);
INSERT INTO n29misc_ab VALUES (1, 5), (1, 15), (2, 25), (3, NULL), (4, 1), (4, NULL);
-- columns against arrays
SELECT id, v > ANY (tags) AS any_gt, v > ALL (tags) AS all_gt, 2 <= ANY (tags) AS le_any FROM n29misc_aa ORDER BY id;
SELECT id FROM n29misc_aa WHERE v >= ALL (ARRAY[5, 10]) ORDER BY id;
SELECT id FROM n29misc_aa WHERE n < ANY (ARRAY[2, 3.5]) ORDER BY id;
SELECT id FROM n29misc_aa WHERE t > SOME (ARRAY['x', 'a']) ORDER BY id;
-- subqueries, correlated and not
SELECT id, v > ALL (SELECT w FROM n29misc_ab WHERE k = id) AS gt_all, v < ANY (SELECT w FROM n29misc_ab WHERE k = id) AS lt_any, v <> ALL (SELECT w FROM n29misc_ab WHERE k = id) AS ne_all, v = ALL (SELECT w FROM n29misc_ab WHERE k = id) AS eq_all FROM n29misc_aa ORDER BY id;
SELECT id FROM n29misc_aa WHERE v >= ALL (SELECT v FROM n29misc_aa WHERE v IS NOT NULL) ORDER BY id;
SELECT id FROM n29misc_aa WHERE v + 1 > ANY (SELECT w FROM n29misc_ab) ORDER BY id;
SELECT id FROM n29misc_aa WHERE v <> ALL (SELECT w FROM n29misc_ab WHERE w IS NOT NULL) ORDER BY id;
SELECT 3 <= ALL (SELECT w FROM n29misc_ab WHERE k = 9) AS empty_all, 3 <= ANY (SELECT w FROM n29misc_ab WHERE k = 9) AS empty_any, 3 > ANY (VALUES (1), (NULL)) AS vals;
-- an unknown literal on the left takes the subquery column's type
SELECT '12' > ALL (SELECT w FROM n29misc_ab WHERE k = 1) AS lit, '100' > ANY (SELECT w FROM n29misc_ab WHERE w > 20) AS lit2;
SELECT CASE WHEN id > 2 THEN v ELSE 0 END < ANY (ARRAY[6]) AS c FROM n29misc_aa ORDER BY id;
SELECT NOT (v > ALL (ARRAY[1, 7])) AS notall, (v > ANY (ARRAY[7])) IS NULL AS is_null FROM n29misc_aa ORDER BY id;
-- json_each's own column names (id, key, type) stay the query's
SELECT id FROM n29misc_aa WHERE id < ANY (ARRAY[3]) AND id >= ALL (SELECT 1) ORDER BY id;
-- differs: an aggregate on the left of < ALL (...) is refused with 0A000 (it would count the comparison subquery's rows)
SELECT k FROM n29misc_ab GROUP BY k HAVING count(*) >= ALL (SELECT count(*) FROM n29misc_ab GROUP BY k);
SELECT '1' < ANY (ARRAY[2]) AS lit;
-- a subquery of two columns: 42601, not an internal error
SELECT 1 < ANY (SELECT 1, 2);
-- differs-message: = ANY (SELECT ...) is SQLite's IN, whose error does not tell it from a scalar subquery's
SELECT 1 = ANY (SELECT 1, 2);
SELECT (SELECT 1, 2);
DROP TABLE n29misc_aa, n29misc_ab;
