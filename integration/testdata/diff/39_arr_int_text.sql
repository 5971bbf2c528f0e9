-- A number compared with a string: PostgreSQL has no operator between
-- integer (or another number type) and text (or varchar, char(n)), so
-- int_col = text_col is 42883 at parse analysis; SQLite compared the
-- stored values and answered. A quoted literal is unknown and takes the
-- other operand's type, so it still works (pgdialect/typecompare.go's
-- numberString).
CREATE TABLE arr_it (id int PRIMARY KEY, i int, t text, v varchar(10), n numeric, b bigint, s smallint, f float8, c char(3));
INSERT INTO arr_it VALUES (1, 5, '5', '5', 5, 5, 5, 5, '5'), (2, 6, 'x', 'x', 6, 6, 6, 6, 'x');
SELECT id FROM arr_it WHERE i = t;
SELECT id FROM arr_it WHERE t = i;
SELECT id FROM arr_it WHERE i = v;
SELECT id FROM arr_it WHERE i < t;
SELECT id FROM arr_it WHERE i <> t;
SELECT id FROM arr_it WHERE n = t;
SELECT id FROM arr_it WHERE b = t;
SELECT id FROM arr_it WHERE s >= v;
SELECT id FROM arr_it WHERE f = t;
SELECT id FROM arr_it WHERE i = c;
SELECT id FROM arr_it WHERE t = 5;
SELECT id FROM arr_it WHERE i = '5'::text;
SELECT id FROM arr_it a JOIN arr_it b2 USING (id) WHERE a.i = b2.t;
SELECT id FROM arr_it WHERE i IN (t);
SELECT id FROM arr_it WHERE i IN (1, t);
SELECT id FROM arr_it WHERE i BETWEEN t AND t;
SELECT id FROM arr_it WHERE i IS DISTINCT FROM t;
SELECT i = t FROM arr_it;
SELECT id FROM arr_it WHERE i = '5' ORDER BY id;
SELECT id FROM arr_it WHERE t = '5' AND v = '5' AND c = '5' ORDER BY id;
SELECT id FROM arr_it WHERE i IN ('5', '6') ORDER BY id;
SELECT id FROM arr_it WHERE i::text = t ORDER BY id;
SELECT id FROM arr_it WHERE CAST(i AS text) = v ORDER BY id;
SELECT id FROM arr_it WHERE i = t::int;
SELECT id FROM arr_it WHERE i = n AND b = f AND s = i ORDER BY id;
SELECT id FROM arr_it WHERE t = v AND v = c ORDER BY id;
SELECT id FROM arr_it WHERE i IS NOT DISTINCT FROM '5' ORDER BY id;
SELECT count(*) FROM arr_it WHERE i = 5 OR t = 'x';
DROP TABLE arr_it;
