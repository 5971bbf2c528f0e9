-- setopfix_floatsetops: a set operation of a real column and a float8
-- column is float8 (select_common_type), EXCEPT ALL and INTERSECT ALL
-- too: 0.1::real prints 0.10000000149011612 there. Arithmetic of a real
-- column with greatest/least/coalesce/nullif of real columns stays real.
CREATE TABLE n26setopfix_g (id int PRIMARY KEY, r real, d float8, i int, n numeric, t text);
INSERT INTO n26setopfix_g VALUES (1, 0.1, 0.2, 1, 1.0, 'a'), (2, 1.5, 1.5, 2, 2.50, 'b'), (3, 3.3, 2.5, 2, 2, 'b'), (4, NULL, 7, NULL, NULL, NULL), (5, 0.7, 0.1, 3, 0.5, 'c'), (6, 1.5, 1.5, 2, 1, 'b');
SELECT r FROM n26setopfix_g EXCEPT ALL SELECT d FROM n26setopfix_g ORDER BY 1;
SELECT d FROM n26setopfix_g EXCEPT ALL SELECT r FROM n26setopfix_g ORDER BY 1;
SELECT r FROM n26setopfix_g INTERSECT ALL SELECT d FROM n26setopfix_g ORDER BY 1;
SELECT r AS x, id FROM n26setopfix_g EXCEPT ALL SELECT d, id FROM n26setopfix_g WHERE id > 2 ORDER BY 1, 2;
SELECT r FROM n26setopfix_g UNION SELECT d FROM n26setopfix_g ORDER BY 1;
SELECT r FROM n26setopfix_g INTERSECT SELECT d FROM n26setopfix_g ORDER BY 1;
SELECT r FROM n26setopfix_g EXCEPT SELECT d FROM n26setopfix_g ORDER BY 1;
SELECT i FROM n26setopfix_g EXCEPT ALL SELECT n FROM n26setopfix_g ORDER BY 1;
SELECT n FROM n26setopfix_g INTERSECT ALL SELECT i FROM n26setopfix_g ORDER BY 1;
SELECT t FROM n26setopfix_g EXCEPT ALL SELECT t FROM n26setopfix_g WHERE id < 3 ORDER BY 1;
SELECT t FROM n26setopfix_g EXCEPT ALL SELECT i FROM n26setopfix_g;
SELECT id, r / greatest(r, 3) AS a, r / least(r, 3) AS b, r * coalesce(r, r) AS c, r / nullif(r, 1) AS e, 0.1::real / greatest(r, r) AS f, 0.1::real * least(r, r) AS g FROM n26setopfix_g WHERE r <> 0 ORDER BY id;
SELECT nullif(r, abs('Infinity'::float8)) AS c1 FROM n26setopfix_g EXCEPT ALL SELECT d AS c1 FROM n26setopfix_g ORDER BY 1;
SELECT r * 2 AS c1 FROM n26setopfix_g INTERSECT ALL SELECT d * 2 FROM n26setopfix_g ORDER BY 1;
SELECT id, 0.5::real / greatest(i::real, n::real) AS a, r * least(i::real, 2::real) AS b, coalesce(i::real, 1::real) / 3::real AS c, 1::real / nullif(n::real, 1::real) AS d FROM n26setopfix_g ORDER BY id;
SELECT id, 2 * greatest(i::int2, 1::int2) AS a, 1.5 * coalesce(i::numeric, 2) AS b, 0.1::float8 + least(r::real, 1::real) AS c, i / greatest(2, 3) AS d FROM n26setopfix_g ORDER BY id;
SELECT 32767::int2 * greatest(2::int2, 1::int2);
