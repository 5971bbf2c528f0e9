-- RETURNING of UPDATE ... FROM / DELETE ... USING reads a subquery's or
-- VALUES list's columns of the FROM list (RETURNING s.z was 42703 column
-- s.z does not exist; RETURNING * refused): the returned row joined with
-- the FROM list again, as for a list of tables.
CREATE TABLE kn_rd (k int PRIMARY KEY, a int, b text);
CREATE TABLE kn_re (k int, z text, n int);
INSERT INTO kn_rd VALUES (1, 1, 'x'), (2, 2, 'y'), (3, 3, 'z');
INSERT INTO kn_re VALUES (1, 'zz', 10), (2, 'yy', 20);
UPDATE kn_rd SET a = s.n + 100 FROM (SELECT k, z, n FROM kn_re) s WHERE s.k = kn_rd.k RETURNING s.z, s.k, kn_rd.a;
UPDATE kn_rd SET a = s.n FROM (SELECT k, z AS tag, n * 2 AS n FROM kn_re) s WHERE s.k = kn_rd.k RETURNING kn_rd.k, tag, s.n;
UPDATE kn_rd SET b = v.column2 FROM (VALUES (1, 'one'), (3, 'three')) v WHERE v.column1 = kn_rd.k RETURNING *;
UPDATE kn_rd SET b = v.name FROM (VALUES (1, 'uno'), (2, 'dos')) AS v(id, name) WHERE v.id = kn_rd.k RETURNING kn_rd.k, v.*;
UPDATE kn_rd t SET a = t.a + 1 FROM (SELECT k FROM kn_re) s WHERE s.k = t.k RETURNING t.k, s.k AS sk, t.a;
UPDATE kn_rd SET a = 0 FROM (SELECT k, n FROM kn_re) s JOIN kn_re u ON u.k = s.k WHERE s.k = kn_rd.k RETURNING kn_rd.k, u.z, s.n;
UPDATE kn_rd SET a = 5 FROM (SELECT 3 AS k, 'w' AS z) s WHERE s.k = kn_rd.k RETURNING s.z, upper(s.z) || kn_rd.b;
UPDATE kn_rd SET a = 6 FROM (SELECT k, count(*) AS c FROM kn_re GROUP BY k) s WHERE s.k = kn_rd.k AND s.c > 0 RETURNING kn_rd.k, c, s.c + kn_rd.a AS total;
UPDATE kn_rd SET a = 7 FROM (SELECT k, z FROM kn_re) s WHERE s.k = kn_rd.k AND false RETURNING s.z;
DELETE FROM kn_rd USING (SELECT k, z FROM kn_re) s WHERE s.k = kn_rd.k RETURNING kn_rd.k, s.z;
SELECT * FROM kn_rd ORDER BY k;
DROP TABLE kn_rd, kn_re;
