-- fuzz3_avg_order: ORDER BY avg of an argument the statement types as an
-- integer or numeric (avg(length(t)), avg(i * 2)) sorts by value: its
-- numeric text ordered as text (11.00 before 5.00 descending; found by
-- the differential fuzz tester, seed 1301249).
CREATE TABLE n26fuzz3_av (id int PRIMARY KEY, g int, t text, i int4);
INSERT INTO n26fuzz3_av VALUES (1, 1, 'héllo wörld', 3), (2, 2, 'Hello', 20), (3, 3, 'abc', 5), (4, 3, 'a', 7), (5, 4, NULL, NULL), (6, 5, '', 100);
SELECT g, avg(length(t)) AS a FROM n26fuzz3_av GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT g, avg(i * 2) FROM n26fuzz3_av GROUP BY g ORDER BY avg(i * 2), g;
SELECT g, avg(length(t)) AS a FROM n26fuzz3_av GROUP BY 1 ORDER BY a NULLS FIRST, g;
