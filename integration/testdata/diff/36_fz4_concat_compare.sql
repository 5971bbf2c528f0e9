-- || binds tighter than a comparison: 'x' || n * 2 > 'x19' compares the
-- texts, as PostgreSQL does (the comparison took n * 2 alone as its
-- operand and compared it with 'x19' by value: 22P02 invalid input
-- syntax for type numeric).
CREATE TABLE fz4_cc (id int PRIMARY KEY, n numeric, i4 int, t text, d date, ta text[], ia int[]);
INSERT INTO fz4_cc VALUES (1, 1.5, 7, 'abc', '2024-02-29', '{abc}', '{10}'), (2, 12345.678, 0, '', '2000-01-01', '{}', '{}'), (3, NULL, NULL, NULL, NULL, NULL, NULL), (4, -0.5, -7, 'x', 'infinity', '{a,b}', '{1,2}');
SELECT id, 'x' || n * 2 > 'x19' AS a, n * 2 || 'x' < '2' AS b, 'x19' <= 'x' || n * 2 AS c, 'a' || i4 + 1 = 'a8' AS d FROM fz4_cc ORDER BY id;
SELECT id FROM fz4_cc WHERE 'n=' || n / 2 = 'n=0.75000000000000000000' ORDER BY id;
SELECT id, t || 'x' = 'abcx' AS a, d || '' > '2020' AS b, t || i4 || t <> 'abc7abc' AS c FROM fz4_cc ORDER BY id;
SELECT id FROM fz4_cc WHERE ta || ARRAY['q'] = ARRAY['abc', 'q'] OR ia || 4 = '{10,4}' ORDER BY id;
SELECT id, CASE WHEN 'v' || i4 * 2 >= 'v1' THEN 'hi' ELSE 'lo' END AS a FROM fz4_cc ORDER BY id;
DROP TABLE fz4_cc;
