-- lateral_series: generate_series in FROM after other FROM items with
-- arguments that read their columns (PostgreSQL's implicit LATERAL): the
-- series is json_each over the series gathered per row (series_lateral.go)
CREATE TABLE n27lateral_sn (id int PRIMARY KEY, n int, b bigint, d numeric(6,2), ts timestamp, tz timestamptz);
INSERT INTO n27lateral_sn VALUES (1, 2, 3, 1.50, '2024-01-01 10:00', '2024-01-01 10:00+00'), (2, 0, NULL, NULL, NULL, NULL), (3, 3, -1, 2.25, '2024-02-29 23:00', '2024-02-29 23:00+00'), (4, NULL, 2, 0.10, '2024-03-01', '2024-03-01 00:00+00');
CREATE TABLE n27lateral_snempty (id int, n int);
SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.n) g ORDER BY 1, 2;
SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.b) g ORDER BY 1, 2;
SELECT t.id, g.i, g.o FROM n27lateral_sn t CROSS JOIN generate_series(t.n, 1, -1) WITH ORDINALITY AS g(i, o) ORDER BY 1, 3;
SELECT * FROM n27lateral_sn t, generate_series(1, t.n) ORDER BY 1, 7;
SELECT t.id, s.* FROM n27lateral_sn t, LATERAL generate_series(t.n, t.n + 1) s ORDER BY 1, 2;
SELECT t.id, s FROM n27lateral_sn t LEFT JOIN generate_series(1, t.n) s ON true ORDER BY 1, 2;
SELECT t.id, s FROM n27lateral_sn t LEFT JOIN generate_series(1, t.n) s ON s > 1 ORDER BY 1, 2;
SELECT t.id, s FROM n27lateral_sn t JOIN generate_series(1, t.n) s ON s <> t.n ORDER BY 1, 2;
SELECT t.id, count(g) AS c, sum(g) AS s, max(g) AS m FROM n27lateral_sn t, generate_series(1, t.n) g GROUP BY t.id ORDER BY 1;
SELECT t.id, g * 10 AS x, g + t.n AS y FROM n27lateral_sn t, generate_series(1, t.n) g WHERE g >= 2 ORDER BY 1, 2;
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.d::numeric, 3) x ORDER BY 1, 2;
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.d::numeric, t.d + 1, 0.5) x ORDER BY 1, 2;
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.ts, t.ts + interval '2 hours', interval '1 hour') x ORDER BY 1, 2;
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.tz, t.tz + interval '1 day', interval '12 hours') x ORDER BY 1, 2;
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.ts::date, t.ts::date + 1, interval '1 day') x ORDER BY 1, 2;
SELECT t.id, g, g::text AS t, g = '2' AS e FROM n27lateral_sn t, generate_series(1, t.n) g WHERE g > '1' ORDER BY 1, 2;
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.ts::timestamp, t.ts + interval '1 day', interval '12 hours') x ORDER BY 1, 2;
-- differs: raftsql refuses a series over timestamps of a column's type as an operand (0A000): its value would compare with the literal as text
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.ts, t.ts + interval '1 day', interval '12 hours') x WHERE x = '2024-01-01 22:00' ORDER BY 1, 2;
SELECT t.id, a.x, b.y FROM n27lateral_sn t, generate_series(1, t.n) a(x), generate_series(a.x, t.n) b(y) ORDER BY 1, 2, 3;
SELECT e.id, g FROM n27lateral_snempty e, generate_series(1, e.n) g;
SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.n, 0) g;
SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.n / 0) g;
SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.nope) g;
-- differs: raftsql refuses a series over a numeric column read at run time (0A000) where PostgreSQL steps it as numeric; cast its arguments
SELECT t.id, x FROM n27lateral_sn t, generate_series(t.d, 3) x ORDER BY 1, 2;
CREATE TABLE n27lateral_snout (id int, k int);
INSERT INTO n27lateral_snout SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.n) g;
SELECT * FROM n27lateral_snout ORDER BY 1, 2;
UPDATE n27lateral_snout o SET k = o.k * 100 FROM n27lateral_sn t, generate_series(1, t.n) g WHERE o.id = t.id AND o.k = g AND g = 2;
SELECT * FROM n27lateral_snout ORDER BY 1, 2;
WITH w AS (SELECT t.id, g FROM n27lateral_sn t, generate_series(1, t.n) g) SELECT id, count(*) FROM w GROUP BY id ORDER BY id;
DELETE FROM n27lateral_snout WHERE id IN (SELECT t.id FROM n27lateral_sn t, generate_series(1, t.n) g WHERE g = 3);
SELECT * FROM n27lateral_snout ORDER BY 1, 2;
