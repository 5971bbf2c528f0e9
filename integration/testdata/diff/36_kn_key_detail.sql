-- The unique-violation DETAIL of an index on expressions over a varchar
-- or char(n) column shows the implicit cast PostgreSQL deparses
-- (Key (lower(v::text))=(a)), as does CREATE UNIQUE INDEX over duplicate
-- rows; a sequence function's argument that names no sequence is 42P01
-- at the quoted name.
CREATE TABLE kn_kd (k int PRIMARY KEY, v varchar(20), c char(5), t text, v2 varchar);
CREATE UNIQUE INDEX kn_kd_lower ON kn_kd (lower(v));
CREATE UNIQUE INDEX kn_kd_upper ON kn_kd (upper(c));
CREATE UNIQUE INDEX kn_kd_two ON kn_kd (lower(t), length(v2));
CREATE UNIQUE INDEX kn_kd_clen ON kn_kd (length(c), k);
INSERT INTO kn_kd VALUES (1, 'A', 'b', 't', 'q');
INSERT INTO kn_kd VALUES (2, 'a', 'x', 't2', 'q2');
INSERT INTO kn_kd VALUES (3, 'z', 'B', 't3', 'q3');
INSERT INTO kn_kd VALUES (4, 'z2', 'y', 'T', 'q');
UPDATE kn_kd SET v = 'a' WHERE k = 4;
INSERT INTO kn_kd VALUES (5, 'm', 'm', 'm', 'm'), (6, 'n', 'n', 'n', 'n');
UPDATE kn_kd SET v2 = 'N' WHERE k = 5;
CREATE UNIQUE INDEX kn_kd_build ON kn_kd (upper(v2));
SELECT k, v, c, t, v2 FROM kn_kd ORDER BY k;
-- positions
SELECT nextval('kn_kd_missing');
SELECT currval('kn_kd_missing');
SELECT setval('kn_kd_missing', 1);
SELECT k, nextval('Kn_Kd_Missing') FROM kn_kd;
SELECT 1 FROM kn_kd WHERE k = nextval('"Kn_Kd_Missing"');
DROP TABLE kn_kd;
