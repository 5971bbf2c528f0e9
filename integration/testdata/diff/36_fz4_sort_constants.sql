-- A negative or parenthesised number in a query's ORDER BY, GROUP BY or
-- DISTINCT ON is PostgreSQL's constant (its grammar folds the sign and
-- the parentheses): ORDER BY -1.5 and (1.5) are 42601 non-integer
-- constant (SQLite ordered by the value; fuzz seeds 801614, 801882),
-- ORDER BY -1 names the position -1 in its 42P10.
CREATE TABLE fz4_sc (id int PRIMARY KEY, v int);
INSERT INTO fz4_sc VALUES (1, 30), (2, 10), (3, 20);
SELECT id FROM fz4_sc ORDER BY -1.5;
SELECT id FROM fz4_sc ORDER BY - 2.5 DESC;
SELECT id FROM fz4_sc ORDER BY (1.5);
SELECT id FROM fz4_sc ORDER BY id, (-0.5) NULLS LAST;
SELECT DISTINCT ON (-0.5) id FROM fz4_sc ORDER BY -0.5, id;
SELECT id FROM fz4_sc ORDER BY -1;
SELECT id FROM fz4_sc ORDER BY (-2);
SELECT v FROM fz4_sc GROUP BY -2;
SELECT v FROM fz4_sc GROUP BY (2.5);
SELECT DISTINCT ON (-1) id FROM fz4_sc;
SELECT id, v FROM fz4_sc ORDER BY (2), 1;
SELECT id FROM fz4_sc ORDER BY +1;
SELECT id, sum(v) OVER (ORDER BY -1.5, id) AS s FROM fz4_sc ORDER BY id;
SELECT string_agg(v::text, ',' ORDER BY -1.5) AS s FROM fz4_sc;
DROP TABLE fz4_sc;
