-- An integer constant in DISTINCT ON, or in the ORDER BY of a SELECT
-- DISTINCT ON, is an output column's position: one outside the select
-- list is 42P10 "... position N is not in select list", ORDER BY's read
-- first (pgdialect/distincton_position.go); the rewrite took it as a
-- constant window key and answered.
CREATE TABLE gap2_dop (id int, n int, t text);
INSERT INTO gap2_dop VALUES (1, 2, 'a'), (2, 2, 'b'), (3, 5, 'c');
-- positions
SELECT DISTINCT ON (100) id FROM gap2_dop ORDER BY 100;
SELECT DISTINCT ON (100) id FROM gap2_dop;
SELECT DISTINCT ON (1) id FROM gap2_dop ORDER BY 100;
SELECT DISTINCT ON (2) id FROM gap2_dop ORDER BY 1;
SELECT DISTINCT ON (0) id FROM gap2_dop;
SELECT DISTINCT ON (n) id FROM gap2_dop ORDER BY 100;
SELECT DISTINCT ON (-1) id FROM gap2_dop;
SELECT DISTINCT ON (id) id FROM gap2_dop ORDER BY -1;
SELECT DISTINCT ON (id, 3) id FROM gap2_dop ORDER BY id;
SELECT DISTINCT ON ((2)) id FROM gap2_dop ORDER BY id;
SELECT DISTINCT ON (id) id FROM gap2_dop ORDER BY 5 DESC;
SELECT DISTINCT ON (n) n, id FROM gap2_dop ORDER BY n, 3;
SELECT x.* FROM (SELECT DISTINCT ON (9) n FROM gap2_dop) x;
SELECT DISTINCT ON (1.5) id FROM gap2_dop;
SELECT DISTINCT ON (+1) id FROM gap2_dop ORDER BY id;
-- in range: answered
SELECT DISTINCT ON (1) id, n FROM gap2_dop ORDER BY 1, 2;
SELECT DISTINCT ON (2) id, n FROM gap2_dop ORDER BY n, id;
SELECT DISTINCT ON (n) id, n FROM gap2_dop ORDER BY 2, id;
SELECT DISTINCT ON ((2)) id, n FROM gap2_dop ORDER BY (2), 1;
SELECT DISTINCT ON ((2)) id, n FROM gap2_dop ORDER BY (2) DESC, 1 NULLS FIRST;
SELECT DISTINCT ON (2) id, n FROM gap2_dop ORDER BY ((2)) DESC NULLS LAST, id DESC;
DROP TABLE gap2_dop;
