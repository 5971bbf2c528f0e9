-- ON CONFLICT DO UPDATE sees the target's row and the proposed one
-- (excluded), both with every column: an unqualified column in its SET
-- values or its WHERE is ambiguous (42702, at the name), whether or not a
-- row conflicts; SQLite read it as the target's and the upsert ran. A
-- column-less INSERT keeps its positions (its column list is added
-- before it is translated).
CREATE TABLE n29wr_c (k int4 PRIMARY KEY, i4 int4, b bool, v text, year int4, d date);
INSERT INTO n29wr_c VALUES (1, 1, true, 'a', 2020, '2020-01-01');
-- positions
INSERT INTO n29wr_c VALUES (1, 2, false) ON CONFLICT (k) DO UPDATE SET i4 = b;
INSERT INTO n29wr_c VALUES (1, 2, false) ON CONFLICT (k) DO UPDATE SET i4 = i4 + 1;
INSERT INTO n29wr_c VALUES (2, 2, false) ON CONFLICT (k) DO UPDATE SET i4 = i4 + 1;
INSERT INTO n29wr_c (k, i4) VALUES (1, 2) ON CONFLICT (k) DO UPDATE SET v = v;
INSERT INTO n29wr_c (k, v) VALUES (1, 'e') ON CONFLICT (k) DO UPDATE SET v = excluded.v WHERE year > 0;
INSERT INTO n29wr_c (k, v) VALUES (1, 'e') ON CONFLICT (k) DO UPDATE SET i4 = k WHERE b;
INSERT INTO n29wr_c AS x (k, v) VALUES (1, 'e') ON CONFLICT (k) DO UPDATE SET v = x.v || v;
WITH s AS (SELECT 1 AS z) INSERT INTO n29wr_c (k, v) SELECT z, 'w' FROM s ON CONFLICT (k) DO UPDATE SET v = v;
INSERT INTO n29wr_c (k, v) VALUES (1, 'e') ON CONFLICT (k) DO UPDATE SET v = nosuch;
INSERT INTO n29wr_c VALUES (1, 2, false) ON CONFLICT (k) DO UPDATE SET i4 = excluded.b;
INSERT INTO n29wr_c VALUES (1, 2, false) ON CONFLICT (k) DO UPDATE SET i4 = n29wr_c.b;
-- qualified names, keywords, casts, extract's field and a nested query's
-- own columns are not ambiguous
INSERT INTO n29wr_c VALUES (1, 5, false, 'b', 1, '2021-01-01') ON CONFLICT (k) DO UPDATE
  SET v = excluded.v || n29wr_c.v, year = extract(year FROM excluded.d)::int4, d = excluded.d + interval '1 day',
      i4 = CASE WHEN excluded.v IS NOT NULL AND n29wr_c.v LIKE 'a%' THEN 10 ELSE 20 END
  WHERE n29wr_c.k = excluded.k AND excluded.v IS DISTINCT FROM n29wr_c.v RETURNING *;
INSERT INTO n29wr_c AS x VALUES (1, 6) ON CONFLICT (k) DO UPDATE
  SET v = (SELECT max(v) FROM n29wr_c WHERE k = 1)::text COLLATE "C", year = CAST(excluded.i4 AS double precision)
  WHERE x.v BETWEEN 'a' AND 'z' AND NOT false RETURNING k, v, year;
INSERT INTO n29wr_c VALUES (1, 7) ON CONFLICT (k) DO UPDATE SET v = substring(excluded.v FROM 1 FOR 1) || trim(both ' ' FROM n29wr_c.v) RETURNING v;
SELECT * FROM n29wr_c ORDER BY k;
