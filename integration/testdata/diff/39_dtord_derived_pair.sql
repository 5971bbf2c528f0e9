-- A CTE's or derived table's column of one date/time type compared with
-- a table's column of another (JOIN c ON t.d = c.tz): PostgreSQL promotes
-- the lower type in the session TimeZone; the stored texts were compared.
-- The translation reads the derived column's type at run time
-- (derivedcols.go) and takes it into the table column's text domain
-- (pgdialect/datetime_column_pair.go's dtDerivedPair); a derived column
-- that is an expression, and a scalar subquery over a CTE's column, are
-- typed once compiled from the item that names the column
-- (derived_column_item.go, datetime_pair_compiled.go).
CREATE TABLE dtord_p (id int, d date, ts timestamp, tz timestamptz);
CREATE TABLE dtord_q (k int, qd date, qts timestamp, qtz timestamptz, n int);
INSERT INTO dtord_p VALUES (1, '2024-06-01', '2024-06-01 00:00', '2024-06-01 04:00+00'), (2, '2024-06-01', '2024-06-01 10:00', NULL), (3, '2024-06-02', NULL, '2024-06-02 00:00+00');
INSERT INTO dtord_q VALUES (1, '2024-06-02', '2024-06-01 00:00', '2024-06-01 04:00+00', 1), (2, '2024-06-01', '2024-06-02 00:00', '2024-06-02 04:00+00', 3);
SET TimeZone = 'America/New_York';
WITH c AS (SELECT k, qtz FROM dtord_q) SELECT id, k FROM dtord_p JOIN c ON dtord_p.d = c.qtz ORDER BY id, k;
WITH c AS (SELECT k, qtz AS z FROM dtord_q) SELECT id, k FROM dtord_p JOIN c ON c.z = dtord_p.d ORDER BY id, k;
SELECT id, k FROM dtord_p JOIN (SELECT k, qts FROM dtord_q) s ON dtord_p.d = s.qts ORDER BY id, k;
SELECT id, k FROM dtord_p, (SELECT k, qd FROM dtord_q) s WHERE dtord_p.ts = s.qd ORDER BY id, k;
SELECT id, k FROM dtord_p, (SELECT k, qd FROM dtord_q) s WHERE s.qd < dtord_p.tz ORDER BY id, k;
SELECT id, k FROM dtord_p JOIN (SELECT k, n FROM dtord_q) s ON dtord_p.id = s.n ORDER BY id, k;
WITH c AS (SELECT k, qd FROM dtord_q) SELECT id, k FROM dtord_p JOIN c ON dtord_p.d = c.qd ORDER BY id, k;
WITH c AS (SELECT k, coalesce(qtz, qts) AS z FROM dtord_q) SELECT id, k FROM dtord_p JOIN c ON dtord_p.d = c.z ORDER BY id, k;
SELECT id, k FROM dtord_p JOIN (SELECT k, greatest(qts, qd) AS g FROM dtord_q) s ON s.g = dtord_p.d ORDER BY id, k;
SELECT id, kk FROM dtord_p JOIN (SELECT k, qtz FROM dtord_q) AS s(kk, z) ON dtord_p.d = s.z ORDER BY id, kk;
SELECT id, k FROM dtord_p JOIN (SELECT k, z FROM (SELECT k, qtz AS z FROM dtord_q) i) o ON dtord_p.d = o.z ORDER BY id, k;
WITH c AS (SELECT qd FROM dtord_q) SELECT id FROM dtord_p WHERE tz > (SELECT max(qd) FROM c) ORDER BY id;
WITH c AS (SELECT qtz FROM dtord_q) SELECT id FROM dtord_p WHERE d IN (SELECT qtz FROM c) ORDER BY id;
RESET TimeZone;
WITH c AS (SELECT k, qtz FROM dtord_q) SELECT id, k FROM dtord_p JOIN c ON dtord_p.d = c.qtz ORDER BY id, k;
DROP TABLE dtord_q;
DROP TABLE dtord_p;
