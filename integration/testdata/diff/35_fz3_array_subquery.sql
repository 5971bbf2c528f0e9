-- ARRAY(SELECT col ...) is described as the array of the subquery's
-- column type (int4[], text[], numeric[], int8[] of a sum), correlated
-- or not, where it was described text.
CREATE TABLE fz3_as (id int PRIMARY KEY, k int4, s text, v numeric, i4 int4);
INSERT INTO fz3_as VALUES (1, 0, 'abc', 1.5, 5), (2, 3, 'ABC', 2, 1), (3, 7, NULL, NULL, NULL), (4, NULL, 'x y', -1, 10);
SELECT a.id, ARRAY(SELECT b.k FROM fz3_as b WHERE b.k < a.i4 ORDER BY b.k) AS c1 FROM fz3_as a ORDER BY a.id;
SELECT ARRAY(SELECT s FROM fz3_as ORDER BY id) AS c1, ARRAY(SELECT v FROM fz3_as ORDER BY id) AS c2, ARRAY(SELECT k FROM fz3_as WHERE false) AS c3;
SELECT a.id, ARRAY(SELECT sum(b.k) FROM fz3_as b WHERE b.id <= a.id) AS c1, ARRAY(SELECT b.s FROM fz3_as b WHERE b.id = a.id) AS c2 FROM fz3_as a ORDER BY a.id;
DROP TABLE fz3_as;
