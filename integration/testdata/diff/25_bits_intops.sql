-- Integer bitwise operators as PostgreSQL 15: # (XOR), the result types
-- (int2 op int2 is int2, mixed widths the wider, a shift the left
-- operand's), shifts wrapping at the type's width with the count modulo
-- the width, precedence (one level below + and -, above comparisons; a
-- prefix ~ takes a sum), operators between integer columns (<< too).
SELECT 5 # 3, 1 # 2 # 3, 6 & 3 # 1, 1 << 2 # 1, 2 * 3 # 1, - 1 # 1;
SELECT 1::int4 << 31, 1::int2 << 15, 1::int4 << 32, 1::int4 << 33, 1 << -1, 1::int2 << 17, 1::int8 << 63, 1::int8 << 64, 1::int8 << 65;
SELECT -8 >> 1, 1 >> 33, 1::int2 >> 16, (-32768)::int2 >> 1, (-1)::int8 >> 70, 256::int2 >> 4;
SELECT 2::int2 # 3::int2, 2::int2 & 3, 2::int2 | 3::int8, 2::int2 << 3, 2::int2 << 3::int2, 2 << 3::int2, ~2::int2, ~2::int8;
SELECT 1 < 2 & 3, ~ 1 < 2, 1 + 1 << 2, ~ -1, ~ 1 + 2, ~ 1 * 2, ~ 1 & 3, 8 >> 1 >> 1, 1 << 2 >> 1;
SELECT 5 & '3', '5' # 3, 7 | '8';
SELECT 1 << 2::int8;
SELECT 1.5 & 1;
SELECT 1 # 1.5;
SELECT true & 1;
SELECT 'a' & 1;
CREATE TABLE n25bits_i (s smallint, a int, b bigint);
INSERT INTO n25bits_i VALUES (3, 6, 10), (-1, -5, 1), (16384, 65536, 4294967296);
SELECT s # s, s & s, ~s, s << 1, s >> 1, a # b, a # 1, a << 31, a << s, a >> s, b << a, ~a, ~b FROM n25bits_i ORDER BY a;
SELECT a << a, s << s, s | a, s # b, a & s FROM n25bits_i ORDER BY a;
SELECT count(*) FROM n25bits_i WHERE a # 1 > 0 AND a << 1 >= 12;
SELECT s # 1 AS x FROM n25bits_i ORDER BY s # 1 DESC;
UPDATE n25bits_i SET a = a # 255, s = s << 2 WHERE b = 10 RETURNING s, a;
SELECT a << b FROM n25bits_i;
