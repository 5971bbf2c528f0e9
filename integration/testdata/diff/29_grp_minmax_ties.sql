-- grp_minmax_ties: min/max of a numeric column keep the last of equal
-- values read, with its scale, as PostgreSQL's numeric_larger and
-- numeric_smaller (SQLite's min/max kept the first: max(n) over 1.5 then
-- 1.50 printed 1.5). The tables have no index on n (PostgreSQL's answer
-- over an index scan keeps another one of equal values).
CREATE TABLE n29grp_mm1 (id int PRIMARY KEY, n numeric);
INSERT INTO n29grp_mm1 VALUES (1, 1.5), (2, 1.50);
CREATE TABLE n29grp_mm2 (id int PRIMARY KEY, n numeric);
INSERT INTO n29grp_mm2 VALUES (1, 1.50), (2, 1.5);
SELECT max(n), min(n) FROM n29grp_mm1;
SELECT max(n), min(n) FROM n29grp_mm2;
SELECT max(n) - min(n) FROM n29grp_mm1;
CREATE TABLE n29grp_mm3 (id int PRIMARY KEY, g int, n numeric, m numeric(6,3));
INSERT INTO n29grp_mm3 VALUES (1, 1, 1.5, NULL), (2, 1, 1.50, 2.000), (3, 2, NULL, 1.5), (4, 2, 2, 2.0), (5, 1, 2.00, NULL), (6, 2, 2.0, 1.50);
SELECT g, max(n), min(n), max(m), min(m) FROM n29grp_mm3 GROUP BY g ORDER BY g;
SELECT max(n) FILTER (WHERE id > 1), min(n) FILTER (WHERE id < 5) FROM n29grp_mm3;
SELECT g, max(n) AS mx FROM n29grp_mm3 GROUP BY g HAVING max(n) = 2 ORDER BY g;
SELECT max(t.n) FROM n29grp_mm3 t JOIN n29grp_mm3 u ON u.id = t.id;
SELECT (SELECT max(n) FROM n29grp_mm3), max(id), min(id) FROM n29grp_mm3;
SELECT s.mx FROM (SELECT g, max(n) AS mx FROM n29grp_mm3 GROUP BY g) s ORDER BY s.g;
