-- numagg2_consts: a decimal constant inside a coalesce, CASE or nullif
-- argument of greatest/least keeps its digits (strsyntax.go's numeric
-- form copies the argument's text: the constant was a binary float,
-- greatest(coalesce(3.00, n), n2) 3 where PostgreSQL gives 3.00; fuzz
-- seed 9101447: least(n2, CASE WHEN false THEN 1.5 ELSE 0.0 END)).
CREATE TABLE n28numagg2_c (id int PRIMARY KEY, n numeric, n2 numeric(10,2), i int);
INSERT INTO n28numagg2_c VALUES (1, 1.5, 2.50, 1), (2, NULL, 0.50, 2), (3, 4.25, NULL, NULL);
SELECT id, greatest(coalesce(3.00, n), n2) FROM n28numagg2_c ORDER BY id;
SELECT id, least(n2, CASE WHEN false THEN 1.5 ELSE 0.0 END) FROM n28numagg2_c ORDER BY id;
SELECT id, greatest(n2, CASE WHEN id > 1 THEN 9.50 ELSE 0.10 END) FROM n28numagg2_c ORDER BY id;
SELECT id, least(coalesce(n, 7.000), coalesce(n2, 8.0)) FROM n28numagg2_c ORDER BY id;
SELECT id, greatest(i, coalesce(n2, 2.000)) FROM n28numagg2_c ORDER BY id;
SELECT id, greatest(nullif(5.50, n), n) FROM n28numagg2_c ORDER BY id;
SELECT id, least(coalesce(n2, (4.50)), 100) FROM n28numagg2_c ORDER BY id;
SELECT id, greatest(coalesce(n, -2.50), coalesce(i, -3)) FROM n28numagg2_c ORDER BY id;
SELECT greatest(coalesce(3.00, n), n2) g FROM n28numagg2_c ORDER BY g;
