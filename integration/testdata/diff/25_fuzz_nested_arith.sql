-- fuzz_nested_arith: arithmetic whose operand is parenthesised
-- arithmetic over columns takes that operand's type (the inner operator
-- is rewritten first): i4 + (abs(n) + n) is numeric, ordered by value,
-- where the values' kinds decided and integers sorted before numeric
-- text (found by the differential fuzz tester, seeds 500000 and 700000).
CREATE TABLE n25fuzz_a (id int PRIMARY KEY, i4 int4, n numeric, t text, b bool);
INSERT INTO n25fuzz_a VALUES (1, 0, 0, '', false), (2, -7, -2.5, 'Hello', true), (3, 2147483647, 12345.678, 'héllo wörld', true), (4, -2147483648, 0.5, 'a%b_c', false), (5, 7, 1.5, '42', NULL), (6, NULL, NULL, NULL, NULL), (7, 3, -0.5, 'abc', true), (8, 10, 100, 'ABC', false);
SELECT id, (i4 + (abs(n) + n)) AS c2 FROM n25fuzz_a ORDER BY 2, 1;
SELECT id, (abs(length(t)) * CASE WHEN b THEN abs(0.1) ELSE (i4 * n) END) AS c3 FROM n25fuzz_a ORDER BY 2, 1;
SELECT id, i4 - (n * 2) AS x FROM n25fuzz_a WHERE i4 - (n * 2) > 1 ORDER BY x DESC;
SELECT id, (i4 + (n + n)) * 2 FROM n25fuzz_a ORDER BY 2 NULLS FIRST, 1;
SELECT id, i4 + (i4 + 1) FROM n25fuzz_a WHERE id <> 3 ORDER BY id;
SELECT i4 + (i4 + 1) FROM n25fuzz_a WHERE id = 3;
