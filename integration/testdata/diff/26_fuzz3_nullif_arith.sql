-- fuzz3_nullif_arith: nullif(x, y) in arithmetic is of x's type where the
-- = it implies keeps it (both integers, one type, y promoted to x's), so
-- the arithmetic checks that type's range: nullif(i2, i4) * i2 was
-- bigint arithmetic, where PostgreSQL's smallint product overflows
-- (found by the differential fuzz tester, seed 900335).
CREATE TABLE n26fuzz3_nf (id int PRIMARY KEY, i2 int2, i4 int4, n numeric);
INSERT INTO n26fuzz3_nf VALUES (1, 32767, 2147483647, 1.5), (2, 3, 3, 2), (3, NULL, 1, NULL);
SELECT id, nullif(i2, i4) * 2 FROM n26fuzz3_nf ORDER BY id;
SELECT id, nullif(i2, i4) * i2 FROM n26fuzz3_nf WHERE id > 1 ORDER BY id;
SELECT id, nullif(i2, i4) * i2 FROM n26fuzz3_nf WHERE id = 1;
SELECT id, nullif(i4, 2) + 1 FROM n26fuzz3_nf ORDER BY id;
SELECT id, nullif(i4, 3) * 2 FROM n26fuzz3_nf WHERE id > 1 ORDER BY id;
-- differs-type: nullif(i2, 3.5) * i2 is described by nullif's first argument (int2), the value is PostgreSQL's numeric product ("Differences from PostgreSQL", described types)
SELECT id, nullif(i2, 3.5) * i2, nullif(n, 2) * 2, nullif(i2, 1) - 1 FROM n26fuzz3_nf ORDER BY id;
SELECT id, nullif(12, i2) * 2147483647 FROM n26fuzz3_nf ORDER BY id;
