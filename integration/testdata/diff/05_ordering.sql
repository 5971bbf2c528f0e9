SELECT salary FROM emp ORDER BY salary;
SELECT salary FROM emp ORDER BY salary DESC;
SELECT salary FROM emp ORDER BY salary NULLS FIRST;
SELECT salary FROM emp ORDER BY salary DESC NULLS LAST;
SELECT salary FROM emp ORDER BY salary ASC NULLS LAST;
SELECT dept, name FROM emp ORDER BY dept, name;
SELECT dept, name FROM emp ORDER BY dept DESC, name;
SELECT w FROM words ORDER BY w;
SELECT w FROM words ORDER BY w DESC;
SELECT w FROM words ORDER BY lower(w), w;
SELECT w FROM words ORDER BY w COLLATE "C";
SELECT max(w) FROM words;
SELECT DISTINCT dept FROM emp ORDER BY dept;
-- differs: SELECT DISTINCT ON is refused (0A000)
SELECT DISTINCT ON (dept) dept, name FROM emp ORDER BY dept, salary DESC;
-- differs: SELECT DISTINCT ON is refused (0A000)
SELECT DISTINCT ON (dept) dept, name, salary FROM emp ORDER BY dept, id;
SELECT id FROM emp ORDER BY id LIMIT 2;
SELECT id FROM emp ORDER BY id LIMIT 2 OFFSET 2;
SELECT id FROM emp ORDER BY id OFFSET 4;
SELECT id FROM emp ORDER BY id LIMIT ALL;
SELECT id FROM emp ORDER BY id FETCH FIRST 2 ROWS ONLY;
SELECT id FROM emp ORDER BY id OFFSET 1 ROWS FETCH NEXT 1 ROW ONLY;
SELECT id FROM emp ORDER BY id LIMIT 0;
SELECT id FROM emp ORDER BY id LIMIT -1;
SELECT id FROM emp ORDER BY id OFFSET -1;
SELECT id FROM emp ORDER BY 1 DESC LIMIT 1;
SELECT active FROM emp ORDER BY active, id;
SELECT active FROM emp ORDER BY active DESC, id;
SELECT hired FROM emp ORDER BY hired;
SELECT id, name FROM emp ORDER BY name;
SELECT id FROM emp ORDER BY salary NULLS FIRST, id;
SELECT x FROM (VALUES (NULL), (2), (1)) v(x) ORDER BY x;
SELECT x FROM (VALUES ('b'), (NULL), ('a')) v(x) ORDER BY x DESC;
SELECT dept, count(*) FROM emp GROUP BY dept ORDER BY dept;
-- differs-message: SQLite's error gives the ORDER BY term's ordinal, not the position written
SELECT name FROM emp ORDER BY 3;
SELECT id FROM emp ORDER BY salary, id;
