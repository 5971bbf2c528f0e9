-- fuzz5_sortconst: a non-integer constant as a query's ORDER BY, GROUP
-- BY or DISTINCT ON item is 42601 (PostgreSQL reads an integer as a
-- position and refuses other constants; differential fuzz tester:
-- SELECT DISTINCT ON (true) ... ORDER BY true answered). A window's or
-- an aggregate's ORDER BY takes a constant as a value.
CREATE TABLE n28fuzz5_sc (id int PRIMARY KEY, t text);
INSERT INTO n28fuzz5_sc VALUES (1, 'b'), (2, 'a'), (3, NULL);
-- positions
SELECT id FROM n28fuzz5_sc ORDER BY 'a';
SELECT id FROM n28fuzz5_sc ORDER BY 1.5 DESC;
SELECT id FROM n28fuzz5_sc ORDER BY true, id;
SELECT id FROM n28fuzz5_sc ORDER BY id, NULL NULLS FIRST;
SELECT count(*) FROM n28fuzz5_sc GROUP BY 'x';
SELECT DISTINCT ON ('x') id FROM n28fuzz5_sc;
SELECT DISTINCT ON (false) false AS c1, id FROM n28fuzz5_sc ORDER BY false, id DESC;
SELECT (SELECT t FROM n28fuzz5_sc ORDER BY 'x' LIMIT 1) AS s;
SELECT id FROM n28fuzz5_sc UNION SELECT 4 ORDER BY 1e1;
SELECT id, row_number() OVER (ORDER BY 'a', id) AS r FROM n28fuzz5_sc ORDER BY 1;
SELECT string_agg(t, ',' ORDER BY 'z') AS s FROM n28fuzz5_sc;
SELECT id FROM n28fuzz5_sc ORDER BY 1 DESC;
SELECT t, count(*) FROM n28fuzz5_sc GROUP BY 1 ORDER BY 1 NULLS FIRST;
