-- to_hex of an expression whose type shows only at run time prints a
-- negative value in its type's width: coalesce(i8, i4) of columns is
-- bigint (ffffffffffffffff), where the value's int4 range printed
-- ffffffff. A smallint argument is ambiguous (to_hex(int4) and
-- to_hex(int8) both take it): 42725.
CREATE TABLE misc_hx (id int, i4 int4, i8 int8, i2 int2);
INSERT INTO misc_hx VALUES (1, -1, NULL, -2), (2, 255, -255, 3), (3, NULL, 17, NULL), (4, NULL, NULL, NULL);
SELECT id, to_hex(coalesce(i8, i4)) AS a, to_hex(coalesce(i4, i8)) AS b, to_hex(coalesce(i4, 0)) AS c, to_hex(coalesce(i2, i4)) AS d FROM misc_hx ORDER BY id;
SELECT id, to_hex(coalesce(i4, -1::int8)) AS a, to_hex(CASE WHEN id > 1 THEN i4 ELSE i8 END) AS b FROM misc_hx ORDER BY id;
SELECT id, to_hex(greatest(i4, i8)) AS a, to_hex(nullif(i4, 5)) AS b, to_hex(i4 + i8) AS c, to_hex(i4::int8) AS d FROM misc_hx ORDER BY id;
SELECT id, to_hex(coalesce(i8, i4)) AS a FROM (SELECT * FROM misc_hx) s ORDER BY a, id;
SELECT to_hex(-1) AS a, to_hex(-1::int8) AS b;
SELECT to_hex(-1::int2);
SELECT to_hex(i2) FROM misc_hx WHERE id = 2;
DROP TABLE misc_hx;
