-- ::text (and ::varchar(n)) of a column of a CTE or derived table over
-- SELECT * FROM a table reads the table's declared type: a boolean was
-- SQLite's 1 (the CTE's name was looked up as a table; a derived
-- table's alias as none).
CREATE TABLE fz1_dc (id int PRIMARY KEY, b bool, f4 real, ts timestamp, n numeric, j jsonb);
INSERT INTO fz1_dc VALUES (1, true, -1.5, '2000-01-01 00:00:00', -2.5, '{"a": "x"}'), (2, false, 3.4e38, 'infinity', 12345.678, '[1, 2]'), (3, NULL, NULL, NULL, NULL, NULL);
WITH d AS (SELECT * FROM fz1_dc) SELECT (a.b)::text AS c1, a.b::text AS c2, a.b::varchar(3) AS c3, a.f4::text AS c4, a.ts::text AS c5, a.n::text AS c6 FROM d a ORDER BY 1 NULLS LAST;
WITH d AS (SELECT * FROM fz1_dc) SELECT d.b::text AS c1, b::text AS c2, j::text AS c3 FROM d ORDER BY id;
SELECT b::text AS c1, a.b::text AS c2, a.b::text || '!' AS c3 FROM (SELECT * FROM fz1_dc) a ORDER BY 1, a.id;
DROP TABLE fz1_dc;
