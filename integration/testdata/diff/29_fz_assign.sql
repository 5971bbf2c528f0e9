-- fz_assign: everyday writes the differential fuzz tester found broken
-- (issue 11). ON CONFLICT DO UPDATE's EXCLUDED.col has its target
-- column's declared type: lower(excluded.t) and upper(excluded.t) were
-- read as a range's bounds (22P02 malformed range literal). A SET list
-- whose item holds a CASE ... END before another item that computes
-- (SET a = a + CASE ... END, b = b * 2) took the CASE's WHEN for a
-- condition and the second item's = for a comparison: a syntax error.
-- octet_length/bit_length of a column in arithmetic with a column were
-- spliced after the copied operand: a syntax error.
CREATE TABLE n29fz_a (id int PRIMARY KEY, t text, vc varchar(10), i2 int2, n numeric, n2 numeric(10,2));
INSERT INTO n29fz_a VALUES (1, 'Abc', 'héllo', 3, 1.5, 2.25), (2, NULL, '', -1, NULL, 0);
INSERT INTO n29fz_a AS a (id, t) VALUES (1, 'QrS') ON CONFLICT (id) DO UPDATE SET t = lower(excluded.t) RETURNING id, t;
INSERT INTO n29fz_a AS a (id, t) VALUES (1, 'QrS') ON CONFLICT (id) DO UPDATE SET t = upper(excluded.t) || lower(excluded.t) RETURNING id, t;
INSERT INTO n29fz_a (id, t) VALUES (2, '%b%') ON CONFLICT (id) DO UPDATE SET t = excluded.t || lower(excluded.t) RETURNING id, t;
INSERT INTO n29fz_a (id, vc) VALUES (2, 'XY') ON CONFLICT (id) DO UPDATE SET t = upper(n29fz_a.vc) || lower(excluded.vc) RETURNING id, t;
UPDATE n29fz_a SET i2 = i2 + CASE WHEN n > 1 THEN 1 ELSE 7 END, n2 = n2 * 2 RETURNING id, i2, n2;
UPDATE n29fz_a a SET i2 = a.i2 + CASE WHEN a.n IS NULL THEN CASE WHEN a.t = '' THEN 1 END ELSE 10 END, n2 = a.n2 - 1, n = a.n + 1 RETURNING id, i2, n2, n;
UPDATE n29fz_a SET t = CASE WHEN id = 1 THEN 'one' END, n2 = n2 + 0.5 WHERE id = 1 RETURNING id, t, n2;
INSERT INTO n29fz_a AS a (id, i2, n2) VALUES (1, 5, 10.005) ON CONFLICT (id) DO UPDATE SET i2 = excluded.i2 + CASE WHEN true THEN excluded.id ELSE 7 END, n2 = excluded.n2 * (a.n + a.n) RETURNING id, i2, n2;
SELECT id, a.i2 + octet_length(a.vc), mod(a.i2 + octet_length(a.vc), 5), a.i2 - bit_length(a.t) FROM n29fz_a a ORDER BY id;
SELECT * FROM n29fz_a ORDER BY id;
