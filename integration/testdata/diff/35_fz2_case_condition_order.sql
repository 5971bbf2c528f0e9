-- ORDER BY a CASE whose WHEN condition holds a numeric constant or
-- arithmetic orders its text results as text: SQLite gave the CASE the
-- numeric collation the condition's constant carries, so texts that read
-- as numbers came first ('42' before ''; the fuzz tester's seed 778474).
-- Numeric and interval results still order by value, equal values by
-- the keys after them.
CREATE TABLE fz2_cc (id int PRIMARY KEY, i4 int, n numeric, n2 numeric(10,2), t text, vc varchar(10), iv interval);
INSERT INTO fz2_cc VALUES (1, 0, 0, 0.00, '', '', '1 mon -1 day'), (2, -7, -2.5, -2.50, 'Hello', 'hello', '-2 hours'), (3, 2147483647, 12345.678, 99999999.99, 'héllo wörld', 'ünï', '1 year 2 mons 3 days 04:05:06'), (4, -2147483648, 0.5, 0.50, 'a%b_c', 'A', '00:00:00'), (5, 7, 1.5, 1.50, '42', '7', '-1 mon 1 day'), (6, NULL, NULL, NULL, NULL, NULL, NULL), (7, 3, -0.5, -0.50, 'abc', 'abc', '36 hours'), (8, 10, 100, 100.00, 'ABC', 'ABC', '1 day'), (9, -1, 0, 0.00, '10', '9', '24:00:00');
SELECT CASE WHEN (0.0 IN (10.005, 1.5, trunc(3.00, 1))) THEN t ELSE replace(lower(t), 'ABC', 'abc') END AS c1 FROM fz2_cc WHERE i4 IN (0, 3, 7, 10) ORDER BY 1 DESC NULLS LAST;
WITH d AS (SELECT * FROM fz2_cc) SELECT CASE WHEN (0.0 IN (10.005, 1.5, trunc(3.00, 1))) THEN a.t ELSE replace(lower(a.t), 'ABC', 'abc') END AS c1, extract(dow FROM (DATE '2000-01-01')::timestamp) AS c2 FROM d a ORDER BY 2, 1 DESC NULLS LAST;
SELECT CASE WHEN i4 + 0.5 > 0 THEN t ELSE lower(t) END AS c FROM fz2_cc ORDER BY 1, id;
SELECT id FROM fz2_cc ORDER BY CASE WHEN n > 0.5 THEN t ELSE lower(vc) END DESC, id;
SELECT id, CASE WHEN i4 * 1.5 >= 0 THEN t END AS c FROM fz2_cc ORDER BY c NULLS FIRST, id;
SELECT id FROM fz2_cc ORDER BY CASE WHEN i4 + 0.5 > 0 THEN n ELSE n2 END, id;
SELECT id, CASE WHEN i4 + 0.5 > 0 THEN iv ELSE iv END AS c FROM fz2_cc ORDER BY 2, id;
SELECT id, CASE WHEN i4 + 0.5 > 0 THEN n ELSE n2 END AS c FROM fz2_cc ORDER BY 2, id DESC;
SELECT id, CASE WHEN i4 + 0.5 > 0 THEN iv ELSE iv END AS c FROM fz2_cc ORDER BY 2 DESC, id;
DROP TABLE fz2_cc;
