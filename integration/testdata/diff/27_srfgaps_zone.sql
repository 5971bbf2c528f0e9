-- time and timetz AT TIME ZONE: a timetz at the zone's offset, a time
-- taken at the session zone's (UTC here)
CREATE TABLE n27srfgaps_z (tm time, tz timetz);
INSERT INTO n27srfgaps_z VALUES ('10:30:00', '10:30:00+02'), ('23:45:10.25', '01:15:00-03:30'), (NULL, NULL);
SELECT tm AT TIME ZONE 'UTC', tz AT TIME ZONE 'UTC' FROM n27srfgaps_z;
SELECT tm AT TIME ZONE 'Asia/Tokyo', tz AT TIME ZONE '+05:30', tz AT TIME ZONE 'Asia/Kolkata' FROM n27srfgaps_z;
SELECT time '10:30' AT TIME ZONE 'UTC', timetz '10:30+02' AT TIME ZONE 'UTC', time '23:30:15.5' AT TIME ZONE 'Asia/Kolkata';
SELECT timetz '10:30+02' AT TIME ZONE 'Asia/Tokyo' AS t;
SELECT pg_typeof(time '10:30' AT TIME ZONE 'UTC');
-- differs: pg_typeof of an expression over a column is refused
SELECT pg_typeof(tz AT TIME ZONE 'UTC') FROM n27srfgaps_z LIMIT 1;
-- differs: a zone whose offset changes with the date is refused (PostgreSQL takes its offset at the current date)
SELECT timetz '10:30+02' AT TIME ZONE 'America/New_York';
DROP TABLE n27srfgaps_z;
