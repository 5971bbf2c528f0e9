-- A real column cast to numeric is read by the real's shortest digits,
-- also in parentheses: (f4)::numeric read the value as a double, so
-- n2 - (f4)::numeric of 3.4e38 was -339999995214435999...01 (the
-- differential fuzz tester, seed 841349); so is a derived table's real
-- column (seed 841557).
CREATE TABLE fz39b_rn (id int, n2 numeric(10,2), f4 real);
INSERT INTO fz39b_rn VALUES (1, 99999999.99, 3.4e38), (2, 1.50, 0.1), (3, NULL, NULL);
SELECT id, n2 - (f4)::numeric AS a, ((f4))::numeric(60,1) + 0 AS b, (f4)::numeric AS c FROM fz39b_rn ORDER BY id;
SELECT avg(n2 - (f4)::numeric) AS a FROM (SELECT * FROM fz39b_rn) s;
SELECT id, f4::numeric * 2 AS a, (f4)::numeric * 2 AS b FROM (SELECT * FROM fz39b_rn) s ORDER BY id;
DROP TABLE fz39b_rn;
