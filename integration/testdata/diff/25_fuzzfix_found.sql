-- fuzzfix_found: differences the differential fuzz tester
-- (difffuzz_test.go) found, each pinned by its smallest statement.
-- trunc(float8) printed 15 significant digits (a trip through decimal
-- text) and lost the sign of a negative zero; greatest/least inside a
-- cast operand of date/time-or-number arithmetic over a column was a
-- syntax error (the arithmetic copied the call's text before the call
-- was rewritten).
CREATE TABLE n25ff_t (id int4 PRIMARY KEY, i4 int4, i8 int8, f8 float8, f4 real);
INSERT INTO n25ff_t VALUES (1, 0, 0, 0, 0), (2, -7, -9000000000, -0.5, -1.5), (3, 2147483647, 9223372036854775807, 1e300, 3.4e38), (4, 3, 3, 2.5, 0.25), (5, NULL, NULL, NULL, NULL);
SELECT id, trunc(f8), trunc(f4), trunc(i8::float8) FROM n25ff_t ORDER BY id;
SELECT trunc(-0.5::float8), trunc(-0.5), trunc(2.5::float8), round(2.5::float8), round(2.5);
SELECT id, abs(trunc(abs(f4))) FROM n25ff_t ORDER BY 2 DESC NULLS LAST, id;
SELECT id, f8 - least(f8, 1.5)::float8, i4 - greatest(i4, 2)::int8 FROM n25ff_t ORDER BY id;
SELECT id, (f8 + greatest(f8, 0.5)::float8) * 2 FROM n25ff_t ORDER BY id;
-- round/trunc/abs of a decimal constant, and round(x, n) of anything, are
-- numeric as operands of arithmetic (the operator was rewritten before the
-- call was typed: round(-0.5) / 1 was -1, a.n * round(3.00, 0) sorted as
-- text).
CREATE TABLE n25ff_n (id int4 PRIMARY KEY, n numeric, i4 int4);
INSERT INTO n25ff_n VALUES (1, 0, 0), (2, -2.5, -7), (3, 100, 2147483647), (4, 12345.678, 3), (5, NULL, NULL);
SELECT round(-0.5) / 1, abs(-2.50) * 3, trunc(7.5) % 2, round(2.5) - 1;
SELECT id, round(i4, 1) / 3, (round(0.0, 0) / round(1.25, 0)) - round(n) FROM n25ff_n ORDER BY id;
SELECT id, n * round(round(3.00, 0), 0) AS c FROM n25ff_n ORDER BY 2, 1;
-- a cast to text orders as text, also under a function: the numeric
-- collation of its operand reached substr's result ('4e' sorted before '5').
CREATE TABLE n25ff_f (id int4 PRIMARY KEY, f4 real, f8 float8);
INSERT INTO n25ff_f VALUES (1, 0, 0), (2, -1.5, -0.5), (3, 3.4e38, 1e300), (4, 2.5, 2.5), (5, 0.25, 100), (6, NULL, NULL);
SELECT substr((abs(f4))::text, 3, 2) AS c1, id FROM n25ff_f ORDER BY 1 DESC, 2;
SELECT upper((f8 * 2)::text) AS c1, id FROM n25ff_f ORDER BY 1, 2;
SELECT max(substr((f4 + f8)::varchar, 1, 2)) FROM n25ff_f;
-- age() with infinity answers as PostgreSQL 15 does (the largest
-- timestamp converted as any other), with -infinity 22008 timestamp out
-- of range; it was 22008 interval out of range for both.
CREATE TABLE n25ff_a (id int4 PRIMARY KEY, ts timestamp, d date, tz timestamptz);
INSERT INTO n25ff_a VALUES (1, '2024-02-29 12:00:00', '2024-02-29', '2024-02-29 12:00:00+00'), (2, 'infinity', 'infinity', 'infinity'), (3, '-infinity', '-infinity', '-infinity'), (4, NULL, NULL, NULL);
SELECT age('infinity'::timestamp, '2000-01-01'), age('2000-01-01'::timestamp, 'infinity'), age('infinity'::timestamp, 'infinity'), age('infinity'::date, '2000-01-01');
SELECT age('-infinity'::timestamp, '2000-01-01');
SELECT id, age(ts, TIMESTAMP '2000-01-01'), age(d, ts), age(ts, TIMESTAMP '2000-01-01') * 2, age(tz, TIMESTAMPTZ '2000-01-01 00:00:00+00') FROM n25ff_a WHERE id <> 3 ORDER BY id;
SELECT sum(age(ts, TIMESTAMP '1999-01-01')) FROM n25ff_a WHERE id <> 3;
SELECT id, age(ts, TIMESTAMP '2000-01-01') FROM n25ff_a ORDER BY id;
-- array_agg, lead, lag, first_value, last_value and nth_value of a bare
-- string literal or NULL: PostgreSQL cannot resolve the polymorphic
-- argument (42725, 42804); raftsql answered with the text.
SELECT array_agg('abc');
SELECT array_agg(NULL ORDER BY 1);
SELECT id, lead('abc') OVER (ORDER BY id) FROM n25ff_a ORDER BY id;
SELECT id, lag($$x$$, 1) OVER (ORDER BY id) FROM n25ff_a ORDER BY id;
SELECT id, first_value('') OVER (ORDER BY id), last_value(NULL) OVER (ORDER BY id) FROM n25ff_a ORDER BY id;
SELECT id, nth_value('a', 1) OVER (ORDER BY id) FROM n25ff_a ORDER BY id;
SELECT array_agg('abc'::text), array_agg(1);
SELECT id, lead('abc'::text) OVER (ORDER BY id), lag(id) OVER (ORDER BY id) FROM n25ff_a ORDER BY id;
-- timestamp +/- interval outside PostgreSQL's range of timestamps is
-- 22008 timestamp out of range (raftsql answered a date of year 290260 BC).
SELECT '2020-02-29'::date + age(TIMESTAMP '2000-01-01', 'infinity');
SELECT TIMESTAMP '294276-12-31 23:59:58' + INTERVAL '1 second', TIMESTAMP '4714-11-24 00:00:01 BC' - INTERVAL '1 second', DATE '294276-12-31' + TIME '23:59:59';
SELECT TIMESTAMP '294276-12-31 23:59:59' + INTERVAL '1 second';
SELECT TIMESTAMP '4714-11-24 00:00:01 BC' - INTERVAL '2 second';
SELECT TIMESTAMPTZ '294276-12-31 23:59:59+00' + INTERVAL '1 second';
SELECT id, d + age(TIMESTAMP '2000-01-01', ts) FROM n25ff_a WHERE id <> 3 ORDER BY id;
-- greatest/least of intervals compare by value (they compared the text:
-- greatest(INTERVAL '1 mon', INTERVAL '1 mon -1 day') was 1 mon -1 day).
CREATE TABLE n25ff_i (id int4 PRIMARY KEY, iv interval, d date);
INSERT INTO n25ff_i VALUES (1, '1 mon -1 day', '2024-02-29'), (2, '-2 hours', '2000-01-01'), (3, '1 year 2 mons 3 days 04:05:06', '2023-03-31'), (4, '36:00:00', '2024-01-31'), (5, NULL, NULL);
SELECT greatest(INTERVAL '1 mon', INTERVAL '1 mon -1 day'), greatest(INTERVAL '1 day', INTERVAL '25 hours'), least(INTERVAL '1 mon', NULL, INTERVAL '29 days'), least(INTERVAL '30 days', INTERVAL '1 mon');
SELECT id, greatest(INTERVAL '1 mon', iv), least(iv, INTERVAL '1 day') FROM n25ff_i ORDER BY 2, 1;
SELECT id, d::timestamp - greatest(INTERVAL '1 mon', iv) FROM n25ff_i ORDER BY id;
