-- Date, timestamp and timestamptz values that are no column order by
-- value as the columns do (pg_datetime: BC years first, years past 9999
-- after 9999, the infinities at the ends): greatest/least (their value
-- too: max over coalesce calls compared the texts), coalesce, nullif and
-- CASE of columns, max(d) of a group, lag/first_value, a scalar
-- subquery, casts and make_date, in ORDER BY (by position and alias
-- too), window ORDER BY, min/max and derived tables; text columns keep
-- text order (pgdialect/datetime_value_order.go, datetime_common.go).
CREATE TABLE dtord_x (id int, d date, d2 date, ts timestamp, ts2 timestamp, tz timestamptz, tz2 timestamptz, t text, t2 text);
INSERT INTO dtord_x VALUES (1, '2024-01-01', '0044-03-15 BC', '2024-01-01 10:00', '12345-01-01 00:00', '2024-01-01 10:00+00', '2024-01-01 09:00+00', 'infinity', 'j'), (2, '12345-01-01', NULL, '0100-01-01 10:00 BC', NULL, '2023-01-01 10:00+05', NULL, '12345-01-01', '2024-01-01'), (3, '0100-01-01 BC', '2020-05-05', NULL, '2020-01-01', NULL, '1999-01-01 00:00+00', NULL, 'b'), (4, '2023-06-06', '0001-01-01 BC', '2023-06-06', '0001-01-01 BC', '2023-06-06 00:00+00', '0005-01-01 00:00+00 BC', '0044-03-15 BC', 'a'), (5, 'infinity', '0200-02-02 BC', '-infinity', '0200-02-02 BC', '-infinity', 'infinity', 'z', NULL);
SELECT id, greatest(d, d2), least(d, d2) FROM dtord_x ORDER BY id;
SELECT id, greatest(ts, ts2), least(ts, ts2), greatest(tz, tz2), least(tz, tz2) FROM dtord_x ORDER BY id;
SELECT id FROM dtord_x ORDER BY greatest(d, d2), id;
SELECT id FROM dtord_x ORDER BY least(ts, ts2) DESC, id;
SELECT id FROM dtord_x ORDER BY greatest(tz, tz2) NULLS FIRST, id;
SELECT id FROM dtord_x ORDER BY coalesce(d2, d), id;
SELECT id FROM dtord_x ORDER BY coalesce(ts2, ts) DESC, id;
SELECT id FROM dtord_x ORDER BY coalesce(tz2, tz), id;
SELECT id FROM dtord_x ORDER BY CASE WHEN id > 2 THEN d2 ELSE d END, id;
SELECT id FROM dtord_x ORDER BY nullif(d, '2023-06-06'), id;
SELECT id, coalesce(d2, d) AS c FROM dtord_x ORDER BY 2, id;
SELECT id, coalesce(d2, d) AS c FROM dtord_x ORDER BY c DESC, id;
SELECT id, greatest(d, d2) AS g FROM dtord_x ORDER BY g, id;
SELECT id FROM dtord_x ORDER BY coalesce(d2, ts), id;
SELECT id FROM dtord_x ORDER BY coalesce(ts2, tz), id;
SELECT id FROM dtord_x ORDER BY greatest(d, ts2), id;
SELECT max(coalesce(d2, d)), min(coalesce(d2, d)), max(greatest(ts, ts2)), min(least(ts, ts2)), min(coalesce(tz2, tz)), max(CASE WHEN id < 5 THEN d END) FROM dtord_x;
SELECT id > 2 AS k, max(coalesce(d2, d)), min(greatest(ts, ts2)) FROM dtord_x GROUP BY id > 2 ORDER BY 1;
SELECT DISTINCT coalesce(d2, d) FROM dtord_x ORDER BY 1;
SELECT coalesce(d2, d) AS c, count(*) FROM dtord_x GROUP BY coalesce(d2, d) ORDER BY c;
SELECT id, row_number() OVER (ORDER BY coalesce(d2, d)), rank() OVER (ORDER BY greatest(ts, ts2) DESC) FROM dtord_x ORDER BY id;
SELECT id, max(d) AS m FROM dtord_x GROUP BY id ORDER BY max(d), id;
SELECT id, max(d) AS m FROM dtord_x GROUP BY id ORDER BY 2 DESC, id;
SELECT id, lag(d) OVER (ORDER BY id) AS l FROM dtord_x ORDER BY l, id;
SELECT id FROM dtord_x ORDER BY first_value(d2) OVER (PARTITION BY id), id;
SELECT id FROM dtord_x ORDER BY (SELECT max(y.d) FROM dtord_x y WHERE y.id = dtord_x.id), id;
SELECT g FROM (SELECT greatest(d, d2) AS g FROM dtord_x) s ORDER BY g;
WITH c AS (SELECT coalesce(d2, d) AS g FROM dtord_x) SELECT g FROM c ORDER BY g;
SELECT id FROM dtord_x ORDER BY d::timestamp, id;
SELECT id FROM dtord_x ORDER BY CAST(d AS timestamptz) DESC, id;
SELECT id FROM dtord_x ORDER BY coalesce(d2, d)::timestamp, id;
SELECT max(d::timestamp), min(ts::date) FROM dtord_x;
SELECT id FROM dtord_x ORDER BY make_date(CASE id WHEN 1 THEN 12345 WHEN 2 THEN -5 ELSE 2000 END, 1, 1), id;
SELECT id, coalesce(t, t2) FROM dtord_x ORDER BY coalesce(t, t2), id;
SELECT max(coalesce(t, t2)), min(coalesce(t2, t)), greatest(max(t), 'k') FROM dtord_x;
SELECT id FROM dtord_x WHERE coalesce(d2, d) < '0001-01-01' ORDER BY id;
SELECT id FROM dtord_x WHERE greatest(d, d2) > '9999-12-31' ORDER BY id;
SET TimeZone = 'America/New_York';
SELECT id FROM dtord_x ORDER BY coalesce(tz2, ts), id;
SELECT id, coalesce(tz2, tz) FROM dtord_x ORDER BY 2, id;
RESET TimeZone;
DROP TABLE dtord_x;
