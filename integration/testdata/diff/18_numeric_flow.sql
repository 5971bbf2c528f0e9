-- Numeric values that do not come straight from one table's column stay
-- exact: constants reaching INSERT/UPDATE through nested queries, columns
-- typed through joins, FROM subqueries and CTEs, nullif/greatest/least of
-- numeric columns with number constants (sqlexec/pgdialect:
-- nestedresolve.go, derivedcols.go, arith_columns.go, numeric_runtimecmp.go).
CREATE TABLE flow_acc (id int PRIMARY KEY, bal numeric(20,2));
CREATE TABLE flow_tx (id int PRIMARY KEY, acc int, amt numeric(30,10));
CREATE TABLE flow_o (id int PRIMARY KEY, total numeric(12,2), qty int, f float8);
CREATE TABLE flow_i (id int PRIMARY KEY, n int, s smallint, t text);
INSERT INTO flow_acc SELECT 10, x FROM (VALUES (12345678901234567.89)) v(x);
INSERT INTO flow_acc SELECT 11, x FROM (VALUES (1.50)) v(x);
WITH c AS (SELECT 12345678901234567.81 AS x) INSERT INTO flow_acc SELECT 12, x FROM c;
INSERT INTO flow_acc SELECT 13, 12345678901234567.82 UNION ALL SELECT 14, 1.5;
INSERT INTO flow_acc VALUES (15, (SELECT 12345678901234567.83));
INSERT INTO flow_acc SELECT 16, (SELECT 12345678901234567.84);
INSERT INTO flow_acc SELECT 17, x * 2 FROM (VALUES (6172839450617283.945)) v(x);
SELECT * FROM flow_acc ORDER BY id;
UPDATE flow_acc SET bal = (SELECT 12345678901234567.85) WHERE id = 11;
UPDATE flow_acc SET bal = s.x FROM (SELECT 12345678901234567.86 AS x) s WHERE id = 14;
UPDATE flow_acc SET bal = bal * 1.075 WHERE id = 10 RETURNING bal;
SELECT * FROM flow_acc ORDER BY id;
INSERT INTO flow_i SELECT 1, x, x, x FROM (VALUES (1.50)) v(x);
INSERT INTO flow_i SELECT 2, 2.5, -2.5, 2.50;
INSERT INTO flow_i VALUES (3, (SELECT 7.49), (SELECT -7.5), (SELECT 7.50));
SELECT * FROM flow_i ORDER BY id;
INSERT INTO flow_i SELECT 4, x, 0, '' FROM (VALUES (40000.5)) v(x);
INSERT INTO flow_i SELECT 5, 0, x, '' FROM (VALUES (40000.5)) v(x);
INSERT INTO flow_tx VALUES (1, 10, 1234567.1234567891), (2, 11, 0.0000000001), (3, 12, -5.5);
SELECT mod(amt, 0.07) FROM flow_tx JOIN flow_acc ON flow_acc.id = flow_tx.acc ORDER BY flow_tx.id;
SELECT mod(amt, 0.07), sqrt(abs(amt)), ln(abs(amt)), power(amt, 2), round(amt, 3) FROM flow_tx JOIN flow_acc ON flow_acc.id = flow_tx.acc ORDER BY flow_tx.id;
SELECT mod(amt, 0.07), sqrt(abs(amt)) FROM (SELECT amt FROM flow_tx) s ORDER BY 1;
SELECT mod(a, 0.07) FROM (SELECT t.amt AS a FROM flow_tx t JOIN flow_acc ON flow_acc.id = t.acc) s ORDER BY 1;
WITH c AS (SELECT amt FROM flow_tx) SELECT mod(amt, 0.07), exp(amt / 10000000) FROM c ORDER BY 1;
WITH s AS (SELECT acc, sum(amt) AS tot FROM flow_tx GROUP BY acc) SELECT acc, tot, sqrt(abs(tot)) FROM s ORDER BY acc;
SELECT (SELECT mod(amt, 0.07) FROM flow_tx WHERE id = 1);
SELECT bal * amt, bal + amt FROM flow_tx JOIN flow_acc ON flow_acc.id = flow_tx.acc ORDER BY flow_tx.id;
INSERT INTO flow_o VALUES (1, 10.01, 3, 2.5), (2, 100.50, 1, 0.5), (3, NULL, NULL, NULL), (4, 50.00, 2, 1);
SELECT greatest(total, 50), least(qty, 2.5), greatest(total, qty), least(total, 60, qty) FROM flow_o ORDER BY id;
SELECT id, greatest(total, 50) AS g FROM flow_o ORDER BY g, id;
SELECT nullif(total, 10.01), nullif(total, 50), nullif(qty, 3), nullif(total, 100.5) FROM flow_o ORDER BY id;
SELECT coalesce(total, 0), coalesce(qty, 0.5), CASE WHEN id = 1 THEN total ELSE 7 END FROM flow_o ORDER BY id;
SELECT greatest(total, f), least(qty, f) FROM flow_o ORDER BY id;
SELECT (-1.50)::text, 1.50::text, (2.500)::varchar;
SELECT id FROM flow_o WHERE coalesce(total, 0) > 60 ORDER BY id;
SELECT id FROM flow_o WHERE greatest(total, 50) = 50 ORDER BY id;
SELECT id FROM flow_o WHERE nullif(total, 10.01) < 60 ORDER BY id;
SELECT id FROM flow_o WHERE 60 > least(total, qty) ORDER BY id;
SELECT sqrt(sum(amt)), max(amt) * 2, sqrt(abs(min(amt))) FROM flow_tx;
SELECT flow_o.id, coalesce(total, 0) + amt FROM flow_o LEFT JOIN flow_tx ON flow_tx.id = flow_o.id ORDER BY flow_o.id;
UPDATE flow_acc SET bal = bal * 1.075 FROM flow_tx WHERE flow_tx.acc = flow_acc.id AND flow_tx.amt < 0 RETURNING flow_acc.id, bal;
INSERT INTO flow_acc SELECT id + 100, amt FROM flow_tx WHERE amt > 1 RETURNING bal;
SELECT s.acc, s.tot FROM (SELECT acc, sum(amt) AS tot FROM flow_tx GROUP BY acc) s WHERE s.tot > -1 ORDER BY s.tot;
WITH s AS (SELECT acc, max(amt) AS m, sum(amt) AS tot FROM flow_tx GROUP BY acc) SELECT acc, tot FROM s WHERE m >= 0.0000000001 ORDER BY tot DESC;
SELECT acc FROM flow_tx GROUP BY acc HAVING sum(amt) > 100 ORDER BY acc;
SELECT acc FROM flow_tx GROUP BY acc HAVING max(amt) < 1 AND min(amt) >= -5 ORDER BY acc;
SELECT id FROM flow_o WHERE CASE WHEN id > 1 THEN total ELSE 70 END > 60 ORDER BY id;
