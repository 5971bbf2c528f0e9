-- fuzz4_epoch_range: extract(epoch ...) of a timestamp past where the
-- Unix count of microseconds fits an int64 (from year 294247) is
-- PostgreSQL's numeric quotient at 4 decimals, printed at 6; the int64
-- wrapped negative here (found by the differential fuzz tester, seed
-- 2000016: '2020-02-29'::date + age of an infinite timestamp).
CREATE TABLE n27fuzz4_ep (id int PRIMARY KEY, ts timestamp, b bool, n2 numeric(10,2));
INSERT INTO n27fuzz4_ep VALUES (1, '2024-02-29 12:00:00', false, 0.00), (2, '2000-01-01 00:00:00', true, -2.50), (3, 'infinity', true, 99999999.99), (4, '1999-12-31 23:59:59.5', NULL, 1.50), (5, '2023-03-31 10:30:00', true, -0.50);
SELECT extract(epoch FROM TIMESTAMP '294247-01-10 04:00:54.775806'), extract(epoch FROM TIMESTAMP '294247-01-10 04:00:54.775807'), extract(epoch FROM TIMESTAMP '294247-01-10 04:00:54.775808');
SELECT extract(epoch FROM TIMESTAMP '294270-01-10 04:00:54.999951'), extract(epoch FROM TIMESTAMPTZ '294270-01-10 04:00:54.999949+00'), extract(epoch FROM DATE '5000000-01-01');
SELECT id, extract(epoch FROM '2020-02-29'::date + age(ts, TIMESTAMP '2024-02-29 12:00:00')) FROM n27fuzz4_ep ORDER BY id;
SELECT DISTINCT abs(round(abs(10.005), 1)) AS c1, extract(epoch FROM ('2020-02-29'::date + age(a.ts, TIMESTAMP '2024-02-29 12:00:00'))) AS c2, trunc(abs(a.n2), 1) AS c3 FROM n27fuzz4_ep a WHERE a.b ORDER BY 3 DESC, 2 DESC, 1;
