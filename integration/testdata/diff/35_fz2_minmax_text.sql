-- greatest and least over a text column and text constants compare and
-- order as text: the result carried the interval collation of its
-- run-time interval branch, so texts that read as an interval ('42',
-- '5') came before the empty text and compared as intervals
-- (least('a_c', t) < '5' was false for '' and '42'; the fuzz tester's
-- seeds 777196, 778363, 778372); ORDER BY least(t, vc) of two text
-- columns put '10' and '42' before ''. Over interval columns they still
-- compare by value.
CREATE TABLE fz2_mt (id int PRIMARY KEY, t text, vc varchar(10), iv interval, iv2 interval);
INSERT INTO fz2_mt VALUES (1, '', '', '1 mon -1 day', '30 days'), (2, 'Hello', 'hello', '-2 hours', NULL), (3, 'héllo wörld', 'ünï', '1 year 2 mons 3 days 04:05:06', '36 hours'), (4, 'a%b_c', 'A', '00:00:00', '1 day'), (5, '42', '7', '-1 mon 1 day', '1 day 12:00:00'), (6, NULL, NULL, NULL, NULL), (7, 'abc', 'abc', '36 hours', '1 day 12:00:00'), (8, 'ABC', 'ABC', '1 day', '-1 day'), (9, '5', '10', '2 days', '1 mon');
SELECT least('a_c', t) AS c FROM fz2_mt ORDER BY 1, id;
SELECT left(replace(least('a_c', t), 'ABC', 'abc'), 1) AS c FROM fz2_mt ORDER BY 1 LIMIT 4;
SELECT id FROM fz2_mt WHERE least('a_c', t) < '5' ORDER BY id;
SELECT id FROM fz2_mt WHERE greatest(t, '') >= '42' ORDER BY id;
SELECT greatest('0', t) AS c FROM fz2_mt ORDER BY 1 DESC NULLS LAST, id;
SELECT DISTINCT least('zz', t) AS c FROM fz2_mt ORDER BY 1 DESC;
SELECT least(t, vc) AS c FROM fz2_mt ORDER BY 1 NULLS FIRST, id;
SELECT id, greatest(t, vc) AS c FROM fz2_mt ORDER BY greatest(t, vc) DESC, id;
SELECT least('a', t) AS c, count(*) AS n FROM fz2_mt GROUP BY 1 ORDER BY 1 DESC;
SELECT 1.5 AS c1, replace(least(lower(vc), t || 2147483647), 'Hello', 'Hello') AS c2 FROM fz2_mt ORDER BY 2 DESC NULLS FIRST, id;
SELECT max(least(t, 'b')) AS mx, min(greatest(t, '1')) AS mn FROM fz2_mt;
SELECT id, greatest(iv, iv2) AS g, least(iv, iv2) AS l FROM fz2_mt ORDER BY id;
SELECT id FROM fz2_mt ORDER BY greatest(iv, iv2) DESC NULLS LAST, id;
SELECT id FROM fz2_mt WHERE least(iv, iv2) < '36 hours' ORDER BY id;
SELECT id FROM fz2_mt WHERE greatest(iv, iv2) = '36 hours' ORDER BY id;
-- differs-type: greatest of a column and a quoted literal is described text, "Differences from PostgreSQL"
SELECT greatest(iv, '3 days') AS g, count(*) AS n FROM fz2_mt GROUP BY 1 ORDER BY 1;
DROP TABLE fz2_mt;
