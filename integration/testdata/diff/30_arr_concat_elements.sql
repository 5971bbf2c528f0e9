-- array || element with the element any expression: greatest/least
-- (rewritten after the || step, so their text was copied half-done: a
-- syntax error), calls, arithmetic, CASE, scalar subqueries; with an
-- array column the column's declared type decides at run time, the
-- element's type as the statement shows it
CREATE TABLE arr_cc (id int, a int[], t text[], n numeric[], d date);
INSERT INTO arr_cc VALUES (1, '{1,2}', '{x,y}', '{1.5}', '2024-01-02'), (2, NULL, NULL, NULL, NULL);
SELECT id, a || greatest(2, 3) AS g FROM arr_cc ORDER BY id;
SELECT ARRAY[1] || greatest(2, 3) AS g, least(4, 5) || ARRAY[9] AS l;
SELECT id, a || least(id, 5) AS l, least(id, 5) || a AS r FROM arr_cc ORDER BY id;
SELECT id, a || (id * 2) AS m, a || abs(-4) AS f, a || length('abc') AS n FROM arr_cc ORDER BY id;
SELECT id, a || (SELECT max(id) FROM arr_cc) AS s, (SELECT 7) || a AS p FROM arr_cc ORDER BY id;
SELECT id, a || ARRAY[greatest(1, 7)] AS arr, a || a AS aa FROM arr_cc ORDER BY id;
-- a text element that reads as an array is still one element
SELECT id, t || upper('z') AS u, lower('Q') || t AS l, t || upper('{a}') AS brace FROM arr_cc ORDER BY id;
SELECT ARRAY['x'] || upper('{q}') AS brace, lower('{Q}') || ARRAY['y'] AS brace2;
SELECT id, a || CASE WHEN id = 1 THEN greatest(id, 8) ELSE 0 END AS c FROM arr_cc ORDER BY id;
SELECT id, a || (id + 1)::int AS c1, a || NULL::int AS nl, n || greatest(2.5, 1) AS nn FROM arr_cc ORDER BY id;
SELECT id, a || coalesce(id, 0) AS co, t || concat('a', id) AS ct FROM arr_cc ORDER BY id;
SELECT a || greatest(2, 3) || least(9, 8) AS chain FROM arr_cc WHERE id = 1;
SELECT greatest(2, 3) || ARRAY[5] || least(1, 0) AS chain2;
-- no operator: the element's type is not the array's
SELECT a || upper('x') FROM arr_cc WHERE id = 1;
SELECT t || (id * 2) FROM arr_cc WHERE id = 1;
UPDATE arr_cc SET a = a || greatest(id, 10) WHERE id = 1;
SELECT a FROM arr_cc WHERE id = 1;
DROP TABLE arr_cc;
