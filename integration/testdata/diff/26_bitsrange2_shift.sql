-- << and >> between two columns: PostgreSQL's integer shift (the left
-- operand's type, wrapping at its width, an int4 or int2 count), a range's
-- strictly left/right of (boolean), a bit string's shift by an integer
-- column, each decided by the columns' declared types; + - * of range
-- columns; the pairs PostgreSQL has no operator for are 42883.
CREATE TABLE n26bitsrange2_i (id int, s smallint, a int, b bigint, c smallint);
INSERT INTO n26bitsrange2_i VALUES (1, 3, 6, 10, 1), (2, -1, -5, 1, 15), (3, 16384, 65536, 4294967296, 17), (4, NULL, 31, NULL, 33), (5, 1, 1, 1, -1);
SELECT id, s << c, s >> c, a << c, a >> c, b << c, b >> c, a << a, b >> a, s << a FROM n26bitsrange2_i ORDER BY id;
SELECT id, a << s AS x, (a << c) + 1 AS y, a << c << c AS z, -(a >> c) AS w FROM n26bitsrange2_i ORDER BY id;
SELECT id FROM n26bitsrange2_i WHERE a << c > 50 ORDER BY id;
SELECT id, t.a << u.c AS x FROM n26bitsrange2_i t JOIN n26bitsrange2_i u USING (id) ORDER BY id;
SELECT a << b FROM n26bitsrange2_i;
SELECT s >> b FROM n26bitsrange2_i;
-- differs: the columns' types are read when the first row is computed: with no row there is no 42883
SELECT a << b FROM n26bitsrange2_i WHERE id > 10;
CREATE VIEW n26bitsrange2_v AS SELECT id, a, c FROM n26bitsrange2_i;
SELECT id, a << c AS x FROM n26bitsrange2_v ORDER BY id;
SELECT id, x >> y AS z FROM (SELECT id, a AS x, c AS y FROM n26bitsrange2_i) q ORDER BY id;
WITH w AS (SELECT id, s, c FROM n26bitsrange2_i) SELECT id, s << c AS z FROM w ORDER BY id;
DROP VIEW n26bitsrange2_v;
UPDATE n26bitsrange2_i SET a = a << c WHERE id = 1 RETURNING id, a, a >> c AS back;
CREATE TABLE n26bitsrange2_r (id int, r int4range, q int4range, d daterange, n int);
INSERT INTO n26bitsrange2_r VALUES (1, '[1,5)', '[5,9)', '[2024-01-01,2024-01-10)', 2), (2, '[10,20)', '[1,3)', 'empty', 3), (3, NULL, '[1,2)', NULL, 4), (4, '(,3)', '[3,)', '[2024-02-01,)', 5);
SELECT id, r << q AS lt, r >> q AS gt, q << r AS qlt FROM n26bitsrange2_r ORDER BY id;
SELECT a.id, b.id, a.d << b.d AS lt, a.d >> b.d AS gt FROM n26bitsrange2_r a, n26bitsrange2_r b WHERE a.id < b.id ORDER BY 1, 2;
SELECT id FROM n26bitsrange2_r WHERE r << q ORDER BY id;
SELECT r << n FROM n26bitsrange2_r;
SELECT n >> r FROM n26bitsrange2_r;
SELECT r << d FROM n26bitsrange2_r;
SELECT id, r * q AS i, r - r AS m FROM n26bitsrange2_r ORDER BY id;
SELECT r + n FROM n26bitsrange2_r;
SELECT n * r FROM n26bitsrange2_r;
CREATE TABLE n26bitsrange2_b (id int, v bit(4), w varbit, k int, h smallint);
INSERT INTO n26bitsrange2_b VALUES (1, B'1011', B'110', 1, 2), (2, B'0001', B'1', -1, 0), (3, B'1111', B'', 5, 1);
SELECT id, v << k AS a, v >> k AS b, w << h AS c, w >> k AS d FROM n26bitsrange2_b ORDER BY id;
SELECT v << w FROM n26bitsrange2_b;
SELECT k << v FROM n26bitsrange2_b;
SELECT v + w FROM n26bitsrange2_b;
SELECT v - v FROM n26bitsrange2_b;
SELECT k * v FROM n26bitsrange2_b;
DROP TABLE n26bitsrange2_i, n26bitsrange2_r, n26bitsrange2_b;
