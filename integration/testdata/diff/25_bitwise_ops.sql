-- Integer bitwise operators: a prefix ~ is bitwise NOT (an integer), never
-- a regular expression match (it was described as boolean and printed t).
SELECT ~5, ~(-1), ~ 3, 1 << 4, 16 >> 2, 5 & 3, 5 | 2;
CREATE TABLE n25bw_t (a int, b bigint);
INSERT INTO n25bw_t VALUES (6, 3), (-1, 0);
SELECT ~a AS x, ~b, a << 2, a >> 1, a & b, a | b FROM n25bw_t ORDER BY a;
SELECT 'abc' ~ 'b', 'abc' ~ 'z', a::text ~ '6' FROM n25bw_t ORDER BY a;
SELECT 5 # 3;
SELECT 1::int4 << 31, 1::int2 << 15;
