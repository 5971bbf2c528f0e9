-- numorder_scalarsub: a scalar subquery's numeric value (SELECT sum(amt)
-- FROM o WHERE o.c_id = c.id) orders and compares by value: SQLite gives
-- a subquery's value neither its item's affinity nor its collation, so
-- numeric text ordered as text (103.00 before 3.75, -0.50 after -3.00)
-- and after every number (scalarsub_item.go, orderby_numeric.go).
CREATE TABLE n27numorder_c (id int PRIMARY KEY, name text);
CREATE TABLE n27numorder_o (id int PRIMARY KEY, c_id int, amt numeric(10,2));
CREATE TABLE n27numorder_u (id int PRIMARY KEY, g int, v numeric);
INSERT INTO n27numorder_c VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e');
INSERT INTO n27numorder_o VALUES (1, 1, 3.75), (2, 2, 100.00), (3, 2, 3.00), (4, 3, -0.5), (5, 4, -3), (6, 1, 1.5), (7, 3, 1.50);
INSERT INTO n27numorder_u VALUES (1, 1, 1.5), (2, 1, 1.50), (3, 2, -0.5), (4, 2, -3), (5, 3, 103.00), (6, 3, 3.75), (7, 4, NULL);
SELECT c.name FROM n27numorder_c c ORDER BY (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) DESC NULLS LAST, c.name;
SELECT c.name, (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) AS s FROM n27numorder_c c ORDER BY 2 DESC, 1;
SELECT c.name, (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) AS s FROM n27numorder_c c ORDER BY s, name;
SELECT c.name FROM n27numorder_c c ORDER BY (SELECT max(amt) FROM n27numorder_o o WHERE o.c_id = c.id), c.name;
SELECT g, (SELECT sum(v) FROM n27numorder_u k WHERE k.g = u.g) FROM n27numorder_u u GROUP BY g ORDER BY 2 DESC, 1;
SELECT name, rank() OVER (ORDER BY (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id)) FROM n27numorder_c c ORDER BY 1;
SELECT id, sum(v) OVER (ORDER BY (SELECT sum(v) FROM n27numorder_u k WHERE k.g = u.g), id) FROM n27numorder_u u ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) > 100 ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) > 5 ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE 5 < (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) BETWEEN -1 AND 10 ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) NOT BETWEEN -1 AND 10 ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) IN (103, 1) ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE 3 = ANY (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE 103 IN (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE -3 NOT IN (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE 3 IN (SELECT amt * 1 FROM n27numorder_o o WHERE o.c_id = c.id) ORDER BY 1;
SELECT name FROM n27numorder_c c WHERE (SELECT sum(amt) FROM n27numorder_o o WHERE o.c_id = c.id) > (SELECT max(amt) FROM n27numorder_o o WHERE o.c_id = 1) ORDER BY 1;
SELECT g FROM n27numorder_u u GROUP BY g HAVING (SELECT sum(v) FROM n27numorder_u k WHERE k.g = u.g) > 3 ORDER BY 1;
SELECT id, (SELECT max(v) FROM n27numorder_u WHERE g = 3) > 50 FROM n27numorder_u WHERE id < 3 ORDER BY 1;
