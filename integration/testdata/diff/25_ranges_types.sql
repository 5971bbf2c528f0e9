-- The range types int4range, int8range, numrange, daterange, tsrange and
-- tstzrange
-- (issue 11): input text (brackets, infinite bounds, empty, quoting,
-- blanks) and PostgreSQL's errors, the canonical [lo,hi) of the discrete
-- types, constructors, lower/upper/isempty/..._inc/..._inf/range_merge,
-- the operators and PostgreSQL's range order, described types, and range
-- columns (CHECKs, UNIQUE, ORDER BY, GROUP BY, DISTINCT, containment and
-- overlap queries of a booking table), tstzrange bounds read and printed
-- in the session TimeZone. The multiranges stay refused (0A000), as do
-- EXCLUDE constraints.
SELECT '[1,5]'::int4range AS a, '(1,5]'::int4range AS b, '(1,2)'::int4range AS c, '[1,1)'::int4range AS d, '(,10]'::int4range AS e, '[3,)'::int4range AS f, '(,)'::int4range AS g, '[,5]'::int4range AS h;
SELECT ' [ 1 , 5 ] '::int4range AS a, 'EMPTY'::int4range AS b, '  empty '::int4range AS c, '["1","5")'::int4range AS d, '[-5,-1]'::int8range AS e, '[1,1]'::int4range AS f;
SELECT '[1.5,2.50]'::numrange AS a, '(1.50,)'::numrange AS b, '[-Infinity,Infinity]'::numrange AS c, '(1,1]'::numrange AS d, '[1e2,2e2)'::numrange AS e;
SELECT '[2024-01-01,2024-01-31]'::daterange AS a, '(2024-01-01,2024-02-01)'::daterange AS b, '[2024-1-5,)'::daterange AS c, '(,infinity]'::daterange AS d, '[-infinity,2024-01-01]'::daterange AS e;
SELECT '[2024-01-01 10:00,2024-01-01 12:30:15.5)'::tsrange AS a, '("2024-01-01 10:00:00",]'::tsrange AS b, '[2024-01-01,2024-01-02]'::tsrange AS c;
SELECT int4range '[2,4]' AS a, daterange '[2024-03-01,2024-03-02]' AS b, CAST('[1,2]' AS int8range) AS c;
SELECT '[a,5)'::int4range;
SELECT '[1,5'::int4range;
SELECT '1,5)'::int4range;
SELECT '[1,2,3)'::int4range;
SELECT '[1 5)'::int4range;
SELECT 'empty x'::int4range;
SELECT '[1,5) x'::int4range;
SELECT ''::int4range;
SELECT '[1,"5)'::int4range;
SELECT '[5,1)'::int4range;
SELECT '[2024-02-01,2024-01-01)'::daterange;
SELECT '[2024-02-30,)'::daterange;
SELECT '[1,3000000000)'::int4range;
SELECT '[1,2147483647]'::int4range;
SELECT '[1.5,x)'::numrange;
SELECT int4range(1, 5) AS a, int4range(1, 5, '[]') AS b, int4range(1, 5, '()') AS c, int4range(NULL, 5) AS d, int4range(1, NULL, '[]') AS e, int8range(10, 20, '(]') AS f;
SELECT numrange(1.5, 2.50) AS a, numrange(1, 2, '[]') AS b, daterange('2024-01-01', '2024-01-10', '[]') AS c, tsrange('2024-01-01 10:00', '2024-01-01 11:00') AS d;
SELECT int4range(5, 1);
SELECT int4range(1, 5, 'x]');
SELECT int4range(1, 5, NULL);
SELECT lower(int4range(1, 5)) AS a, upper(int4range(1, 5, '[]')) AS b, lower('(,5)'::int4range) AS c, upper('empty'::int4range) AS d, lower(numrange(1.50, 2)) AS e, upper(daterange('2024-01-01', '2024-01-05')) AS f, lower(tsrange('2024-01-01 10:00', NULL)) AS g;
SELECT isempty('empty'::int4range) AS a, isempty(int4range(1, 2)) AS b, lower_inc(int4range(1, 5)) AS c, upper_inc(int4range(1, 5)) AS d, lower_inf('(,5)'::int4range) AS e, upper_inf('(,5)'::int4range) AS f, lower_inc(numrange(1, 2, '(]')) AS g, upper_inc(numrange(1, 2, '(]')) AS h, lower_inf('empty'::int4range) AS i, upper_inc('empty'::numrange) AS j;
SELECT range_merge(int4range(1, 3), int4range(7, 9)) AS a, range_merge('empty'::int4range, int4range(1, 2)) AS b, range_merge(numrange(1, 2, '[]'), numrange(0, 1)) AS c;
SELECT int4range(1, 5) @> 3 AS a, int4range(1, 5) @> 5 AS b, int4range(1, 5) @> int4range(2, 4) AS c, int4range(2, 4) <@ int4range(1, 5) AS d, 4 <@ int4range(1, 5) AS e, 'empty'::int4range <@ int4range(1, 2) AS f, int4range(1, 5) @> 'empty'::int4range AS g, numrange(1, 2) @> 1.5 AS h, daterange('2024-01-01', '2024-01-10') @> '2024-01-05'::date AS i;
SELECT int4range(1, 5) && int4range(5, 6) AS a, int4range(1, 5) && int4range(4, 6) AS b, int4range(1, 5) << int4range(5, 6) AS c, int4range(7, 9) >> int4range(1, 5) AS d, int4range(1, 5) &< int4range(2, 3) AS e, int4range(1, 5) &> int4range(0, 3) AS f, int4range(1, 5) -|- int4range(5, 6) AS g, numrange(1, 2) -|- numrange(2, 3, '(]') AS h, numrange(1, 2, '[]') -|- numrange(2, 3) AS i;
SELECT int4range(1, 5) + int4range(5, 7) AS a, int4range(1, 5) + int4range(3, 9) AS b, int4range(1, 10) * int4range(5, 20) AS c, int4range(1, 10) - int4range(5, 20) AS d, int4range(1, 10) - int4range(0, 3) AS e, int4range(1, 10) * int4range(20, 30) AS f, numrange(1, 10) - numrange(5, 10, '[]') AS g, 'empty'::int4range + int4range(1, 2) AS h;
SELECT int4range(1, 5) @> 3::bigint;
SELECT int4range(1, 5) @> 1.5;
SELECT 2::bigint <@ int4range(1, 5);
SELECT int8range(1, 5) @> 3;
SELECT numrange(1, 2) @> 1;
SELECT tsrange('2024-01-01', '2024-02-01') @> '2024-01-05'::date;
SELECT int8range(1, 5) @> 3::int8 AS a, numrange(1, 2) @> 1.0 AS b, tsrange('2024-01-01', '2024-02-01') @> '2024-01-05'::timestamp AS c, daterange('2024-01-01', '2024-02-01')::text AS d, range_merge(int4range(1, 2), int4range(3, 4))::text AS e;
SELECT int4range(1, 3) + int4range(5, 7);
SELECT int4range(1, 10) - int4range(3, 5);
SELECT int4range(1, 5) @> '[2,3]' AS a, int4range(1, 5) = '[1,4]' AS b, numrange(1.5, 2) = numrange(1.50, 2) AS c;
SELECT int4range(1, 5) < int4range(1, 6) AS a, int4range(1, 5) < int4range(2, 3) AS b, 'empty'::int4range < int4range(1, 2) AS c, '(,5)'::int4range < int4range(1, 2) AS d, int4range(1, NULL) > int4range(1, 100) AS e, int4range(1, 5) = int4range(1, 4, '[]') AS f, int4range(1, 5) <> int4range(1, 5) AS g, int4range(3, 4) >= int4range(3, 4) AS h;
SELECT pg_typeof(int4range(1, 2)) AS a, pg_typeof(lower(int4range(1, 2))) AS b, pg_typeof(numrange(1, 2)) AS c, pg_typeof('[2024-01-01,)'::daterange) AS d;
CREATE TABLE n25ranges_booking (id int PRIMARY KEY, room text, during daterange, seats int4range, price numrange, slot tsrange);
INSERT INTO n25ranges_booking VALUES (1, 'a', '[2024-01-01,2024-01-04]', '[1,5]', '[10.5,20.50]', '[2024-01-01 10:00, 2024-01-01 12:00)'), (2, 'a', '[2024-01-05,2024-01-10)', '(10,20)', '(,30)', NULL), (3, 'b', 'empty', '(,)', 'empty', '(,)'), (4, 'b', '(2023-12-24,2024-01-02)', '[9,10)', '[10.50,20.5]', '[2024-01-01 09:00,2024-01-01 09:30]'), (5, 'c', '[2024-01-10,)', NULL, '[100,200)', NULL);
SELECT * FROM n25ranges_booking ORDER BY id;
SELECT id, during FROM n25ranges_booking ORDER BY during, id;
SELECT id, seats FROM n25ranges_booking ORDER BY seats DESC NULLS LAST, id;
SELECT id, slot FROM n25ranges_booking ORDER BY slot, id;
SELECT id FROM n25ranges_booking WHERE during @> '2024-01-03'::date ORDER BY id;
SELECT id FROM n25ranges_booking WHERE during @> date '2024-01-10' ORDER BY id;
SELECT id FROM n25ranges_booking WHERE during && '[2024-01-04,2024-01-06)' ORDER BY id;
SELECT id FROM n25ranges_booking WHERE during && daterange('2024-01-04', '2024-01-06') ORDER BY id;
SELECT id FROM n25ranges_booking WHERE seats @> 4 ORDER BY id;
SELECT id FROM n25ranges_booking WHERE seats <@ int4range(0, 100) ORDER BY id;
SELECT id FROM n25ranges_booking WHERE seats = '[1,5]' ORDER BY id;
SELECT id FROM n25ranges_booking WHERE price = '[10.5,20.5]' ORDER BY id;
SELECT id, lower(during) AS lo, upper(during) AS hi, lower(seats) AS slo, upper_inc(during) AS ui, isempty(during) AS e, lower_inf(seats) AS li FROM n25ranges_booking ORDER BY id;
SELECT a.id, b.id, a.during && b.during AS ov, a.during -|- b.during AS adj, a.during << b.during AS lt, a.during >> b.during AS gt, a.during &< b.during AS ol, a.during &> b.during AS orr, a.during @> b.during AS c FROM n25ranges_booking a, n25ranges_booking b WHERE a.id < b.id ORDER BY 1, 2;
SELECT a.id, b.id, a.during + b.during AS u, a.during * b.during AS i FROM n25ranges_booking a, n25ranges_booking b WHERE a.id < b.id AND (a.during && b.during OR a.during -|- b.during) ORDER BY 1, 2;
SELECT price, count(*) FROM n25ranges_booking GROUP BY price ORDER BY price;
SELECT DISTINCT price FROM n25ranges_booking ORDER BY price;
SELECT room, count(*) FROM n25ranges_booking WHERE during && daterange('2024-01-01', '2024-01-08') GROUP BY room ORDER BY room;
UPDATE n25ranges_booking SET seats = '[3,4]' WHERE id = 3 RETURNING id, seats;
UPDATE n25ranges_booking SET during = during * daterange('2024-01-02', NULL) WHERE id = 1 RETURNING during;
INSERT INTO n25ranges_booking (id, seats) VALUES (9, '[5,1)');
INSERT INTO n25ranges_booking (id, seats) VALUES (9, 'junk');
INSERT INTO n25ranges_booking (id, price) VALUES (9, '[1,x]');
INSERT INTO n25ranges_booking (id, during) VALUES (9, int4range(1, 2));
CREATE TABLE n25ranges_u (r int4range UNIQUE);
INSERT INTO n25ranges_u VALUES ('[1,5]');
INSERT INTO n25ranges_u VALUES ('[1,6)');
INSERT INTO n25ranges_u VALUES ('empty'), (int4range(7, 8));
SELECT r FROM n25ranges_u ORDER BY r;
CREATE TABLE n25ranges_chk (id int, r int4range CHECK (lower(r) >= 0), d daterange CHECK (NOT isempty(d)), CHECK (d && daterange('2024-01-01', '2025-01-01')), CHECK (upper(r) - lower(r) <= 10));
INSERT INTO n25ranges_chk VALUES (1, '[0,5)', '[2024-03-01,2024-03-05)');
INSERT INTO n25ranges_chk VALUES (2, '[-1,5)', '[2024-03-01,2024-03-05)');
INSERT INTO n25ranges_chk VALUES (3, '[1,5)', 'empty');
INSERT INTO n25ranges_chk VALUES (4, '[1,5)', '[2026-01-01,2026-02-01)');
INSERT INTO n25ranges_chk VALUES (5, '[1,50)', '[2024-03-01,2024-03-05)');
SELECT id, upper(r) - lower(r) AS len, lower(r) + 1 AS l1 FROM n25ranges_chk ORDER BY id;
SELECT id, upper(d) - lower(d) AS days FROM n25ranges_chk ORDER BY id;
SELECT upper(daterange('2024-01-01', '2024-01-10')) - lower(daterange('2024-01-01', '2024-01-10')) AS a;
DROP TABLE n25ranges_chk;
SELECT max(seats), min(seats) FROM n25ranges_booking;
SELECT '[2024-01-01,2024-01-02)'::tstzrange AS z, '[2024-01-01 10:00,2024-01-02)'::tstzrange AS a, tstzrange('2024-01-01 10:00+02', NULL) AS b, '[2024-01-01 10:00+05,2024-01-01 05:00+00]'::tstzrange AS c;
SET TimeZone = 'America/New_York';
SELECT '[2024-01-01 10:00,2024-07-01 10:00)'::tstzrange AS a, tstzrange('2024-01-01 10:00', '2024-01-01 12:00', '[]') AS b, lower('[2024-01-01 10:00,)'::tstzrange) AS c;
CREATE TABLE n25ranges_tz (id int, slot tstzrange);
INSERT INTO n25ranges_tz VALUES (1, '[2024-01-01 10:00,2024-01-01 11:00)'), (2, '[2024-01-01 10:30-05,2024-01-01 12:00-05)'), (3, tstzrange('2024-01-01 16:00+00', '2024-01-01 17:00+00'));
SELECT * FROM n25ranges_tz ORDER BY slot;
SELECT id FROM n25ranges_tz WHERE slot @> '2024-01-01 10:45'::timestamptz ORDER BY id;
SELECT id FROM n25ranges_tz WHERE slot && '[2024-01-01 11:30,2024-01-01 11:45)' ORDER BY id;
SELECT id FROM n25ranges_tz WHERE slot = '[2024-01-01 10:00,2024-01-01 11:00)' ORDER BY id;
SELECT a.id, b.id, a.slot && b.slot, a.slot -|- b.slot FROM n25ranges_tz a, n25ranges_tz b WHERE a.id < b.id ORDER BY 1, 2;
SELECT tstzrange('2024-01-01 10:00', '2024-01-01 12:00')::text AS t, upper(tstzrange('2024-01-01 10:00', '2024-01-01 12:00')) AS u, tstzrange('2024-01-01 10:00', '2024-01-01 11:00') @> '2024-01-01 10:30'::timestamptz AS c;
SET TimeZone = 'UTC';
SELECT * FROM n25ranges_tz ORDER BY id;
DROP TABLE n25ranges_tz;
-- differs: 'now', 'today' ... in a range bound are refused (0A000): a bound is read without the entry's pinned clock
SELECT '[2024-01-01 10:00,now)'::tstzrange;
-- differs: the multirange types are not enforced (0A000)
SELECT '{[1,5)}'::int4multirange;
-- differs: the multirange types are not enforced (0A000)
CREATE TABLE n25ranges_mr (a datemultirange);
-- differs: EXCLUDE constraints are not supported (0A000)
CREATE TABLE n25ranges_ex (r int4range, EXCLUDE USING gist (r WITH &&));
DROP TABLE IF EXISTS n25ranges_ex;
DROP TABLE n25ranges_booking, n25ranges_u;
