-- A timestamp or timestamptz value compared with a bare column of
-- another date/time type: PostgreSQL promotes the lower type (a date is
-- its midnight, a timestamp its wall time in the session zone) and
-- compares instants. The value was compared as text with the column's
-- stored text (ts_col < now() read a local time against UTC, date_col =
-- '...'::timestamptz never held); now pg_dt_as takes it into the
-- column's text domain (pgdialect/datetime_as_column.go), fall-back
-- overlap instants included. A parameter declared timestamptz compared
-- with a timestamp or date column likewise (sqlexec/param_assign.go).
SET TIME ZONE 'America/New_York';
CREATE TABLE tf_dtc (id int, d date, ts timestamp, tz timestamptz);
INSERT INTO tf_dtc VALUES (1, '2024-11-02', '2024-11-03 00:59:59.999999', '2024-01-01 00:00-05'), (2, '2024-11-03', '2024-11-03 01:00', '2024-01-01 12:00-05'), (3, '2024-11-04', '2024-11-03 01:30', NULL), (4, '2024-03-10', '2024-11-03 02:00', NULL), (5, '2024-03-11', '2024-03-10 01:59:59', NULL), (6, NULL, '2024-03-10 03:00', NULL), (7, '2024-01-01', '2024-03-10 03:30', NULL);
SELECT id FROM tf_dtc WHERE d = '2024-01-01'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d = '2024-11-03 00:00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d < '2024-11-03 00:00:01'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d > '2024-11-03 04:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d >= '2024-11-03 04:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d <= '2024-11-03 03:59+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d > '2024-11-02 12:00'::timestamp ORDER BY 1;
SELECT id, d < '2024-03-10 12:00'::timestamp, d = '2024-03-10'::timestamp, d >= timestamp '2024-03-10 00:00:00.000001' FROM tf_dtc ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts >= '2024-11-03 01:00-05'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE tz >= '2024-01-01 12:00'::timestamp ORDER BY 1;
SELECT id FROM tf_dtc WHERE '2024-01-01 11:00'::timestamp < tz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts < '2024-11-03 05:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts <= '2024-11-03 05:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts = '2024-11-03 05:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts <> '2024-11-03 05:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts >= '2024-11-03 05:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts = '2024-11-03 06:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts > '2024-11-03 05:00:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts < '2024-03-10 07:00:00+00'::timestamptz ORDER BY 1;
SELECT id, ts = '2024-11-03 05:30:00+00'::timestamptz, ts < '2024-11-03 05:30:00+00'::timestamptz, '2024-11-03 05:30:00+00'::timestamptz > ts FROM tf_dtc ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts < '2024-11-03 06:00+00'::timestamptz - interval '30 minutes' ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts BETWEEN '2024-11-03 05:30:00+00'::timestamptz AND '2024-11-03 06:30+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d NOT BETWEEN '2024-11-02 12:00'::timestamp AND '2024-11-04'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE ts < 'infinity'::timestamptz AND id < 3 ORDER BY 1;
SELECT id FROM tf_dtc WHERE d > '-infinity'::timestamp AND id < 3 ORDER BY 1;
PREPARE tf_dtc_eq(timestamptz) AS SELECT id FROM tf_dtc WHERE ts = $1 ORDER BY 1;
EXECUTE tf_dtc_eq('2024-11-03 06:30+00');
EXECUTE tf_dtc_eq('2024-11-03 01:00');
PREPARE tf_dtc_d(timestamptz) AS SELECT id FROM tf_dtc WHERE d = $1 ORDER BY 1;
EXECUTE tf_dtc_d('2024-11-03 00:00');
EXECUTE tf_dtc_d('2024-11-03 04:00+00');
PREPARE tf_dtc_lt(timestamptz) AS SELECT id FROM tf_dtc WHERE d < $1 ORDER BY 1;
EXECUTE tf_dtc_lt('2024-11-03 00:00');
EXECUTE tf_dtc_lt('2024-11-03 00:00:01');
PREPARE tf_dtc_le(timestamptz) AS SELECT id FROM tf_dtc WHERE ts <= $1 ORDER BY 1;
EXECUTE tf_dtc_le('2024-11-03 01:00');
PREPARE tf_dtc_ins(timestamptz, timestamptz) AS INSERT INTO tf_dtc (id, d, ts) VALUES (9, $1, $2);
EXECUTE tf_dtc_ins('2024-11-03 23:30+00', '2024-11-03 05:30+00');
EXECUTE tf_dtc_ins('2024-11-03 00:00', '2024-11-03 06:30+00');
SELECT id, d, ts FROM tf_dtc WHERE id = 9 ORDER BY ts;
SET TIME ZONE 'Europe/Berlin';
SELECT id FROM tf_dtc WHERE ts < '2024-11-03 00:30:00+00'::timestamptz ORDER BY 1;
SELECT id FROM tf_dtc WHERE d = '2024-11-02 23:00+00'::timestamptz ORDER BY 1;
DEALLOCATE ALL;
DROP TABLE tf_dtc;
