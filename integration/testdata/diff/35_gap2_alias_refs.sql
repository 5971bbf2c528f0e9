-- A select-list alias read where PostgreSQL does not see one (WHERE,
-- HAVING, an expression in ORDER BY or GROUP BY) is PostgreSQL's 42703
-- column "x" does not exist; SQLite resolved it to the alias and
-- answered. An ORDER BY name that result columns of different
-- expressions have is 42702 ORDER BY "x" is ambiguous (SQLite took one).
-- ORDER BY / GROUP BY of the name alone, (x), x DESC NULLS LAST still
-- name the result column (pgdialect/alias_refs.go).
CREATE TABLE gap2_ar (id int, a int, b int, x int);
CREATE TABLE gap2_ar2 (id int, c int);
INSERT INTO gap2_ar VALUES (1, 2, 1, 10), (2, 1, 2, 20), (3, 1, 3, 30);
INSERT INTO gap2_ar2 VALUES (1, 5), (2, 6);
SELECT a AS y FROM gap2_ar WHERE y > 1;
SELECT a AS y FROM gap2_ar ORDER BY y + 1;
SELECT a * 2 AS y FROM gap2_ar ORDER BY -y;
SELECT a AS y, count(*) FROM gap2_ar GROUP BY y HAVING y > 0;
SELECT a AS y, count(*) FROM gap2_ar GROUP BY y + 1;
SELECT a + b AS s FROM gap2_ar ORDER BY s DESC, s + 0;
SELECT a AS y FROM gap2_ar ORDER BY y COLLATE "C";
SELECT a AS y FROM gap2_ar ORDER BY CASE WHEN y > 1 THEN 0 ELSE 1 END;
SELECT a AS y, b AS y FROM gap2_ar ORDER BY y;
SELECT a AS id, id FROM gap2_ar ORDER BY id;
SELECT b AS a, a FROM gap2_ar ORDER BY a;
SELECT a AS y FROM gap2_ar ORDER BY y;
SELECT a AS y FROM gap2_ar ORDER BY (y) DESC, id;
SELECT a AS y, id FROM gap2_ar ORDER BY y DESC NULLS LAST, id;
SELECT a AS y, count(*) FROM gap2_ar GROUP BY y ORDER BY y;
SELECT a AS y, a AS y FROM gap2_ar ORDER BY y, id;
SELECT gap2_ar.a, a FROM gap2_ar ORDER BY a, id;
SELECT b AS x FROM gap2_ar WHERE x > 15 ORDER BY x;
SELECT b AS x FROM gap2_ar ORDER BY x + 0;
SELECT a AS y, (SELECT max(c) FROM gap2_ar2 WHERE gap2_ar2.id = gap2_ar.id) AS m FROM gap2_ar ORDER BY m NULLS FIRST, id;
SELECT t.a AS c FROM gap2_ar t JOIN gap2_ar2 u ON u.id = t.id WHERE c > 5 ORDER BY 1;
SELECT t.a AS y FROM gap2_ar t JOIN gap2_ar2 u ON u.id = t.id WHERE y > 5;
SELECT a AS y FROM gap2_ar WHERE EXISTS (SELECT 1 FROM gap2_ar2 y WHERE y.id = gap2_ar.id) ORDER BY y, id;
SELECT a AS y, sum(b) OVER (ORDER BY id) AS run FROM gap2_ar ORDER BY run;
SELECT a AS y FROM gap2_ar LIMIT 1 OFFSET 0;
SELECT a AS y, sum(b) FROM gap2_ar GROUP BY ROLLUP (y) ORDER BY 1, 2;
SELECT a AS y, b AS z, count(*) FROM gap2_ar GROUP BY GROUPING SETS ((y, z), (y), ()) ORDER BY 1, 2, 3;
SELECT a AS y, count(*) FROM gap2_ar GROUP BY CUBE (y + 1);
DROP TABLE gap2_ar, gap2_ar2;
