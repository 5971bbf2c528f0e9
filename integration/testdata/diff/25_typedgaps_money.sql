-- typedgaps_money: money, xml and macaddr columns beside columns of other
-- types. A money column compared with a number or text column is 42883;
-- COALESCE, GREATEST, LEAST, CASE and set operations mixing money with
-- a number are 42846 (no implicit cast), with a text or json value 42804
-- (another category); NULLIF is money = integer (42883); min/max of
-- macaddr and macaddr8 do not exist in PostgreSQL 15.
CREATE TABLE n25typedgaps_m (id int PRIMARY KEY, m money, i int, s int2, b bigint, n numeric, r real, d float8, t text, v varchar(5), x xml, j json, o oid);
INSERT INTO n25typedgaps_m VALUES (1, '1.50', 1, 1, 1, 1.5, 1.5, 1.5, 'a', 'a', '<a/>', '{}', 1), (2, '3', 3, 3, 3, 3, 3, 3, 'b', 'b', '<b/>', '[]', 3), (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE n25typedgaps_mac (id int, a macaddr, a8 macaddr8);
INSERT INTO n25typedgaps_mac VALUES (1, '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05'), (2, '00:00:2b:01:02:03', '00:00:2b:01:02:03:04:05');
SELECT m = i FROM n25typedgaps_m;
SELECT id FROM n25typedgaps_m WHERE m < i;
SELECT id FROM n25typedgaps_m WHERE i >= m;
SELECT id FROM n25typedgaps_m WHERE m = s OR m = b;
SELECT id FROM n25typedgaps_m WHERE m <> n;
SELECT id FROM n25typedgaps_m WHERE m < r;
SELECT id FROM n25typedgaps_m WHERE d >= m;
SELECT id FROM n25typedgaps_m WHERE m = o;
SELECT id FROM n25typedgaps_m WHERE m = t;
SELECT id FROM n25typedgaps_m WHERE m IN (s, 1);
SELECT id FROM n25typedgaps_m WHERE m BETWEEN s AND b;
SELECT a.id FROM n25typedgaps_m a JOIN n25typedgaps_m b ON a.m = b.i;
SELECT id FROM n25typedgaps_m WHERE m = m ORDER BY id;
SELECT id FROM n25typedgaps_m WHERE m > '2' ORDER BY id;
SELECT greatest(m, 0) FROM n25typedgaps_m;
SELECT greatest(m, i) FROM n25typedgaps_m;
SELECT greatest(1, m) FROM n25typedgaps_m;
SELECT least(m, i) FROM n25typedgaps_m;
SELECT least(m, 1, 2) FROM n25typedgaps_m;
SELECT greatest(m, v) FROM n25typedgaps_m;
-- differs-type: GREATEST of money columns is described as text
SELECT greatest(m, m) FROM n25typedgaps_m ORDER BY id;
SELECT least(m, '2') FROM n25typedgaps_m WHERE m IS NOT NULL ORDER BY id;
SELECT greatest(i, s, b) FROM n25typedgaps_m ORDER BY id;
SELECT coalesce(m, 0) FROM n25typedgaps_m;
SELECT coalesce(m, i) FROM n25typedgaps_m;
SELECT coalesce(m, d) FROM n25typedgaps_m;
-- differs: a decimal constant beside a column in COALESCE keeps its scale through a run-time choice (numeric constants in branches), which the money check does not read: the constant is answered as text where PostgreSQL refuses it (42846)
SELECT coalesce(m, 0.5) FROM n25typedgaps_m;
SELECT coalesce(s, n, m) FROM n25typedgaps_m;
SELECT coalesce(NULL, m, 1) FROM n25typedgaps_m;
SELECT coalesce(m, t) FROM n25typedgaps_m;
SELECT coalesce(v, m) FROM n25typedgaps_m;
SELECT coalesce(m, j) FROM n25typedgaps_m;
SELECT coalesce(m, m) FROM n25typedgaps_m ORDER BY id;
SELECT coalesce(i, s, b) FROM n25typedgaps_m ORDER BY id;
SELECT nullif(m, 0) FROM n25typedgaps_m;
SELECT nullif(m, i) FROM n25typedgaps_m;
SELECT nullif(1, m) FROM n25typedgaps_m;
SELECT nullif(m, v) FROM n25typedgaps_m;
SELECT nullif(m, '3') FROM n25typedgaps_m ORDER BY id;
SELECT CASE WHEN i > 1 THEN m ELSE 0 END FROM n25typedgaps_m;
SELECT CASE WHEN i > 1 THEN m ELSE i END FROM n25typedgaps_m;
SELECT CASE WHEN i > 1 THEN i ELSE m END FROM n25typedgaps_m;
SELECT CASE WHEN i > 1 THEN m WHEN i = 1 THEN 1 END FROM n25typedgaps_m;
SELECT CASE s WHEN 1 THEN m ELSE 2 END FROM n25typedgaps_m;
SELECT CASE WHEN i > 1 THEN m ELSE t END FROM n25typedgaps_m;
SELECT CASE WHEN true THEN '1'::money ELSE 'a'::text END;
SELECT CASE WHEN true THEN CASE WHEN false THEN '1'::money ELSE 2 END ELSE 3 END;
SELECT CASE WHEN i > 1 THEN m ELSE NULL END FROM n25typedgaps_m ORDER BY id;
SELECT CASE WHEN i > 1 THEN m END FROM n25typedgaps_m ORDER BY id;
SELECT greatest('1'::money, 'a'::text);
SELECT mod('1'::money, 2);
SELECT pow('1'::money, 2);
SELECT power('1'::money, 2.5);
SELECT m FROM n25typedgaps_m UNION ALL SELECT i FROM n25typedgaps_m;
SELECT i FROM n25typedgaps_m UNION ALL SELECT m FROM n25typedgaps_m;
SELECT m FROM n25typedgaps_m UNION SELECT s FROM n25typedgaps_m;
SELECT v FROM n25typedgaps_m UNION SELECT m FROM n25typedgaps_m;
SELECT x FROM n25typedgaps_m UNION ALL SELECT i FROM n25typedgaps_m;
SELECT x FROM n25typedgaps_m UNION ALL SELECT t FROM n25typedgaps_m;
SELECT j FROM n25typedgaps_m UNION ALL SELECT v FROM n25typedgaps_m;
SELECT m FROM n25typedgaps_m UNION ALL SELECT t FROM n25typedgaps_m;
SELECT t FROM n25typedgaps_m UNION ALL SELECT m FROM n25typedgaps_m;
SELECT m FROM n25typedgaps_m UNION ALL SELECT 1.5;
SELECT 1 UNION ALL SELECT 2.5 UNION ALL SELECT m FROM n25typedgaps_m;
SELECT m FROM n25typedgaps_m UNION ALL SELECT m FROM n25typedgaps_m ORDER BY 1;
SELECT i FROM n25typedgaps_m UNION ALL SELECT b FROM n25typedgaps_m ORDER BY 1;
SELECT min(a) FROM n25typedgaps_mac;
SELECT max(a) FROM n25typedgaps_mac;
SELECT min(a8) FROM n25typedgaps_mac;
SELECT max(a8) FROM n25typedgaps_mac;
SELECT max('08:00:2b:01:02:03'::macaddr);
WITH c AS (SELECT a FROM n25typedgaps_mac) SELECT min(a) FROM c;
SELECT min(a::text), max(a8::text) FROM n25typedgaps_mac;
SELECT a FROM n25typedgaps_mac ORDER BY a;
-- differs: power and mod of a money column are written as the operators ^ and % in the SQLite text: read at run time as numeric (22P02)
SELECT power(m, 2) FROM n25typedgaps_m;
SELECT coalesce(m, '2') FROM n25typedgaps_m ORDER BY id;
SELECT greatest(m, '2') FROM n25typedgaps_m ORDER BY id;
-- differs: a quoted literal beside a money column in CASE keeps its text
SELECT CASE WHEN i > 1 THEN m ELSE '0' END FROM n25typedgaps_m ORDER BY id;
-- positions
SELECT id FROM n25typedgaps_m WHERE m < i;
SELECT coalesce(m, i) FROM n25typedgaps_m;
SELECT CASE WHEN i > 1 THEN m ELSE 0 END FROM n25typedgaps_m;
SELECT m FROM n25typedgaps_m UNION ALL SELECT i FROM n25typedgaps_m;
SELECT x FROM n25typedgaps_m UNION ALL SELECT t FROM n25typedgaps_m;
SELECT min(a) FROM n25typedgaps_mac;
SELECT nullif(m, i) FROM n25typedgaps_m;
DROP TABLE n25typedgaps_m;
DROP TABLE n25typedgaps_mac;
