-- Date and timestamp input outside PostgreSQL's ranges (dates 4714-11-24
-- BC .. 5874897-12-31, timestamps 4714-11-24 00:00 BC .. before
-- 294277-01-01 UTC) is 22008; raftsql stored them (pgdialect/datetime_in.go).
SELECT '5874897-12-31'::date, '4714-11-24 BC'::date;
SELECT '5874898-01-01'::date;
SELECT '4714-11-23 BC'::date;
SELECT '294276-12-31 23:59:59'::timestamp, '294276-12-31 23:00+00'::timestamptz;
SELECT '294277-01-01'::timestamp;
SELECT '294277-01-01'::timestamptz;
SELECT '294276-12-31 23:59:59.9999999'::timestamp;
SELECT '4714-11-23 23:00 BC'::timestamp;
SELECT '4714-11-24 00:00+01 BC'::timestamptz;
SELECT '294276-12-31 23:00-05'::timestamptz;
CREATE TABLE me_dtr (d date, t timestamp, tz timestamptz);
INSERT INTO me_dtr VALUES ('12344-02-29', '12344-02-29 10:00', '12344-02-29 10:00+02');
INSERT INTO me_dtr (d) VALUES ('5874898-01-01');
INSERT INTO me_dtr (t) VALUES ('300000-01-01 00:00');
SELECT d, t, tz, d + 1 AS next FROM me_dtr ORDER BY d;
DROP TABLE me_dtr;
