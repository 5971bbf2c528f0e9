-- A CASE, coalesce, nullif, greatest or least over jsonb columns orders
-- and compares as jsonb (jsonb_order.go), not as its text: the result of
-- a conditional has no collation of its own (seed 8000129 of the fuzz tester)
CREATE TABLE n28jsonfix_c (id int PRIMARY KEY, b boolean, j jsonb, k jsonb);
INSERT INTO n28jsonfix_c VALUES (1, true, '{"a":10}', '1'), (2, false, '{"a":9}', '[1]'), (3, true, '2', '"s"'), (4, false, '"s"', 'null'), (5, true, 'null', '{"a":1}'), (6, false, '[1]', '[]'), (7, true, '[]', '2'), (8, NULL, NULL, '{"a":1.50}');
SELECT id, CASE WHEN id > 1 THEN j END AS x FROM n28jsonfix_c ORDER BY x, id;
SELECT id, CASE WHEN id > 1 THEN j END AS x FROM n28jsonfix_c ORDER BY x DESC, id;
SELECT CASE WHEN b THEN j ELSE j END AS c1 FROM n28jsonfix_c ORDER BY 1 DESC;
SELECT id, coalesce(j, k) AS x FROM n28jsonfix_c ORDER BY x, id;
SELECT id FROM n28jsonfix_c ORDER BY coalesce(CASE WHEN b THEN j END, k), id;
SELECT id, nullif(j, 'null') FROM n28jsonfix_c ORDER BY 2, 1;
-- differs-type: greatest/least of jsonb columns is described as text (docs/sql-dialect.md, jsonb)
SELECT id, greatest(j, k), least(j, k) FROM n28jsonfix_c ORDER BY id;
SELECT greatest(j, '{"b":1, "a":2}') FROM n28jsonfix_c ORDER BY id;
SELECT id FROM n28jsonfix_c ORDER BY greatest(j, k), id;
SELECT id FROM n28jsonfix_c WHERE CASE WHEN id > 0 THEN j END = '{"a":10.0}' ORDER BY id;
SELECT id FROM n28jsonfix_c WHERE coalesce(j, k) = '{"a":1.5}' ORDER BY id;
SELECT id FROM n28jsonfix_c WHERE coalesce(j, k) < '1' ORDER BY id;
SELECT id FROM n28jsonfix_c WHERE '1' > coalesce(j, k) ORDER BY id;
SELECT id FROM n28jsonfix_c WHERE coalesce(j, k) IN ('2.0', '[1]') ORDER BY id;
SELECT id FROM n28jsonfix_c WHERE coalesce(j, k) NOT IN ('2.0', '[1]') ORDER BY id;
SELECT id FROM n28jsonfix_c WHERE coalesce(j, k) BETWEEN '1' AND '10' ORDER BY id;
SELECT id, coalesce(j, k) > '"a"' FROM n28jsonfix_c ORDER BY id;
CREATE TABLE n28jsonfix_e (id int PRIMARY KEY, j jsonb, k jsonb);
INSERT INTO n28jsonfix_e VALUES (1, '1.50', '[1.0]'), (2, '1.5', '[1]'), (3, NULL, '[1.00]'), (4, NULL, '[2]');
SELECT a.id, b.id FROM n28jsonfix_e a JOIN n28jsonfix_e b ON coalesce(a.j, a.k) = coalesce(b.j, b.k) AND a.id <> b.id ORDER BY 1, 2;
SELECT a.id, b.id FROM n28jsonfix_e a JOIN n28jsonfix_e b ON coalesce(a.j, a.k) = b.k AND a.id <> b.id ORDER BY 1, 2;
SELECT a.id, b.id FROM n28jsonfix_c a JOIN n28jsonfix_c b ON coalesce(a.j, a.k) = coalesce(b.k, b.j) ORDER BY 1, 2;
SELECT id FROM n28jsonfix_c x WHERE EXISTS (SELECT 1 FROM n28jsonfix_c y WHERE coalesce(y.k, y.j) = CASE WHEN x.b THEN x.j ELSE x.k END AND y.id <> x.id) ORDER BY id;
SELECT DISTINCT nullif(j, 'null') FROM n28jsonfix_c ORDER BY 1;
SELECT coalesce(j, k) AS x, count(*) FROM n28jsonfix_c GROUP BY 1 ORDER BY 1;
SELECT max(CASE WHEN id > 0 THEN j END) FROM n28jsonfix_c;
SELECT min(coalesce(j, k)) FROM n28jsonfix_c;
-- a text conditional keeps the text order
SELECT id, coalesce(j ->> 'a', 'z') AS x FROM n28jsonfix_c ORDER BY x, id;
