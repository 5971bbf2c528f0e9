-- types2_money: money as PostgreSQL 15 with lc_monetary C: input
-- (cash_in: $, thousands separators, signs, parentheses, rounding of a
-- third decimal), output $1,234.56, range, casts, arithmetic, sum,
-- comparisons and ordering by value, a table's round trip and a unique
-- index; operators and casts PostgreSQL does not have are errors.
SELECT '$1,234.56'::money, '1234.567'::money, '-1234.565'::money, '-$1.00'::money, '(1.00)'::money;
SELECT '  $ 12 '::money, '1,2,3'::money, '12.'::money, '.5'::money, '1.00-'::money, '+1'::money, '$-1'::money, ''::money;
SELECT 'abc'::money;
SELECT '1.2.3'::money;
SELECT '1e3'::money;
SELECT '92233720368547758.07'::money, '-92233720368547758.08'::money;
SELECT '92233720368547758.08'::money;
SELECT 12::money, 12::int8::money, 1.555::money, (-1.555)::money, 12.5::numeric::money, '7'::text::money;
SELECT 1.5::float8::money;
SELECT 1::int2::money;
SELECT '1.50'::money::numeric, '-$1,234.50'::money::numeric, '1'::money::numeric(10,1), '1'::money::text;
SELECT '1'::money::int4;
SELECT '1'::money::float8;
SELECT '12.5'::money + '1'::money, '12.5'::money - '20'::money, '3.33'::money * 2, 2 * '3.33'::money, '3.33'::money * 1.5, '3.33'::money * 1.5::float8;
SELECT '3.33'::money / 2, '10'::money / 3, '10'::money / 3.0, '10'::money / '3'::money;
SELECT '1.01'::money * 0.5, '1.03'::money * 0.5, '-1.03'::money * 0.5, '1.05'::money / 2, '-1.05'::money / 2, '1'::money / 0.3, '1.00'::money * 1.005;
SELECT '1'::money * 2::int2, '1'::money / 2::int8, '1'::money * 2.5::float4;
SELECT '1'::money + 1;
SELECT '1'::money % 2;
SELECT '1'::money / 0;
SELECT '1'::money / '0'::money;
SELECT '92233720368547758.07'::money + '0.01'::money;
SELECT '1'::money < '2'::money, '1'::money = '$1.00', '2'::money >= '$10'::money, '5'::money || 'x';
SELECT sum(x), min(x), max(x) FROM (VALUES ('1'::money), ('2.5'::money), (NULL)) v(x);
CREATE TABLE n25m_t (id int PRIMARY KEY, m money);
INSERT INTO n25m_t VALUES (1, '$1,234.56'), (2, '12.345'), (3, -5), (4, 1.005), (5, '(3.00)'), (6, NULL), (7, 0.5);
INSERT INTO n25m_t VALUES (8, 'garbage');
INSERT INTO n25m_t VALUES (9, '92233720368547758.08');
SELECT id, m FROM n25m_t ORDER BY m, id;
SELECT id, m FROM n25m_t ORDER BY m DESC NULLS LAST, id;
SELECT * FROM n25m_t WHERE m = '12.35';
SELECT * FROM n25m_t WHERE m > '$1.00' ORDER BY id;
SELECT sum(m), min(m), max(m), count(m) FROM n25m_t;
SELECT avg(m) FROM n25m_t;
SELECT id, m + m, m - '1'::money, m * 2, m / 2, m * 1.5, m / '2'::money FROM n25m_t WHERE id < 4 ORDER BY id;
SELECT id, m::numeric, m::text, m::numeric(10,1) FROM n25m_t ORDER BY id;
SELECT m + 1 FROM n25m_t;
UPDATE n25m_t SET m = m * 3 WHERE id = 1;
UPDATE n25m_t SET m = '7' WHERE id = 2;
SELECT * FROM n25m_t ORDER BY id;
CREATE UNIQUE INDEX n25m_u ON n25m_t (m);
INSERT INTO n25m_t VALUES (10, '$7.00');
INSERT INTO n25m_t VALUES (10, 7.001);
SELECT DISTINCT m FROM n25m_t WHERE m < '0' ORDER BY 1;
SELECT m, count(*) FROM n25m_t GROUP BY m ORDER BY m;
INSERT INTO n25m_t SELECT 11, m * 10 FROM n25m_t WHERE id = 2;
SELECT * FROM n25m_t WHERE id = 11;
SELECT id, m FROM n25m_t WHERE m BETWEEN '$1' AND '$100' ORDER BY m;
SELECT id, sum(m) OVER (ORDER BY id) FROM n25m_t WHERE m IS NOT NULL ORDER BY id;
CREATE TABLE n25m_d (id int, m money DEFAULT 0, k money DEFAULT '5', j money DEFAULT -1.5);
INSERT INTO n25m_d (id) VALUES (1);
INSERT INTO n25m_d SELECT id + 1, m + k, k * 2, j / 2 FROM n25m_d;
INSERT INTO n25m_d (id, m) VALUES (3, 1) ON CONFLICT DO NOTHING;
SELECT * FROM n25m_d ORDER BY id;
SELECT id FROM n25m_d WHERE k IN ('5', '$10.00') ORDER BY id;
SELECT -m FROM n25m_d;
SELECT m < 5 FROM n25m_d ORDER BY id;
SELECT abs(m) FROM n25m_d;
-- differs: cash_words is not implemented (42883 names it)
SELECT cash_words('1.23'::money);
