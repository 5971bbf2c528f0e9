-- Parameters bound as text are read by their type's input function, in
-- the session's TimeZone (sqlexec/param_in.go, pgdialect/param_in.go):
-- a time, timetz, interval, char(n) or array parameter compared with a
-- column met the stored form only when written in it (t = $1 with
-- '10:00:00.000' found nothing), and a timestamptz without an offset was
-- read as UTC (an INSERT stored 05:00-05 for '10:00' in New York).
-- A timetz without a zone takes the session's (it took +00), and
-- concat/concat_ws/format print a timestamptz in the session's zone.
SET TIME ZONE 'America/New_York';
CREATE TABLE me_pt (id int, t time, tz timetz, iv interval, c char(3), ba bool[], ts timestamptz, d date, w timestamp);
PREPARE me_ins AS INSERT INTO me_pt VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9);
EXECUTE me_ins(1, '10:00', '10:00', '12.345', '  7', '{1,NULL}', '2024-01-01 10:00', 'Jan 2 2024', '2024-01-01 10:00+03');
EXECUTE me_ins(2, '23:59:59.5', '23:00-02', '1 day 02:00', 'ab', '{t,f}', '2024-07-01 12:00', '2024-07-01', '2024-07-01 12:00');
SELECT * FROM me_pt ORDER BY id;
PREPARE me_t AS SELECT id FROM me_pt WHERE t = $1;
EXECUTE me_t('10:00:00.000');
PREPARE me_tgt AS SELECT id FROM me_pt WHERE t > $1 ORDER BY id;
EXECUTE me_tgt('9:00');
PREPARE me_tz AS SELECT id FROM me_pt WHERE tz = $1;
EXECUTE me_tz('10:00');
EXECUTE me_tz('10:00-05');
PREPARE me_iv AS SELECT id FROM me_pt WHERE iv < $1 ORDER BY id;
EXECUTE me_iv('61');
EXECUTE me_iv('2 days');
PREPARE me_c AS SELECT id FROM me_pt WHERE c = $1;
EXECUTE me_c('  7 ');
PREPARE me_ba AS SELECT id FROM me_pt WHERE ba = $1;
EXECUTE me_ba('{1,NULL}');
EXECUTE me_ba('{true,false}');
PREPARE me_ts AS SELECT id FROM me_pt WHERE ts = $1;
EXECUTE me_ts('2024-01-01 10:00');
EXECUTE me_ts('2024-01-01 15:00+00');
PREPARE me_tslt AS SELECT id FROM me_pt WHERE ts < $1 ORDER BY id;
EXECUTE me_tslt('2024-07-01 11:00');
EXECUTE me_tslt('2024-07-01 16:00:01+00');
EXECUTE me_ts('2024-02-30');
EXECUTE me_ts('garbage');
EXECUTE me_iv('forever');
EXECUTE me_t('25:00');
CREATE TABLE me_pb (id int, b bool, u uuid);
INSERT INTO me_pb VALUES (1, true, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), (2, false, NULL);
PREPARE me_b AS SELECT id FROM me_pb WHERE b = $1;
EXECUTE me_b('yes');
EXECUTE me_b('f');
PREPARE me_u AS SELECT id FROM me_pb WHERE u = $1;
EXECUTE me_u('A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11');
DROP TABLE me_pb;
SELECT '10:00'::timetz, CAST('12:00' AS timetz);
SELECT concat_ws('|', id, ts), concat(ts, id), format('%s', ts) FROM me_pt ORDER BY id;
CREATE TABLE me_pc AS SELECT id, concat(ts, '!') AS c FROM me_pt;
SET TIME ZONE 'UTC';
SELECT * FROM me_pc ORDER BY id;
DEALLOCATE ALL;
DROP TABLE me_pt;
DROP TABLE me_pc;
