-- A cast to varchar(n) is text and orders by its bytes: the cast's call
-- took the collation of its operand, and (round(n2, 0))::varchar(4)
-- of a numeric column ordered 2 before 100 (the differential fuzz
-- tester, seed 842658).
CREATE TABLE fz3_vc (id int4, n2 numeric(10,2), i4 int4, t text, vc varchar(10));
INSERT INTO fz3_vc VALUES (1, 0.00, 0, '', ''), (2, -2.50, -7, 'Hello', 'hello'), (3, 99999999.99, 2147483647, '42', 'abc'), (4, 1.50, 7, 'abc', 'A'), (5, 100.00, 10, NULL, NULL), (6, -0.50, 3, 'x', 'ABC');
SELECT (round(n2, 0))::varchar(4) AS c1 FROM fz3_vc ORDER BY 1;
SELECT t AS c1 FROM fz3_vc WHERE id > 4 UNION ALL SELECT (round(n2, 0))::varchar(4) AS c1 FROM fz3_vc ORDER BY 1 NULLS FIRST;
SELECT id FROM fz3_vc WHERE (n2)::varchar(5) > '2' ORDER BY 1;
SELECT max((i4)::varchar(3)) AS m, min(CAST(n2 AS varchar(4))) AS l FROM fz3_vc;
SELECT id, (vc)::char(3) = 'abc'::varchar(3) AS e, (t)::varchar(3) = vc::char(3) AS f FROM fz3_vc ORDER BY id;
DROP TABLE fz3_vc;
