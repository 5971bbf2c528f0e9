-- MERGE (PostgreSQL 15): matched UPDATE/DELETE, not matched INSERT, DO NOTHING; the command tag counts the rows written.
CREATE TABLE n28merge_stock (item text PRIMARY KEY, qty int NOT NULL, price numeric(8,2), updated boolean DEFAULT false);
INSERT INTO n28merge_stock VALUES ('apple', 10, 1.50, false), ('pear', 0, 2.00, false), ('plum', 5, 3.25, false), ('kiwi', 7, 0.99, false);
CREATE TABLE n28merge_delta (item text, change int, price numeric);
INSERT INTO n28merge_delta VALUES ('apple', 5, NULL), ('pear', -0, NULL), ('plum', -5, 3.5), ('fig', 3, 4.125), ('date', 0, 9);
MERGE INTO n28merge_stock s USING n28merge_delta d ON s.item = d.item
WHEN MATCHED AND s.qty + d.change <= 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET qty = s.qty + d.change, price = coalesce(d.price, s.price), updated = true
WHEN NOT MATCHED AND d.change > 0 THEN INSERT VALUES (d.item, d.change, d.price);
SELECT * FROM n28merge_stock ORDER BY item;
-- the first WHEN clause whose condition holds decides; DO NOTHING stops the search
MERGE INTO n28merge_stock s USING (VALUES ('apple', 1), ('kiwi', 2), ('lime', 3), ('nut', 4)) AS v(item, n) ON s.item = v.item
WHEN MATCHED AND v.n = 1 THEN DO NOTHING
WHEN MATCHED THEN UPDATE SET qty = qty * 10
WHEN NOT MATCHED AND v.n = 3 THEN DO NOTHING
WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (v.item, v.n);
SELECT * FROM n28merge_stock ORDER BY item;
-- a subquery source, both sides in the conditions and the SET list
MERGE INTO n28merge_stock AS s USING (SELECT item, change * 2 AS twice FROM n28merge_delta WHERE change > 0) AS d ON s.item = d.item
WHEN MATCHED AND s.qty > d.twice THEN UPDATE SET qty = s.qty - d.twice, updated = s.qty - d.twice > 10
WHEN MATCHED THEN UPDATE SET qty = d.twice;
SELECT * FROM n28merge_stock ORDER BY item;
-- a table source without an alias, the target without one
MERGE INTO n28merge_stock USING n28merge_delta ON n28merge_stock.item = n28merge_delta.item WHEN MATCHED THEN UPDATE SET price = n28merge_stock.price + 1;
SELECT item, price FROM n28merge_stock ORDER BY item;
-- the target as its own source
MERGE INTO n28merge_stock s USING n28merge_stock AS o ON s.item = o.item WHEN MATCHED AND o.qty > 10 THEN DELETE WHEN MATCHED THEN UPDATE SET qty = o.qty + 1;
SELECT * FROM n28merge_stock ORDER BY item;
-- nothing matches, nothing acts
MERGE INTO n28merge_stock s USING (SELECT 'none' AS item) AS d ON s.item = d.item WHEN MATCHED THEN DELETE;
MERGE INTO n28merge_stock s USING (SELECT 'apple' AS item WHERE false) AS d ON s.item = d.item WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (d.item, 1);
MERGE INTO n28merge_stock s USING (SELECT 'apple' AS item) AS d ON s.item = d.item WHEN MATCHED AND false THEN DELETE;
-- one source row may match several target rows (each acted on once)
MERGE INTO n28merge_stock s USING (SELECT 1 AS k) AS d ON s.qty > 0 WHEN MATCHED THEN UPDATE SET qty = s.qty + d.k;
SELECT * FROM n28merge_stock ORDER BY item;
-- a source row that matches a target row several times over is acted on once per match only when no target row repeats
MERGE INTO n28merge_stock s USING (VALUES ('apple'), ('apple')) AS d(item) ON s.item = d.item WHEN MATCHED THEN DO NOTHING WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (d.item, 0);
-- in a transaction, undone by ROLLBACK and kept by COMMIT
BEGIN;
MERGE INTO n28merge_stock s USING (VALUES ('apple', 100), ('grape', 1)) AS v(item, q) ON s.item = v.item WHEN MATCHED THEN UPDATE SET qty = v.q WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (v.item, v.q);
SELECT * FROM n28merge_stock ORDER BY item;
ROLLBACK;
SELECT * FROM n28merge_stock ORDER BY item;
BEGIN;
MERGE INTO n28merge_stock s USING (VALUES ('apple', 100), ('grape', 1)) AS v(item, q) ON s.item = v.item WHEN MATCHED THEN UPDATE SET qty = v.q WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (v.item, v.q);
MERGE INTO n28merge_stock s USING (VALUES ('grape')) AS v(item) ON s.item = v.item WHEN MATCHED THEN UPDATE SET qty = s.qty + 1;
COMMIT;
SELECT * FROM n28merge_stock ORDER BY item;
-- an error in a transaction aborts it
BEGIN;
MERGE INTO n28merge_stock s USING (VALUES ('grape', NULL::int)) AS v(item, q) ON s.item = v.item WHEN MATCHED THEN UPDATE SET qty = v.q;
SELECT 1;
ROLLBACK;
SELECT * FROM n28merge_stock ORDER BY item;
-- source forms: a table with column aliases, VALUES without AS, a function, quoted names
CREATE TABLE n28merge_z (id int PRIMARY KEY, v text);
CREATE TABLE n28merge_zs (a int, b text);
INSERT INTO n28merge_zs VALUES (1, 'x'), (2, 'y');
MERGE INTO n28merge_z USING n28merge_zs AS s (id, v) ON n28merge_z.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v);
MERGE INTO n28merge_z AS t USING (VALUES (1, 'q')) v (id, w) ON t.id = v.id WHEN MATCHED THEN UPDATE SET v = v.w;
MERGE INTO n28merge_z t USING generate_series(1, 3) AS g(id) ON t.id = g.id WHEN MATCHED THEN UPDATE SET v = v || g.id WHEN NOT MATCHED THEN INSERT VALUES (g.id, 'gen');
MERGE INTO "n28merge_z" t USING (SELECT 3 AS "ID") s ON t.id = s."ID" WHEN MATCHED THEN DELETE;
MERGE INTO n28merge_z t USING n28merge_zs s ON t.id = s.a WHEN MATCHED AND t.v LIKE 'q%' THEN UPDATE SET v = upper(s.b) || ':' || t.v;
SELECT * FROM n28merge_z ORDER BY id;
