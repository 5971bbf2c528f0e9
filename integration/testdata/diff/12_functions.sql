-- Everyday functions and aggregates (issue 11, funcs11): quoting, format,
-- to_hex, digests, pg_typeof, statistics and ordered-set aggregates.
CREATE TABLE fn_stats (g int, i int, b bigint, n numeric(10,2), f float8, t text, d date, iv interval);
INSERT INTO fn_stats VALUES
 (1, 1, 10, 1.10, 1.5, 'a', '2024-01-01', '1 day'),
 (1, 2, 20, 2.25, 2.5, 'b', '2024-01-03', '2 hours'),
 (1, 2, 30, 3.00, 4.0, 'b', '2024-01-02', '1 mon'),
 (2, 5, -7, -1.50, 0.1, 'z', '2023-12-31', '3 days'),
 (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (3, 4, 4, 4, 4, 'c', '2024-05-05', '1 year');
SELECT quote_literal('it''s'), quote_literal(42), quote_literal(NULL::text), quote_literal(E'a\\b');
SELECT quote_nullable(NULL::text), quote_nullable('x'), quote_nullable(7);
SELECT quote_ident('foo'), quote_ident('Foo bar'), quote_ident('select'), quote_ident('a"b');
SELECT format('%s, %s!', 'Hello', 'world'), format('%I.%I', 'public', 'My Table'), format('%L', 'O''Reilly'), format('%L', NULL);
SELECT format('%2$s %1$s %s', 'a', 'b', 'c'), format('|%5s|%-5s|', 'ab', 'cd'), format('|%*s|', 6, 'x'), format('%%');
SELECT format('%s', NULL), format(NULL, 1), format('x%sy', 1.5::float8);
SELECT format('%s %s', 'only one');
SELECT format('%z', 1);
SELECT format('%I', NULL);
SELECT format('%0$s', 1);
SELECT to_hex(255), to_hex(-1), to_hex(-1::bigint), to_hex(2147483648), to_hex(0), to_hex(NULL::int);
SELECT to_hex(b), to_hex(i) FROM fn_stats WHERE g = 2 AND i IS NOT NULL;
SELECT md5('abc'), sha224('abc'), sha256('abc'), sha384(''), sha512('abc'::bytea);
SELECT split_part('a,b,c', ',', -1), split_part('a,b,c', ',', -3), split_part('a,b,c', ',', -4), split_part('a,b,c', ',', 2);
SELECT split_part('a,b,c', ',', 0);
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('x'), pg_typeof(NULL), pg_typeof(now()), pg_typeof(2.5::float8), pg_typeof('1 day'::interval);
SELECT pg_typeof(i), pg_typeof(b), pg_typeof(n), pg_typeof(f), pg_typeof(t), pg_typeof(fn_stats.d), pg_typeof(iv) FROM fn_stats WHERE g = 3;
SELECT left('hello', -2), right('hello', -2), left('hello', 2), right('hello', 9), starts_with('hello', 'he'), ascii('A'), ascii('');
SELECT btrim('xxhixx', 'x'), ltrim('xyhi', 'yx'), rtrim('hixyx', 'xy'), translate('12345', '143', 'ax');
SELECT string_to_array('a,b,,c', ','), array_to_string(ARRAY['a', NULL, 'c'], ',', '*');
SELECT stddev(i), stddev_samp(i), stddev_pop(i), variance(i), var_samp(i), var_pop(i) FROM fn_stats;
SELECT stddev(b), variance(b), stddev(n), var_pop(n), stddev_pop(n), var_samp(n) FROM fn_stats;
SELECT stddev(f), variance(f), stddev_pop(f), var_pop(f) FROM fn_stats;
SELECT g, stddev(i), variance(n), var_pop(f) FROM fn_stats GROUP BY g ORDER BY g;
SELECT stddev(i), variance(n) FROM fn_stats WHERE false;
SELECT stddev(x), var_pop(x) FROM (VALUES (5), (5), (5)) v(x);
SELECT g, i, stddev(i) OVER (ORDER BY g, i ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING), var_pop(n) OVER (ORDER BY g, i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), variance(f) OVER (ORDER BY g, i ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM fn_stats ORDER BY g, i;
SELECT corr(f, i), covar_pop(f, i), covar_samp(f, i), regr_slope(f, i), regr_intercept(f, i), regr_r2(f, i), regr_count(f, i) FROM fn_stats;
SELECT regr_avgx(f, i), regr_avgy(f, i), regr_sxx(f, i), regr_syy(f, i), regr_sxy(f, i) FROM fn_stats;
SELECT corr(f, i), regr_count(f, i) FROM fn_stats WHERE false;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i), percentile_cont(0.25) WITHIN GROUP (ORDER BY f DESC), percentile_cont(0.3) WITHIN GROUP (ORDER BY n) FROM fn_stats;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n), percentile_disc(0.7) WITHIN GROUP (ORDER BY d), percentile_disc(0) WITHIN GROUP (ORDER BY t), percentile_disc(1) WITHIN GROUP (ORDER BY t) FROM fn_stats;
SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY i) AS median, mode() WITHIN GROUP (ORDER BY t) FROM fn_stats GROUP BY g ORDER BY g;
SELECT percentile_cont(0.3) WITHIN GROUP (ORDER BY iv), percentile_disc(0.5) WITHIN GROUP (ORDER BY iv) FROM fn_stats;
SELECT mode() WITHIN GROUP (ORDER BY i), mode() WITHIN GROUP (ORDER BY i DESC), mode() WITHIN GROUP (ORDER BY t) FILTER (WHERE g = 1) FROM fn_stats;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i) FROM fn_stats WHERE false;
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY i) FROM fn_stats;
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY i) FROM fn_stats;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY i) OVER () FROM fn_stats;
SELECT count(DISTINCT (g, i)), count(DISTINCT (t, d)), count((g, i)), count(DISTINCT ROW(g)) FROM fn_stats;
SELECT json_object_agg(t, i ORDER BY t) FROM fn_stats WHERE t IS NOT NULL;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::text, mode() WITHIN GROUP (ORDER BY t) FILTER (WHERE g < 3)::text FROM fn_stats;
SELECT percentile_cont(ARRAY[0.25, 0.5, NULL, 1]) WITHIN GROUP (ORDER BY i), percentile_disc(ARRAY[0, 0.5]) WITHIN GROUP (ORDER BY n), percentile_cont('{0.3}'::float8[]) WITHIN GROUP (ORDER BY iv) FROM fn_stats;
SELECT percentile_cont(ARRAY[0.5]) WITHIN GROUP (ORDER BY i) FROM fn_stats WHERE false;
SELECT percentile_cont(ARRAY[2]) WITHIN GROUP (ORDER BY i) FROM fn_stats;
SELECT quote_ident('int'), quote_ident('left'), quote_ident('json'), quote_ident('values'), format('%I', 'order'), format('%I', 'Name');
SELECT mode() WITHIN GROUP (ORDER BY x), mode() WITHIN GROUP (ORDER BY x DESC), mode() WITHIN GROUP (ORDER BY s) FROM (VALUES (2, 'b'), (1, 'a'), (2, 'b'), (1, 'a'), (3, 'c')) v(x, s);
SELECT trim(FROM '  x  ') || '|', trim(LEADING FROM '  x  ') || '|', trim(TRAILING 'xy' FROM 'axyx'), trim(BOTH 'é' FROM 'éaé'), trim(BOTH NULL FROM 'a');
SELECT trim(BOTH 'x' FROM 12::text || 'x'), substring(1234::text FROM 2 FOR 2), 1 IS DISTINCT FROM 2;
