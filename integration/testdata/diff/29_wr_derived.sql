-- A value assigned from a derived table's or a CTE's column, or from a
-- scalar subquery, is of that column's type: a boolean into an integer,
-- numeric or float8 column has no assignment cast (42804), also through
-- an unqualified reference in UPDATE ... FROM and after a WITH list
-- before INSERT or UPDATE (where it was stored as 1 or read as text).
CREATE TABLE n29wr_t (i int4, n numeric(3,1), f float8);
CREATE TABLE n29wr_s (bb bool, k int4);
INSERT INTO n29wr_s VALUES (true, 1);
INSERT INTO n29wr_t VALUES (1, 1.0, 1);
-- positions
UPDATE n29wr_t SET n = bb FROM (SELECT bb FROM n29wr_s) q;
UPDATE n29wr_t SET i = bb FROM (SELECT bb FROM n29wr_s) q;
UPDATE n29wr_t SET f = bb FROM (SELECT bb FROM n29wr_s) q;
UPDATE n29wr_t SET i = x FROM (SELECT true AS x) q;
UPDATE n29wr_t SET i = x FROM (VALUES (true)) v(x);
UPDATE n29wr_t SET i = x FROM (SELECT true AS x) q WHERE false;
UPDATE n29wr_t SET i = (SELECT bb FROM n29wr_s);
UPDATE n29wr_t SET i = (SELECT max(k) FROM n29wr_s) + 1 RETURNING i;
INSERT INTO n29wr_t (i) SELECT (SELECT bb FROM n29wr_s);
INSERT INTO n29wr_t (i) VALUES ((SELECT bb FROM n29wr_s LIMIT 1));
WITH c AS (SELECT true AS x) INSERT INTO n29wr_t (i) SELECT x FROM c;
WITH c AS (SELECT true AS x) INSERT INTO n29wr_t (i) SELECT c.x FROM c;
WITH c AS (SELECT bb FROM n29wr_s) INSERT INTO n29wr_t (i) SELECT bb FROM c;
WITH c AS (SELECT bb FROM n29wr_s) UPDATE n29wr_t SET i = c.bb FROM c;
WITH c AS (SELECT bb FROM n29wr_s) UPDATE n29wr_t SET i = bb FROM c;
WITH c AS (SELECT 2 AS x) INSERT INTO n29wr_t (i) SELECT x FROM c RETURNING i;
WITH c AS (SELECT k FROM n29wr_s) UPDATE n29wr_t SET i = c.k + 1 FROM c RETURNING i;
SELECT * FROM n29wr_t ORDER BY i;
