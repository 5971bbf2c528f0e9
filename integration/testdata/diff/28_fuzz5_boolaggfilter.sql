-- fuzz5_boolaggfilter: bool_and, bool_or and every with a FILTER clause
-- or OVER are boolean (differential fuzz tester: they printed 1 and 0,
-- described as integers).
CREATE TABLE n28fuzz5_ba (id int PRIMARY KEY, g int, b bool);
INSERT INTO n28fuzz5_ba VALUES (1, 1, true), (2, 1, false), (3, 1, NULL), (4, 2, true), (5, 2, true), (6, 3, NULL);
SELECT g, bool_or(b) FILTER (WHERE id > 1) AS o, bool_and(b) FILTER (WHERE id <> 2) AS a, every(b) FILTER (WHERE true) AS e FROM n28fuzz5_ba GROUP BY g ORDER BY g;
SELECT bool_or(b) FILTER (WHERE id > 2) AS o, every(b) FILTER (WHERE id < 3) AS e FROM n28fuzz5_ba;
SELECT g, bool_and(b) FILTER (WHERE b IS NOT NULL) AS a FROM n28fuzz5_ba GROUP BY g ORDER BY 2, 1;
SELECT id, bool_and(b) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a, bool_or(b) FILTER (WHERE id > 3) OVER (PARTITION BY g) AS o FROM n28fuzz5_ba ORDER BY id;
SELECT g FROM n28fuzz5_ba GROUP BY g HAVING bool_or(b) FILTER (WHERE id > 3) ORDER BY g;
