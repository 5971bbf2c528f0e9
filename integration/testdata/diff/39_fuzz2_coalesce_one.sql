-- coalesce of one argument is that argument; SQLite's coalesce takes two
-- at least, so coalesce(t) was 42883 (found beside the differential fuzz
-- tester's seed 840004).
CREATE TABLE fz39b_co (id int, t text, n numeric, ia int4[]);
INSERT INTO fz39b_co VALUES (1, 'a', 1.50, '{1,2}'), (2, NULL, NULL, NULL);
SELECT id, coalesce(t) AS a, coalesce(n) + 1 AS b, coalesce(ia) AS c, coalesce('7') AS d, coalesce((n)) AS e FROM fz39b_co ORDER BY coalesce(n) NULLS FIRST;
SELECT coalesce(sum(n)) AS s, coalesce(max(t)) AS m FROM fz39b_co;
DROP TABLE fz39b_co;
