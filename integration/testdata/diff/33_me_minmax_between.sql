-- greatest/least of numeric columns tested with BETWEEN or IN: the result is
-- numeric text with no affinity, which SQLite ordered after every number,
-- so least(n, n2) BETWEEN -1.5 AND 0.0 was false for 0 (differential fuzz
-- tester, seed 49537480657989; pgdialect/membership_conditional.go).
CREATE TABLE me_mmb (id int PRIMARY KEY, n numeric, n2 numeric(10,2), f8 float8, i4 int4, b bool);
INSERT INTO me_mmb VALUES (1, 0, 0.00, 0, 0, false), (2, -2.5, -2.50, -0.5, -7, true), (3, 12345.678, 99999999.99, 1e300, 2147483647, true), (4, 0.5, 0.50, 2.5, -2147483648, false), (5, NULL, NULL, NULL, NULL, NULL), (6, -0.5, -0.50, -0.0, 3, true);
SELECT id, least(n, n2) BETWEEN -1.5 AND 0.0, least(n, n2) NOT BETWEEN -1.5 AND 0.0, greatest(n, n2, -1) NOT BETWEEN 0 AND 1.5 FROM me_mmb ORDER BY id;
SELECT id, greatest(f8, 1) BETWEEN 1 AND 2.5, least(i4, 5) BETWEEN -10 AND 3, (least(n, 0.25)) BETWEEN -1 AND 0.25 FROM me_mmb ORDER BY id;
SELECT a.b AS c1 FROM me_mmb a UNION ALL SELECT (least(a.n, a.n2) NOT BETWEEN -1.5 AND 0.0) AS c1 FROM me_mmb a ORDER BY 1;
SELECT count(*) FROM me_mmb WHERE greatest(n, n2) BETWEEN -0.5 AND 0.5;
SELECT id, least(n2, 0.5) IN (0.5, 0, n), greatest(n, 0) NOT IN (0, 100, n2), least(i4, 5) IN (3, -7) FROM me_mmb ORDER BY id;
SELECT id FROM me_mmb WHERE least(n, n2) IN (-2.5, 0.5) ORDER BY id;
DROP TABLE me_mmb;
