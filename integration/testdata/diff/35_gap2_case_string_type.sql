-- CASE over varchar and text columns is typed as PostgreSQL's
-- select_common_type does, which takes the ELSE result first: CASE WHEN
-- b THEN vc ELSE t END is text and CASE WHEN b THEN t ELSE vc END varchar
-- (raftsql took the first THEN's type), and a quoted literal beside a
-- varchar column is of no type of its own: CASE WHEN b THEN 'n' ELSE vc
-- END and CASE WHEN b THEN vc ELSE 'n' END are varchar (were text).
-- Beside one column of another type such a literal is read by the
-- column type's input function, as PostgreSQL's common type is the
-- column's: CASE WHEN b THEN '01' ELSE n END of an int4 n is 1 (was the
-- text 01), '2024-1-5' beside a date 2024-01-05.
CREATE TABLE gap2_cs (id int, t text, vc varchar(10), bo boolean, d date, iv interval);
INSERT INTO gap2_cs VALUES (1, 'tx', 'vx', true, '2024-01-01', '2 days'), (2, 'ty', NULL, false, NULL, NULL);
SELECT CASE WHEN bo THEN vc ELSE 'n' END FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN 'n' ELSE vc END FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN 'n' WHEN id > 1 THEN 'm' ELSE vc END AS x FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN vc ELSE t END FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN t ELSE vc END FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN t WHEN id = 2 THEN vc END FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN vc WHEN id = 2 THEN t END FROM gap2_cs ORDER BY id;
SELECT CASE id WHEN 1 THEN vc ELSE 'z' END, CASE id WHEN 1 THEN 'z' ELSE t END FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN 'a' ELSE 'b' END, CASE WHEN bo THEN NULL ELSE vc END, CASE WHEN bo THEN vc END FROM gap2_cs ORDER BY id;
SELECT id, CASE WHEN bo THEN 'n' ELSE vc END AS label FROM gap2_cs WHERE false;
SELECT CASE WHEN bo THEN 1 ELSE id END AS a, CASE WHEN bo THEN '1' ELSE id END AS b, CASE WHEN bo THEN 2.5 ELSE id END AS c FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN '01' ELSE id END AS b FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN id ELSE '01' END AS b FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN '2024-1-5' ELSE d END AS b FROM gap2_cs ORDER BY id;
SELECT CASE WHEN NOT bo THEN NULL WHEN id = 1 THEN ' 7 ' ELSE gap2_cs.id END AS b FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN 'true' ELSE bo END AS b, CASE WHEN bo THEN 1.5 ELSE id END AS c FROM gap2_cs ORDER BY id;
SELECT CASE WHEN bo THEN 'x' ELSE id END AS b FROM gap2_cs;
SELECT CASE WHEN bo THEN id ELSE 'x' END AS b FROM gap2_cs;
SELECT CASE WHEN bo THEN '1 day' ELSE iv END + interval '1 hour' AS b FROM gap2_cs ORDER BY id;
SELECT id FROM gap2_cs WHERE CASE WHEN bo THEN '01' ELSE id END = 1 ORDER BY id;
DROP TABLE gap2_cs;
