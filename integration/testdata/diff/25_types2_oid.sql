-- types2_oid: oid as PostgreSQL 15's oidin: an unsigned 32-bit integer,
-- negative input down to -2147483648 wrapping, range and syntax errors,
-- int4 -> oid keeping the bits, ordering by the unsigned value, no
-- arithmetic.
SELECT '-1'::oid, '4294967295'::oid, '-2147483648'::oid, ' 12 '::oid, '010'::oid, '+7'::oid;
SELECT '0x10'::oid;
SELECT '4294967296'::oid;
SELECT '-2147483649'::oid;
SELECT 'abc'::oid;
SELECT ''::oid;
SELECT '1.5'::oid;
SELECT 12::oid, (-1)::oid, 3000000000::oid;
SELECT 5000000000::oid;
SELECT 1::oid + 1;
SELECT '1'::oid < '4294967295'::oid, '7'::oid::int8, '4294967295'::oid::int4, '4294967295'::oid::text, '5'::oid = 5;
CREATE TABLE n25o_t (id int, o oid);
INSERT INTO n25o_t VALUES (1, '-1'), (2, 7), (3, '3000000000'), (4, -5), (5, NULL);
INSERT INTO n25o_t VALUES (6, 4294967296);
INSERT INTO n25o_t VALUES (6, 'x');
INSERT INTO n25o_t SELECT 7, '12';
UPDATE n25o_t SET o = '-2' WHERE id = 2;
SELECT * FROM n25o_t ORDER BY o, id;
SELECT id FROM n25o_t WHERE o > '3000000000' ORDER BY id;
SELECT min(o), max(o), count(o) FROM n25o_t;
CREATE UNIQUE INDEX n25o_u ON n25o_t (o);
INSERT INTO n25o_t VALUES (8, '-1');
SELECT o + 1 FROM n25o_t;
SELECT sum(o) FROM n25o_t;
SELECT id, o::int4 FROM n25o_t ORDER BY id;
