-- grp_conditionals: a coalesce, nullif or CASE of numeric, interval or
-- jsonb columns groups, deduplicates and matches by value in GROUP BY,
-- DISTINCT, count(DISTINCT ...) and set operations (a conditional's
-- result had no collation: 1.5 and 1.50, 1 day and 24:00:00 were two
-- groups; jsonb numbers 1.0 and 1 two).
CREATE TABLE n29grp_c (id int PRIMARY KEY, g int, n numeric, m numeric(6,3));
INSERT INTO n29grp_c VALUES (1, 1, 1.50, NULL), (2, 1, 1.5, 1.500), (3, 2, NULL, 1.5), (4, 2, 2, 2.0), (5, 1, 2.00, NULL);
SELECT coalesce(n, m) AS c, count(*) FROM n29grp_c GROUP BY 1 ORDER BY 1;
SELECT coalesce(n, m) AS c, count(*) FROM n29grp_c GROUP BY coalesce(n, m) ORDER BY c;
SELECT DISTINCT coalesce(n, m) FROM n29grp_c ORDER BY 1;
SELECT count(DISTINCT coalesce(n, m)), count(DISTINCT coalesce(m, n)) FROM n29grp_c;
SELECT g, count(DISTINCT coalesce(n, m)) FROM n29grp_c GROUP BY g ORDER BY g;
SELECT CASE WHEN g = 1 THEN n ELSE m END AS c, count(*) FROM n29grp_c GROUP BY 1 ORDER BY 1;
SELECT x.c, count(*) FROM (SELECT coalesce(n, m) AS c FROM n29grp_c) x GROUP BY x.c ORDER BY 1;
SELECT DISTINCT ON (coalesce(n, m)) coalesce(n, m), id FROM n29grp_c ORDER BY coalesce(n, m), id;
-- equal values sort by the next item, not by their text
SELECT id, coalesce(n, m) FROM n29grp_c ORDER BY coalesce(n, m), id;
SELECT id, coalesce(n, m) AS c FROM n29grp_c ORDER BY c DESC, id;
-- a CASE's alias without AS: the grouping check read it as part of the
-- expression, which ORDER BY's copy then did not match (42803)
SELECT CASE WHEN g = 1 THEN n ELSE m END c, count(*) FROM n29grp_c GROUP BY 1 ORDER BY 1;
CREATE TABLE n29grp_ij (id int PRIMARY KEY, iv interval, iw interval);
INSERT INTO n29grp_ij VALUES (1, '1 day', NULL), (2, NULL, '24 hours'), (3, '24 hours', '1 day'), (4, '1 mon', '30 days');
SELECT coalesce(iv, iw) AS c, count(*) FROM n29grp_ij GROUP BY 1 ORDER BY 1;
SELECT DISTINCT coalesce(iv, iw) FROM n29grp_ij ORDER BY 1;
SELECT count(DISTINCT coalesce(iw, iv)) FROM n29grp_ij;
SELECT CASE WHEN id > 1 THEN iw ELSE iv END AS c, count(*) FROM n29grp_ij GROUP BY 1 ORDER BY 1;
SELECT coalesce(iv, iw) FROM n29grp_ij UNION SELECT coalesce(iw, iv) FROM n29grp_ij ORDER BY 1;
CREATE TABLE n29grp_jj (id int PRIMARY KEY, j jsonb, k jsonb);
INSERT INTO n29grp_jj VALUES (1, '{"a": 1.0}', NULL), (2, NULL, '{"a": 1}'), (3, '[1.50, 2]', NULL), (4, NULL, '[1.5, 2.0]');
SELECT coalesce(j, k) AS c, count(*) FROM n29grp_jj GROUP BY 1 ORDER BY 2, 1;
SELECT count(DISTINCT coalesce(j, k)) FROM n29grp_jj;
SELECT DISTINCT coalesce(k, j) FROM n29grp_jj ORDER BY 1;
SELECT coalesce(j, k) FROM n29grp_jj UNION SELECT coalesce(k, j) FROM n29grp_jj ORDER BY 1;
