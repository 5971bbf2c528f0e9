-- A number constant a SET assigns is converted to its column's type when
-- PostgreSQL plans the statement, so its error comes whether or not a row
-- is written (UPDATE ... WHERE false on an empty table): numeric(p,s)'s
-- 22003 numeric field overflow, the integers' out of range, float's out
-- of range; also in ON CONFLICT DO UPDATE with no conflict. Constants
-- that convert are stored as before.
CREATE TABLE n29wr_p (k int4 PRIMARY KEY, i int4, s int2, n numeric(3,1), f float8, r real);
UPDATE n29wr_p SET n = 123.4 WHERE false;
UPDATE n29wr_p SET n = -99.96 WHERE false;
UPDATE n29wr_p SET i = 3000000000 WHERE false;
UPDATE n29wr_p SET i = 1e10 WHERE false;
UPDATE n29wr_p SET s = -40000 WHERE false;
UPDATE n29wr_p SET f = 1e400 WHERE false;
UPDATE n29wr_p SET r = 1e39 WHERE false;
UPDATE n29wr_p SET i = 1, n = 123.4 WHERE false;
UPDATE n29wr_p SET n = 99.94, i = 2.5, s = -1, f = 1e300, r = 1.5 WHERE false;
INSERT INTO n29wr_p VALUES (1, 1, 1, 1.5, 1, 1) ON CONFLICT (k) DO UPDATE SET n = 123.4;
INSERT INTO n29wr_p VALUES (1, 1, 1, 1.5, 1, 1) ON CONFLICT (k) DO UPDATE SET n = 12.34 RETURNING n;
UPDATE n29wr_p SET n = -99.94, i = 2.5, s = -1, f = 1e300, r = 1.5 RETURNING *;
-- positions
-- a type of no assignment cast is found first (parse analysis)
UPDATE n29wr_p SET n = 123.4, i = true WHERE false;
-- differs: a constant selected by INSERT ... SELECT is converted per row
INSERT INTO n29wr_p (k, n) SELECT 2, 123.4 WHERE false;
-- a quoted literal INSERT ... SELECT selects is read with its column's
-- type when the statement is parsed, as a VALUES item
INSERT INTO n29wr_p (k, i) SELECT 2, 'zz' WHERE false;
INSERT INTO n29wr_p (k, i) SELECT 2, 'zz' FROM n29wr_p GROUP BY k LIMIT 0;
INSERT INTO n29wr_p SELECT 2, 1, 1, 'x' WHERE false;
WITH c AS (SELECT 1) INSERT INTO n29wr_p (k, n) SELECT 2, '123.4' FROM c WHERE false;
INSERT INTO n29wr_p (k, i) SELECT 2, 'zz' WHERE false ON CONFLICT DO NOTHING;
INSERT INTO n29wr_p (k, i) SELECT 2, '7' RETURNING i;
-- differs: a quoted literal compared with a column is read per row
SELECT * FROM n29wr_p WHERE i = 'zz' AND false;
