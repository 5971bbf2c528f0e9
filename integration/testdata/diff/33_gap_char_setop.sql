-- char(n) beside varchar: a set operation's column is bpchar (char's
-- values padded, compared without trailing blanks), a cast to varchar
-- without a length compares as bpchar, and greatest/least/coalesce of
-- char(n) and varchar are bpchar (compared and concatenated without
-- trailing blanks; printed alone they differ: docs "Differences")
CREATE TABLE gap_cs (id int, c char(4), v varchar(5));
INSERT INTO gap_cs VALUES (1, 'a', 'a  '), (2, 'b', 'b'), (3, NULL, 'c ');
SELECT c FROM gap_cs UNION SELECT v FROM gap_cs WHERE id > 1 ORDER BY 1;
SELECT c || '|' FROM (SELECT c FROM gap_cs UNION SELECT v FROM gap_cs) s ORDER BY 1;
SELECT c FROM gap_cs WHERE id < 3 UNION ALL SELECT v FROM gap_cs WHERE id = 3 ORDER BY 1;
SELECT v FROM gap_cs WHERE id = 3 UNION ALL SELECT c FROM gap_cs ORDER BY 1;
SELECT count(*) FROM (SELECT c FROM gap_cs INTERSECT SELECT v FROM gap_cs) s;
SELECT id, c = 'a  '::varchar, c = 'a '::character varying, c <> 'a  '::varchar FROM gap_cs ORDER BY id;
SELECT id, greatest(c, v) || '|', least(c, v) || '|', coalesce(c, v) || '|', coalesce(v, c) || '|' FROM gap_cs ORDER BY id;
SELECT id, greatest(v, c) || '|', coalesce(c, 'z') || '|', length(coalesce(c, v)), coalesce(c, v) = 'c' FROM gap_cs ORDER BY id;
SELECT id FROM gap_cs WHERE greatest(c, v) = 'a' OR coalesce(c, v) || '|' = 'c|' ORDER BY id;
WITH u AS (SELECT c FROM gap_cs UNION SELECT v FROM gap_cs) SELECT count(*), max(c || '|') FROM u;
SELECT c FROM gap_cs WHERE id = 1 UNION ALL SELECT v FROM gap_cs WHERE id = 3 UNION ALL SELECT c FROM gap_cs WHERE id = 2 ORDER BY 1;
SELECT c, id FROM gap_cs WHERE id < 3 EXCEPT SELECT v, 2 FROM gap_cs ORDER BY 2;
DROP TABLE gap_cs;
