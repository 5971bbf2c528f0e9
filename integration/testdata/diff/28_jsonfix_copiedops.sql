-- The jsonb operators inside an operand that a date/time, numeric or
-- array rewrite copies (seed 8000081 of the fuzz tester: 42601 at ?)
CREATE TABLE n28jsonfix_o (id int PRIMARY KEY, j jsonb, iv interval, n numeric, d date);
INSERT INTO n28jsonfix_o VALUES (1, '{"a":10,"b":[1,2]}', '1 day', 1.5, '2024-01-31'), (2, '{"b":{"a":9}}', '2 hours', 2, '2024-02-29'), (3, '[1,"a"]', '3 min', 3, NULL), (4, 'null', NULL, NULL, '2023-12-31');
SELECT iv + CASE WHEN j ? 'a' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT (iv + CASE WHEN (j ? 'a') THEN (iv - INTERVAL '36 hours') ELSE greatest(iv, INTERVAL '36 hours') END) AS c1 FROM n28jsonfix_o ORDER BY 1 NULLS LAST;
SELECT CASE WHEN j ? 'a' THEN iv END + iv FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j ?| array['a', 'x'] THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j ?& array['a', 'b'] THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j @> '{"a":10}' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j -> 'a' @> '10' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j ->> 'a' = '10' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j #>> '{b,a}' = '9' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT d + CASE WHEN j ? 'a' THEN 1 ELSE 2 END FROM n28jsonfix_o ORDER BY id;
SELECT n + CASE WHEN j ? 'a' THEN n END FROM n28jsonfix_o ORDER BY id;
SELECT n * CASE WHEN j ? 'b' THEN 2 ELSE 1 END FROM n28jsonfix_o ORDER BY id;
SELECT iv * (j ->> 'a')::int FROM n28jsonfix_o ORDER BY id;
SELECT iv < CASE WHEN j ? 'a' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT coalesce(iv, '1 day') + CASE WHEN j ? 'b' THEN iv END FROM n28jsonfix_o ORDER BY id;
SELECT greatest(iv, CASE WHEN j ? 'a' THEN iv * 2 END) FROM n28jsonfix_o ORDER BY id;
SELECT iv + CASE WHEN j ? 'a' THEN iv END AS x FROM n28jsonfix_o ORDER BY x;
SELECT n BETWEEN CASE WHEN j ? 'a' THEN 1 END AND 3 FROM n28jsonfix_o ORDER BY id;
SELECT j #- '{b}' -> 'a', j - 'a' -> 'b' FROM n28jsonfix_o WHERE id <> 3 ORDER BY id;
-- || and - keep their precedence with -> (left to right)
SELECT j || '{"c":1}' -> 'c', '{"x":1}'::jsonb || j -> 'a' FROM n28jsonfix_o ORDER BY id;
