-- bit(n) and bit varying(n) as PostgreSQL 15: constants (B'...', X'...'),
-- input and its errors, a cast's length rule (pad or truncate) against an
-- assignment's (22026, 22001), casts to and from integers and text,
-- comparison and ORDER BY, the operators & | # ~ << >> || and the
-- functions length, bit_length, octet_length, get_bit, set_bit,
-- bit_count, substring, position, overlay; described types.
SELECT B'1010', X'1F', x'a', B'', b'0';
SELECT B'101'::bit(4), B'10101'::bit(3), B'10101'::varbit(3), B'101'::varbit(5), x'1f'::bit(4), ''::varbit, B'1'::bit(2)::varbit(1);
SELECT '101'::bit(4), '10101'::varbit(3), 'x1F'::bit(8), 'X1f'::bit varying, 'b101'::bit(3), '101'::text::bit(4), B'101'::bit, '10'::bit(1);
SELECT CAST('1100' AS bit(2)), CAST(B'11' AS bit varying(8)), bit '101', bit varying '0011';
SELECT B'102';
SELECT X'1G';
SELECT '102'::bit(3);
SELECT 'abc'::varbit;
SELECT B'101'::int, B'101'::int8, X'FFFFFFFF'::int4, X'FFFFFFFFFFFFFFFF'::int8, B''::int4, B'1'::integer;
SELECT X'FFFFFFFFF'::int4;
SELECT X'1FFFFFFFFFFFFFFFF'::int8;
SELECT B'101'::int2;
SELECT 5::bit(8), (-1)::bit(4), 300::bit(4), 5::int8::bit(70), (-2)::bit(40), 1::bit, 0::bit(3), (-5)::int8::bit(66);
SELECT 5::varbit;
SELECT 5::bit(0);
SELECT '1'::varbit(0);
SELECT '1'::bit varying(83886081);
SELECT B'101' << -2147483648, B'101' >> -2147483648, B'101' << 2147483647;
CREATE TABLE n25bits_z (a bit(0));
SELECT 1.5::bit(3);
SELECT 5::int2::bit(4);
SELECT B'101'::text, B'101'::varchar, B'0101'::varbit::text, X'0F'::text, CAST(B'11' AS text);
SELECT B'1011' & B'0110', B'1011' | B'0110', B'1011' # B'0110', ~B'1011', B'1011' << 1, B'1011' >> 1, B'1011' << -1, B'1011' << 10, B'1011' >> 4;
SELECT B'10' || B'011', B'1011'::varbit << 2, ~B'01'::varbit, B'1' || B'', X'F' & X'3';
SELECT B'1' & B'10';
SELECT B'1' | B'10';
SELECT B'1' # B'10';
SELECT B'1' & 1;
SELECT B'101' + 1;
SELECT 2 * B'101';
SELECT -B'101';
SELECT B'101' < B'11', B'101' < B'1010', B'1' < B'10', B'0' < B'', B'111'::varbit > B'1', B'101' = B'101'::varbit, B'1'::varbit = B'1'::bit(1), B'0011' <> B'11';
-- differs-type: a VALUES column of bit constants is described text (same values and order)
SELECT x FROM (VALUES (B'1'), (B'0'), (B'10'), (B'01'), (B''), (B'111'), (B'0000')) v(x) ORDER BY x;
SELECT length(B'10101'), bit_length(B'10101'), octet_length(B'10101'), octet_length(B'101010101'), get_bit(B'10101', 1), set_bit(B'10101', 1, 1), bit_count(B'10101'), length(B'');
SELECT substring(B'10101' from 2 for 3), substring(B'10101', 2), substring(B'10101' from 4), position(B'01' in B'10101'), position(B'11' in B'10101'), overlay(B'10101' placing B'00' from 2);
SELECT get_bit(B'101', 3);
SELECT get_bit(B'101', -1);
SELECT set_bit(B'101', 0, 2);
CREATE TABLE n25bits_s (id int PRIMARY KEY, a bit(4), v varbit(3), w varbit, b bit, f bit varying(8));
INSERT INTO n25bits_s VALUES (1, B'1010', B'101', B'1', B'1', B'1'), (2, X'F', B'', B'10101', B'0', X'F0'), (3, '0001', '11', '', '1', '1111');
INSERT INTO n25bits_s (id, a) VALUES (10, B'101');
INSERT INTO n25bits_s (id, a) VALUES (10, '10101');
INSERT INTO n25bits_s (id, v) VALUES (10, B'1011');
INSERT INTO n25bits_s (id, v) VALUES (10, '1011');
INSERT INTO n25bits_s (id, b) VALUES (10, '11');
INSERT INTO n25bits_s (id, a) VALUES (10, '5');
INSERT INTO n25bits_s (id, a) VALUES (10, 'x0F'), (11, 'b0011');
INSERT INTO n25bits_s (id, a) VALUES (12, B'101'::bit(4)), (13, B'10101'::bit(4));
SELECT * FROM n25bits_s ORDER BY id;
SELECT id FROM n25bits_s WHERE a = B'1010' OR a = '1111' OR a = '101' ORDER BY id;
SELECT id, a FROM n25bits_s WHERE a > B'0011' ORDER BY a DESC, id;
SELECT w FROM n25bits_s ORDER BY w;
SELECT DISTINCT a FROM n25bits_s ORDER BY 1;
SELECT max(w), min(a), count(DISTINCT b) FROM n25bits_s;
SELECT id, a & B'0110', a | B'0001', a # B'1111', ~a, a << 1, a >> 2, ~w FROM n25bits_s WHERE id < 10 ORDER BY id;
SELECT id, a & a, a # a, w || v, a || b FROM n25bits_s WHERE id < 10 ORDER BY id;
-- differs-type: set_bit and substring of a bit column are described text where PostgreSQL says bit (same text)
SELECT id, length(w), bit_length(a), octet_length(f), get_bit(a, 0), set_bit(a, 3, 1), bit_count(w), substring(w from 2 for 2), position(B'1' in v) FROM n25bits_s WHERE id < 10 ORDER BY id;
SELECT id, a::int, f::int8, a::text, w::varchar, v::bit(2), a::varbit(2) FROM n25bits_s WHERE id < 10 ORDER BY id;
SELECT a & w FROM n25bits_s WHERE id = 2;
UPDATE n25bits_s SET a = ~a, w = w || B'1' WHERE id = 1 RETURNING a, w;
UPDATE n25bits_s SET a = B'11' WHERE id = 1;
SELECT id FROM n25bits_s WHERE a = X'A' OR w = B'11' ORDER BY id;
CREATE TABLE n25bits_u (k bit(3) PRIMARY KEY, n int);
INSERT INTO n25bits_u VALUES (B'101', 1), (B'011', 2);
INSERT INTO n25bits_u VALUES ('101', 3);
SELECT k, n FROM n25bits_u ORDER BY k;
CREATE TABLE n25bits_alt (id int PRIMARY KEY, c bit(2), w varbit(5), n int);
INSERT INTO n25bits_alt VALUES (1, B'10', B'101', 5), (2, B'01', B'1', 6);
ALTER TABLE n25bits_alt ALTER COLUMN c TYPE bit(3);
ALTER TABLE n25bits_alt ALTER COLUMN c TYPE varbit(4);
ALTER TABLE n25bits_alt ALTER COLUMN w TYPE bit(3);
ALTER TABLE n25bits_alt ALTER COLUMN w TYPE varbit(2);
ALTER TABLE n25bits_alt ALTER COLUMN n TYPE bit(4);
ALTER TABLE n25bits_alt ALTER COLUMN n TYPE bit(4) USING n::bit(4);
ALTER TABLE n25bits_alt ADD COLUMN d bit(2) DEFAULT '10';
SELECT * FROM n25bits_alt ORDER BY id;
