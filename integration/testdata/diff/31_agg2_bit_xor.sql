-- bit_xor (PostgreSQL 14's): the bits an odd number of the non-NULL inputs
-- have, of integers and of bit strings of one length.
CREATE TABLE agg2_bx (id int PRIMARY KEY, g int, y int, s smallint, l bigint, b bit(3));
INSERT INTO agg2_bx VALUES (1, 1, 3, 3, 3, B'101'), (2, 1, 2, 2, 2, B'110'), (3, 2, 1, 1, 1, NULL), (4, 2, 4, 4, 4, B'011'), (5, 2, NULL, NULL, NULL, B'011');
SELECT bit_xor(y), bit_xor(s), bit_xor(l), bit_xor(b) FROM agg2_bx;
SELECT g, bit_xor(y), bit_xor(DISTINCT b) FROM agg2_bx GROUP BY g ORDER BY g;
SELECT bit_xor(y) FILTER (WHERE g = 1), bit_xor(y::int8) FROM agg2_bx;
SELECT id, bit_xor(y) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM agg2_bx ORDER BY id;
SELECT bit_xor(y), bit_xor(b) FROM agg2_bx WHERE false;
SELECT bit_xor(x) FROM (VALUES (B'101'), (B'11')) v(x);
SELECT bit_xor(x) FROM (VALUES (5), (3)) v(x);
