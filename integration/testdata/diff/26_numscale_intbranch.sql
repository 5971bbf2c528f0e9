-- numscale_intbranch: arithmetic over COALESCE, NULLIF, GREATEST, LEAST
-- and CASE of integer columns and integer constants takes PostgreSQL's
-- resolved integer type (int4 * coalesce(int2, 3) is int4, 22003 past
-- int4's range; int2 * nullif(int2, 3) int2), computed and described.
CREATE TABLE n26numscale_ib (id int PRIMARY KEY, i int, s int2, b int8, c bool, n numeric, f float8, r real);
INSERT INTO n26numscale_ib VALUES (1, 5, 2, 10, true, 2.50, 1.5, 2.5), (2, NULL, NULL, NULL, false, NULL, NULL, NULL), (3, 2147483647, 32767, -3, false, 10.5, -2.5, 0.5);
SELECT i * coalesce(s, 3) AS a, coalesce(s, 3) AS b, coalesce(s, i) AS c, i * coalesce(s, i) AS d, i * nullif(s, 3) AS e, s * greatest(s, 3) AS f, i * CASE WHEN c THEN s ELSE 3 END AS g, s * least(s, b) AS h, s + coalesce(n, 1) AS k, s * coalesce(f, 1) AS l, coalesce(s, 2) * coalesce(s, 3) AS m FROM n26numscale_ib WHERE id < 3 ORDER BY id;
SELECT i * coalesce(s, 3) AS a, s * nullif(s, 3) AS b, s * CASE WHEN c THEN s END AS c, s * least(s, 1) AS d, s * coalesce(s, 1::int2) AS e FROM n26numscale_ib WHERE false;
SELECT i * coalesce(s, 3) FROM n26numscale_ib WHERE id = 3;
SELECT i * CASE WHEN c THEN s ELSE 3 END FROM n26numscale_ib WHERE id = 3;
SELECT s * coalesce(s, 2) FROM n26numscale_ib WHERE id = 3;
SELECT s * coalesce(s, 2::int2) FROM n26numscale_ib WHERE id = 3;
SELECT s * nullif(s, 3) FROM n26numscale_ib WHERE id = 3;
SELECT s * greatest(s, 3) FROM n26numscale_ib WHERE id = 3;
SELECT i + greatest(s, 1) FROM n26numscale_ib WHERE id = 3;
SELECT i + least(i, b) FROM n26numscale_ib WHERE id = 3;
SELECT b * coalesce(i, 3) FROM n26numscale_ib WHERE id = 3;
SELECT coalesce(i, 0) + coalesce(i, 0) FROM n26numscale_ib WHERE id = 3;
SELECT -coalesce(i, 0) - 2 FROM n26numscale_ib WHERE id = 3;
SELECT coalesce(s, 1.5) * 2, nullif(i, 5) / 2, coalesce(r, 1) * 3 FROM n26numscale_ib ORDER BY id;
SELECT 7 / coalesce(s, 2), coalesce(i, 7) / 2, coalesce(n, 7) / 2, coalesce(i, 7) % 3 FROM n26numscale_ib ORDER BY id;
SELECT sum(coalesce(s, 1)), sum(coalesce(i, 1) * 2) FROM n26numscale_ib WHERE id < 3;
SELECT CASE WHEN c THEN i END * 2, -coalesce(s, 1) FROM n26numscale_ib ORDER BY id;
SELECT id FROM n26numscale_ib WHERE s * coalesce(s, 1) > 100 ORDER BY id;
