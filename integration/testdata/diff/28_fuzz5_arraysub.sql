-- fuzz5_arraysub: ARRAY(SELECT ...) of no rows is the empty array, not
-- NULL (differential fuzz tester).
CREATE TABLE n28fuzz5_as (id int PRIMARY KEY, k int, s text);
INSERT INTO n28fuzz5_as VALUES (1, 0, 'abc'), (2, 3, NULL), (3, 7, 'x');
SELECT o.id, ARRAY(SELECT i.k FROM n28fuzz5_as i WHERE i.k < o.k ORDER BY i.k) AS a FROM n28fuzz5_as o ORDER BY o.id;
SELECT ARRAY(SELECT s FROM n28fuzz5_as WHERE id > 10) AS a;
SELECT cardinality(ARRAY(SELECT k FROM n28fuzz5_as WHERE k > 100)) AS c, ARRAY(SELECT k FROM n28fuzz5_as WHERE k > 100) IS NULL AS n;
SELECT array_length(ARRAY(SELECT k FROM n28fuzz5_as WHERE false), 1) AS l, array_to_string(ARRAY(SELECT s FROM n28fuzz5_as WHERE false), ',') AS t;
