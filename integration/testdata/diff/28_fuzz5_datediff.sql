-- fuzz5_datediff: date - date more than 292 years apart (differential
-- fuzz tester: make_date(1, 11, 15) - a 2024 date was -106751).
CREATE TABLE n28fuzz5_dd (id int PRIMARY KEY, d date);
INSERT INTO n28fuzz5_dd VALUES (1, '0001-11-15'), (2, '2024-01-31'), (3, '4000-12-31'), (4, '0044-03-15 BC'), (5, '1700-02-28');
SELECT a.id, b.id, a.d - b.d AS days FROM n28fuzz5_dd a, n28fuzz5_dd b WHERE a.id < b.id ORDER BY 1, 2;
SELECT make_date(1, 11, 15) - DATE '2024-01-31' AS a, DATE '4000-01-01' - DATE '0001-01-01' AS b, make_date(-44, 3, 15) - DATE '2000-01-01' AS c;
SELECT id FROM n28fuzz5_dd WHERE d - DATE '2000-01-01' < -100000 ORDER BY id;
