-- A call of a fixed result type (char_length, position, cardinality,
-- date_part, justify_interval, to_char, div ...) inside greatest/least,
-- coalesce, ARRAY[...], an aggregate or arithmetic over columns is typed
-- as PostgreSQL types it (the "columns:" line): least(char_length(vc),
-- i2) was described text, least(cardinality(ia), id) int8 (PostgreSQL:
-- int4), coalesce(vc, to_char(...)) text (varchar), sum(f8::numeric +
-- trunc(n2, 1)) text (numeric).
CREATE TABLE fz3_cl (id int4 PRIMARY KEY, i2 int2, i4 int4, n numeric, n2 numeric(10,2), f8 float8, t text, vc varchar(10), ts timestamp, iv interval, ia int4[]);
INSERT INTO fz3_cl VALUES (1, 2, 7, 2.5, 1.25, 0.5, 'abc', 'hello', '2024-01-15 10:00:00', '1 day 30 hours', '{1,2,3}'), (2, NULL, -3, 4, 10.50, 2, 'xa', 'ab', '2000-01-01 00:00:00', '-2 hours', '{}'), (3, 9, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT id, least(char_length(vc), i2) AS c1, least(cardinality(ia), id) AS c2, greatest(position('a' IN t), i4) AS c3 FROM fz3_cl ORDER BY id;
SELECT id, coalesce(strpos(t, 'a'), abs(abs(id))) AS c1, coalesce(vc, to_char(n, 'S9999')) AS c2 FROM fz3_cl ORDER BY id;
SELECT sum(f8::numeric + trunc(n2, 1)) AS c1, sum(length(t)) AS c2, max(cardinality(ia)) AS c3 FROM fz3_cl;
SELECT id, array[length(t), i2] AS c1, greatest(div(n2, n), i4) AS c2, least(date_part('epoch', ts), i4) AS c3 FROM fz3_cl ORDER BY id;
SELECT id, least(iv, justify_interval(iv)) AS c1, ceil(f8) - date_part('year', ts) AS c2 FROM fz3_cl ORDER BY id;
DROP TABLE fz3_cl;
