-- get_byte and set_byte: byte n of a bytea from 0, 2202E outside it, the
-- new byte's low eight bits stored; an untyped literal is read as bytea
CREATE TABLE arr_by (id int, b bytea, t text);
INSERT INTO arr_by VALUES (1, '\x0102ff', 'abc'), (2, '', ''), (3, NULL, NULL);
SELECT get_byte('\x0102ff'::bytea, 2) AS a, get_byte('\x0102ff'::bytea, 0) AS b, get_byte('abc', 1) AS c, get_byte('\x41', 0) AS d;
SELECT get_byte('\x0102ff'::bytea, 3);
SELECT get_byte('\x0102ff'::bytea, -1);
SELECT set_byte('\x0102ff'::bytea, 1, 255) AS a, set_byte('\x00'::bytea, 0, 256) AS b, set_byte('\x00'::bytea, 0, -1) AS c, set_byte('abc', 0, 65) AS d;
SELECT set_byte('\x0102ff'::bytea, 5, 1);
SELECT id, get_byte(b, 0) AS g FROM arr_by WHERE id = 1;
SELECT id, set_byte(b, 2, 16) AS s, get_byte(set_byte(b, 2, 16), 2) AS g FROM arr_by WHERE id = 1;
SELECT get_byte(b, 0) FROM arr_by WHERE id = 2;
SELECT id, get_byte(b, 0) AS g, set_byte(b, 0, 1) AS s FROM arr_by WHERE id = 3;
SELECT get_byte(NULL::bytea, 0) AS a, set_byte('\x00'::bytea, NULL, 1) AS b, set_byte('\x00'::bytea, 0, NULL) AS c;
SELECT get_byte(t, 0) FROM arr_by WHERE id = 1;
UPDATE arr_by SET b = set_byte(b, 0, get_byte(b, 2)) WHERE id = 1;
SELECT b FROM arr_by WHERE id = 1;
DROP TABLE arr_by;
