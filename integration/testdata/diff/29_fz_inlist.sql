-- fz_inlist: a number constant tested with IN against a list holding a
-- numeric column or arithmetic compares by value: SQLite gives an IN
-- list's values no affinity, so numeric text never equalled the constant
-- (-0.5 IN (n) and -1.5 IN (2.5, i2 * n) were false; found by the
-- differential fuzz tester, issue 11).
CREATE TABLE n29fz_i (id int PRIMARY KEY, i2 int2, n numeric, n2 numeric(10,2), f8 float8);
INSERT INTO n29fz_i VALUES (1, 3, -0.5, -0.50, -1.5), (2, 7, 1.5, 1.50, 3), (3, 0, 0.5, 0.50, 0.5), (4, NULL, NULL, NULL, NULL), (5, 1, 100, 100.00, 1e300);
SELECT id, -0.5 IN (n), -0.5 IN (n2), 1.5 IN (n, 7), 100 IN (n2), 0.5 NOT IN (n * 1, 7) FROM n29fz_i ORDER BY id;
SELECT id, -1.5 IN (2.5, 1.25, i2 * n), 3 IN (i2 * n * 2), 10.5 IN (i2 * n), 2 IN (round(n * 3, 0) - 2.5) FROM n29fz_i ORDER BY id;
SELECT id, 3 IN (i2, 1.5), 3 IN (f8, 0), 0.5 IN (f8), 7 NOT IN (i2, n) FROM n29fz_i ORDER BY id;
SELECT id FROM n29fz_i WHERE 1.5 IN (n, n2) ORDER BY id;
SELECT id FROM n29fz_i WHERE NOT (-1.5 NOT IN (2.5, (i2 * n))) ORDER BY id;
SELECT id FROM n29fz_i WHERE 100 IN (n) OR -0.5 IN (n2) ORDER BY id;
