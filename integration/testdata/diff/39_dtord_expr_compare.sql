-- A date/time column compared with an expression of another date/time
-- type (coalesce, nullif, CASE, greatest/least of columns, a cast,
-- make_date), either side, in =, <, IN, BETWEEN and ALL (ARRAY[...]):
-- PostgreSQL promotes the lower type in the session TimeZone; the stored
-- texts were compared (d = coalesce(tz, ts) never held). The compiled
-- statement's expression is typed from its columns' declared types
-- (pgdialect/datetime_expr_type.go, datetime_pair_compiled.go).
CREATE TABLE dtord_p (id int, d date, ts timestamp, tz timestamptz, ts2 timestamp);
INSERT INTO dtord_p VALUES (1, '2024-06-01', '2024-06-01 00:00', '2024-06-01 04:00+00', NULL), (2, '2024-06-01', '2024-06-01 10:00', NULL, '2024-05-31 23:00'), (3, '2024-06-02', NULL, '2024-06-02 00:00+00', '2024-06-02 00:00');
SET TimeZone = 'America/New_York';
SELECT id FROM dtord_p WHERE d = coalesce(tz, ts) ORDER BY id;
SELECT id FROM dtord_p WHERE d < coalesce(tz, ts) ORDER BY id;
SELECT id FROM dtord_p WHERE coalesce(tz, ts) = d ORDER BY id;
SELECT id FROM dtord_p WHERE d = coalesce(ts, ts2) ORDER BY id;
SELECT id FROM dtord_p WHERE d >= greatest(ts, ts2) ORDER BY id;
SELECT id FROM dtord_p WHERE d = least(ts, ts2) ORDER BY id;
SELECT id FROM dtord_p WHERE d = CASE WHEN id = 1 THEN tz ELSE ts END ORDER BY id;
SELECT id FROM dtord_p WHERE ts = coalesce(tz, ts) ORDER BY id;
SELECT id FROM dtord_p WHERE nullif(ts, ts2) = d ORDER BY id;
SELECT id FROM dtord_p WHERE d IN (coalesce(tz, ts)) ORDER BY id;
SELECT id FROM dtord_p WHERE d IN (coalesce(tz, ts), ts2) ORDER BY id;
SELECT id FROM dtord_p WHERE d BETWEEN coalesce(ts2, ts) AND tz ORDER BY id;
SELECT id FROM dtord_p WHERE coalesce(tz, ts) BETWEEN d AND d + 1 ORDER BY id;
SELECT id FROM dtord_p WHERE d <> ALL (ARRAY[coalesce(tz, ts)]) ORDER BY id;
SELECT id FROM dtord_p WHERE timestamp '2024-06-01 00:00' = d ORDER BY id;
SELECT id FROM dtord_p WHERE make_date(2024, 6, 1) = ts ORDER BY id;
SELECT id FROM dtord_p WHERE coalesce(d, d) = ts ORDER BY id;
SELECT id FROM dtord_p WHERE greatest(d, ts) = tz ORDER BY id;
SELECT id FROM dtord_p WHERE d = ts::date ORDER BY id;
SELECT id FROM dtord_p WHERE ts = d::timestamptz ORDER BY id;
SELECT id, coalesce(tz, ts) = d AS eq FROM dtord_p ORDER BY id;
RESET TimeZone;
SELECT id FROM dtord_p WHERE d = coalesce(tz, ts) ORDER BY id;
DROP TABLE dtord_p;
