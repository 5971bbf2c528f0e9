-- MERGE errors as PostgreSQL 15 reports them; the statement is atomic.
CREATE TABLE n28merge_acct (id int PRIMARY KEY, owner text NOT NULL, bal numeric(6,2) CHECK (bal >= 0), opened date, vip boolean);
CREATE TABLE n28merge_txn (acct int REFERENCES n28merge_acct(id), amt numeric);
INSERT INTO n28merge_acct VALUES (1, 'ann', 10, '2024-01-01', false), (2, 'ben', 20, '2024-02-01', true);
INSERT INTO n28merge_txn VALUES (1, 5);
-- a target row joined by two acting source rows: 21000
MERGE INTO n28merge_acct a USING (VALUES (1, 1), (1, 2)) AS v(id, k) ON a.id = v.id WHEN MATCHED THEN UPDATE SET bal = bal + v.k;
MERGE INTO n28merge_acct a USING (VALUES (1, 1), (1, 2)) AS v(id, k) ON a.id = v.id WHEN MATCHED THEN DELETE;
-- ... not when the second source row does nothing
MERGE INTO n28merge_acct a USING (VALUES (1, 1), (1, 2)) AS v(id, k) ON a.id = v.id WHEN MATCHED AND v.k = 2 THEN UPDATE SET bal = bal + v.k WHEN MATCHED THEN DO NOTHING;
MERGE INTO n28merge_acct a USING (VALUES (2, 1), (2, 2)) AS v(id, k) ON a.id = v.id WHEN MATCHED AND v.k = 3 THEN DELETE;
SELECT * FROM n28merge_acct ORDER BY id;
-- constraints of the actions, the whole statement undone
MERGE INTO n28merge_acct a USING (VALUES (2, 'x'), (3, 'cy')) AS v(id, o) ON a.id = v.id WHEN MATCHED THEN UPDATE SET id = 1 WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, v.o);
MERGE INTO n28merge_acct a USING (VALUES (3, 'x'), (4, 'y')) AS v(id, o) ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (1, v.o);
MERGE INTO n28merge_acct a USING (VALUES (3, NULL)) AS v(id, o) ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, v.o);
MERGE INTO n28merge_acct a USING (VALUES (1)) AS v(id) ON a.id = v.id WHEN MATCHED THEN UPDATE SET owner = NULL;
MERGE INTO n28merge_acct a USING (VALUES (1, -50)) AS v(id, d) ON a.id = v.id WHEN MATCHED THEN UPDATE SET bal = bal + v.d;
MERGE INTO n28merge_acct a USING (VALUES (1, 99999)) AS v(id, d) ON a.id = v.id WHEN MATCHED THEN UPDATE SET bal = v.d;
MERGE INTO n28merge_acct a USING (VALUES (1)) AS v(id) ON a.id = v.id WHEN MATCHED THEN DELETE;
MERGE INTO n28merge_txn t USING (VALUES (7, 1)) AS v(acct, amt) ON t.acct = v.acct WHEN NOT MATCHED THEN INSERT VALUES (v.acct, v.amt);
MERGE INTO n28merge_acct a USING (VALUES (2, 1.005)) AS v(id, b) ON a.id = v.id WHEN MATCHED THEN UPDATE SET bal = v.b;
SELECT * FROM n28merge_acct ORDER BY id;
-- assignment types (42804), input syntax
MERGE INTO n28merge_acct a USING (VALUES (1, 'soon')) AS v(id, d) ON a.id = v.id WHEN MATCHED THEN UPDATE SET opened = v.d;
MERGE INTO n28merge_acct a USING (VALUES (1, 5)) AS v(id, d) ON a.id = v.id WHEN MATCHED THEN UPDATE SET opened = v.d;
MERGE INTO n28merge_acct a USING (SELECT 1 AS id, 'yes'::text AS f) AS v ON a.id = v.id WHEN MATCHED THEN UPDATE SET vip = v.f;
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN UPDATE SET bal = now();
MERGE INTO n28merge_acct a USING (SELECT 9 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner, bal) VALUES (v.id, 'z', 'lots');
MERGE INTO n28merge_acct a USING (SELECT 9 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner, opened) VALUES (v.id, 'z', current_date - 1 > '2020-01-01');
SELECT * FROM n28merge_acct ORDER BY id;
-- name resolution
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON id = v.id WHEN MATCHED THEN DO NOTHING;
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON id = v.id WHEN NOT MATCHED THEN DO NOTHING;
MERGE INTO n28merge_acct a USING n28merge_txn v ON a.id = v.acct WHEN NOT MATCHED AND a.vip THEN DO NOTHING;
MERGE INTO n28merge_acct a USING n28merge_txn v ON a.id = v.acct WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.acct, a.owner);
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN UPDATE SET owner = v.nosuch;
MERGE INTO n28merge_acct USING n28merge_acct ON true WHEN MATCHED THEN DO NOTHING;
-- syntax PostgreSQL 15 refuses
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) ON a.id = 1 WHEN MATCHED THEN DELETE;
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN DELETE RETURNING *;
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN INSERT VALUES (1);
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN UPDATE SET owner = 'x';
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN DELETE WHEN MATCHED AND v.id > 0 THEN DO NOTHING;
MERGE INTO n28merge_acct a USING (SELECT 5 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id) VALUES (v.id, 'x');
MERGE INTO n28merge_acct a USING (SELECT 5 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id);
MERGE INTO n28merge_acct a USING (SELECT 5 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN INSERT (id, owner) VALUES (v.id, 'a'), (6, 'b');
MERGE INTO n28merge_acct a USING (SELECT 5 AS id) AS v ON a.id = v.id WHEN NOT MATCHED BY SOURCE THEN DELETE;
-- WITH before MERGE, a joined source; forms raftsql refuses (0A000)
WITH w AS (SELECT 1 AS id) MERGE INTO n28merge_acct a USING w ON a.id = w.id WHEN MATCHED THEN DO NOTHING;
MERGE INTO n28merge_acct a USING n28merge_txn t JOIN n28merge_acct b ON b.id = t.acct ON a.id = t.acct WHEN MATCHED THEN DO NOTHING;
-- OVERRIDING USER VALUE: a table without identity columns keeps its values
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN NOT MATCHED THEN INSERT OVERRIDING USER VALUE VALUES (v.id, 'x');
WITH w AS (MERGE INTO n28merge_acct a USING (SELECT 1 AS id) v ON a.id = v.id WHEN MATCHED THEN DO NOTHING) SELECT 1;
SELECT * FROM n28merge_acct ORDER BY id;
-- differs: raftsql refuses EXPLAIN of MERGE (0A000)
EXPLAIN MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN DELETE;
CREATE VIEW n28merge_acctv AS SELECT * FROM n28merge_acct;
MERGE INTO n28merge_acctv a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN DELETE;
BEGIN READ ONLY;
MERGE INTO n28merge_acct a USING (SELECT 1 AS id) AS v ON a.id = v.id WHEN MATCHED THEN DELETE;
ROLLBACK;
-- a MERGE in a query string of several statements
MERGE INTO n28merge_acct a USING (SELECT 2 AS id) AS v ON a.id = v.id WHEN MATCHED THEN UPDATE SET owner = 'bea'; SELECT owner FROM n28merge_acct WHERE id = 2;
SELECT * FROM n28merge_acct ORDER BY id;
-- a deferred foreign key checked at COMMIT names the MERGE's row
CREATE TABLE n28merge_dp (id int PRIMARY KEY);
CREATE TABLE n28merge_dc (id int PRIMARY KEY, pid int REFERENCES n28merge_dp(id) DEFERRABLE INITIALLY DEFERRED);
BEGIN;
MERGE INTO n28merge_dc c USING (VALUES (1, 10)) AS v(id, pid) ON c.id = v.id WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.pid);
COMMIT;
BEGIN;
MERGE INTO n28merge_dc c USING (VALUES (1, 10)) AS v(id, pid) ON c.id = v.id WHEN NOT MATCHED THEN INSERT VALUES (v.id, v.pid);
INSERT INTO n28merge_dp VALUES (10);
COMMIT;
SELECT * FROM n28merge_dc;
-- an action's subquery reading the target sees the rows before the statement in PostgreSQL
CREATE TABLE n28merge_sq (id int PRIMARY KEY, v int);
INSERT INTO n28merge_sq VALUES (1, 1), (2, 2), (3, 3);
MERGE INTO n28merge_sq t USING (VALUES (2)) AS s(id) ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = (SELECT max(v) FROM n28merge_sq);
SELECT * FROM n28merge_sq ORDER BY id;
-- differs: raftsql refuses (0A000) an action's subquery reading the target when the MERGE has several actions (they run one after another)
MERGE INTO n28merge_sq t USING (VALUES (1), (2)) AS s(id) ON t.id = s.id WHEN MATCHED AND s.id = 1 THEN DELETE WHEN MATCHED THEN UPDATE SET v = (SELECT count(*) FROM n28merge_sq);
