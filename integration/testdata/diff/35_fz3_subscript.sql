-- A subscript follows a column, a parameter or a parenthesised
-- expression only: ARRAY[...][1], ARRAY(SELECT ...)[1], f(x)[1] and
-- max(a)[1] are PostgreSQL's 42601 at the [, where they were answered;
-- (e)[1] is named as e is ("array", "ia", "max"), where it was ?column?.
CREATE TABLE fz3_sb (id int PRIMARY KEY, ia int4[]);
INSERT INTO fz3_sb VALUES (1, '{1,2}'), (2, NULL);
SELECT (ARRAY[1,2])[1], (ia)[2], (ia[1:2])[1] FROM fz3_sb ORDER BY id;
SELECT (max(ia))[1] FROM fz3_sb;
SELECT ARRAY[1,2][1];
SELECT ARRAY(SELECT 1)[1];
SELECT string_to_array('a,b', ',')[1];
SELECT max(ia)[1] FROM fz3_sb;
SELECT 'abc'[1];
DROP TABLE fz3_sb;
