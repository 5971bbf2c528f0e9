-- fuzz5_framescale: a numeric sum or avg over a moving window frame has
-- the display scale of the values in the frame, as PostgreSQL's
-- (differential fuzz tester: it kept the largest scale of any value the
-- frame had held, 9995002.49775112443800000000).
CREATE TABLE n28fuzz5_fs (id int PRIMARY KEY, n numeric, n2 numeric(10,2));
INSERT INTO n28fuzz5_fs VALUES (1, 0, 0.00), (2, -2.5, -2.50), (3, 12345.678, 99999999.99), (4, 0.5, 0.50), (5, 1.5, 1.50), (6, NULL, NULL), (7, -0.5, -0.50), (8, 100, 100.00);
SELECT id, sum(n2 / 10.005) OVER (ORDER BY id) AS s, sum(n2 / 10.005) OVER (ORDER BY id GROUPS BETWEEN 0 PRECEDING AND CURRENT ROW) AS g, sum(n2 / 10.005) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM n28fuzz5_fs ORDER BY id;
SELECT id, sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS s, avg(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a FROM n28fuzz5_fs ORDER BY id;
SELECT id, sum(n) OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS s, sum(n * 1.000) OVER (ORDER BY id ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) AS p FROM n28fuzz5_fs ORDER BY id;
SELECT id, sum(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) AS s FROM n28fuzz5_fs ORDER BY id;
