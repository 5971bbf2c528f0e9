-- A select item ending in COLLATE "C" is named as its expression is
-- (PostgreSQL's FigureColname of a CollateClause): the collation's name
-- was read as an implicit alias, and once the byte-order collation was
-- dropped the column had no name but SQLite's text of the expression
-- ('a' < 'b' COLLATE "C" was a column named 'a' < 'b'; pgdialect/aliases.go
-- itemName).
CREATE TABLE tf_cn (id int, name text);
INSERT INTO tf_cn VALUES (1, 'b'), (2, 'B'), (3, 'a');
SELECT 'a' < 'b' COLLATE "C", 'b' > 'A' COLLATE "C";
SELECT name COLLATE "C" FROM tf_cn ORDER BY 1;
SELECT name COLLATE "C" AS n, name COLLATE "C" n2, t.name COLLATE "C" FROM tf_cn t ORDER BY id;
SELECT lower(name) COLLATE "C", upper(name) COLLATE "POSIX", name::text COLLATE "C" FROM tf_cn ORDER BY id;
SELECT name < 'b' COLLATE "C", name || 'x' COLLATE "C" FROM tf_cn ORDER BY id;
SELECT max(name COLLATE "C"), min(name) COLLATE "C" FROM tf_cn;
DROP TABLE tf_cn;
