-- fuzz4_minmax_conditional: min and max of a coalesce or CASE over a
-- numeric column compare by value: the conditional's result had no
-- collation, so min compared the numeric text bytewise (-0.50 before
-- -2.50) and put every integer before it (min(coalesce(n, 0)) was 0);
-- text results still compare bytewise (found by the differential fuzz
-- tester, seed 2600224).
CREATE TABLE n27fuzz4_mm (id int PRIMARY KEY, n numeric, n2 numeric(10,2), i4 int4, f8 float8, t text, vc varchar(10), b bool);
INSERT INTO n27fuzz4_mm VALUES
 (1, 0, 0.00, 0, 0, '', '', false),
 (2, -2.5, -2.50, -7, -0.5, 'Hello', 'hello', true),
 (3, 12345.678, 99999999.99, 2147483647, 1e300, '42', '7', true),
 (4, 0.5, NULL, 10, 2.5, 'a%b_c', 'A', false),
 (5, -0.5, -0.50, 3, -0.0, 'abc', 'abc', true),
 (6, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT min(coalesce(n2, n)), max(coalesce(n2, n)), min(coalesce(n, 0)), max(coalesce(n, 0)) FROM n27fuzz4_mm;
SELECT min(CASE WHEN b THEN n END), max(CASE WHEN b THEN n ELSE -1 END), min(coalesce(i4, 0)), min(coalesce(f8, 0)) FROM n27fuzz4_mm;
SELECT min(coalesce(t, 'a')), max(coalesce(vc, t)), min(coalesce(n2, n)) > -1, max(coalesce(n, 0)) = 12345.678 FROM n27fuzz4_mm;
SELECT b, min(coalesce(n, 1)) AS m, max(coalesce(n2, n)) FILTER (WHERE id > 1) FROM n27fuzz4_mm GROUP BY b ORDER BY b;
SELECT id, max(coalesce(n, 1)) OVER (ORDER BY id), min(coalesce(n2, n)) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM n27fuzz4_mm ORDER BY id;
SELECT CASE WHEN a.b THEN a.b ELSE true END AS c1, string_agg(a.vc, ' | ' ORDER BY a.vc) AS c2, min(coalesce(a.n2, a.n)) AS c3 FROM n27fuzz4_mm a GROUP BY 1 ORDER BY 2 NULLS FIRST, 3, 1;
