-- fz_derived: everyday queries over a FROM subquery or a CTE, which the
-- differential fuzz tester (issue 11) wrote once it read its table
-- through one (difffuzz_derived_test.go). lower()/upper() of a derived
-- column whose value is no range's text are text's (they read the text as
-- a range: 22P02 malformed range literal); a window frame's ROWS/RANGE/GROUPS BETWEEN over a derived
-- table is the frame's, not a BETWEEN test of a column named ROWS (42601).
CREATE TABLE n29fz_d (id int PRIMARY KEY, g int, t text, n numeric);
INSERT INTO n29fz_d VALUES (1, 1, 'Abc', 1.5), (2, 1, '', -0.5), (3, 2, 'héllo', NULL), (4, 2, NULL, 10), (5, 3, 'ABC', 2);
SELECT id, lower(t), upper(t) FROM (SELECT * FROM n29fz_d) a ORDER BY id;
WITH d AS (SELECT * FROM n29fz_d) SELECT lower(a.t) AS l, count(*) FROM d a GROUP BY 1 ORDER BY 1;
SELECT upper(s.t) || lower(s.t) FROM (SELECT t FROM n29fz_d WHERE id < 4) s ORDER BY 1;
SELECT id, min(n) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (SELECT * FROM n29fz_d) a ORDER BY id;
WITH d AS (SELECT * FROM n29fz_d) SELECT id, sum(n) OVER (PARTITION BY g ORDER BY id RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM d ORDER BY id;
WITH d AS (SELECT * FROM n29fz_d) SELECT id, count(*) OVER (ORDER BY g GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM d ORDER BY id;
SELECT id, string_agg(t, ',') OVER (ORDER BY id ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (SELECT * FROM n29fz_d) a ORDER BY id;
SELECT id FROM (SELECT * FROM n29fz_d) a WHERE n BETWEEN 1 AND 2 ORDER BY id;
