-- CURRENT_TIMESTAMP(p), LOCALTIMESTAMP(p), CURRENT_TIME(p), LOCALTIME(p):
-- the statement's (transaction's) start rounded to p fractional digits,
-- as the casts to timestamptz(p) ... time(p) round it.
SELECT extract(microseconds FROM current_timestamp(2))::bigint % 10000 AS us, extract(microseconds FROM localtimestamp(0))::bigint % 1000000 AS s0;
SELECT extract(microseconds FROM current_time(3))::bigint % 1000 AS t3, extract(microseconds FROM localtime(1))::bigint % 100000 AS t1;
-- rounded, not truncated: the same instant as the keyword alone
SELECT localtimestamp(0) = date_trunc('second', localtimestamp + interval '0.5 second') AS ts0, current_timestamp(3) = date_trunc('milliseconds', current_timestamp + interval '0.0005 second') AS tz3;
SELECT current_time(0) = (date_trunc('second', current_timestamp + interval '0.5 second'))::timetz AS tt0, localtime(2) = (localtimestamp(2))::time AS t2;
SELECT now()::timestamp(0) = localtimestamp(0) AS cast0, now()::timestamptz(1) = current_timestamp(1) AS cast1, current_timestamp (4) = current_timestamp(00004) AS spaced;
-- a precision over 6 is 6 (PostgreSQL warns that it was reduced)
SELECT current_timestamp(9) = current_timestamp AS p9;
-- a column DEFAULT with a precision: evaluated per row, shown as written
CREATE TABLE n29misc_np (i int, a timestamptz DEFAULT current_timestamp(0), b time DEFAULT localtime(2), c timestamp DEFAULT localtimestamp(3), d timetz DEFAULT current_time(1));
INSERT INTO n29misc_np (i) VALUES (1);
SELECT i, extract(microseconds FROM a)::bigint % 1000000 AS a0, extract(microseconds FROM b)::bigint % 10000 AS b2, extract(microseconds FROM c)::bigint % 1000 AS c3, extract(microseconds FROM d)::bigint % 100000 AS d1 FROM n29misc_np;
SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'n29misc_np'::regclass ORDER BY adnum;
DROP TABLE n29misc_np;
-- positions
SELECT current_date(1);
SELECT current_timestamp();
SELECT current_timestamp(1, 2);
SELECT current_timestamp(1e0);
SELECT localtime(x) FROM (SELECT 1 AS x) s;
