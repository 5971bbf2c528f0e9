-- x AT TIME ZONE zone_column: PostgreSQL names the column timezone (it is
-- timezone(zone, x)). The zone column at the item's end was read as an
-- implicit alias, so no name was given and the client saw the SQLite
-- expression's text as the column's name (pgdialect/aliases.go
-- itemName, figure: a qualified zone column too).
SET TIME ZONE 'Europe/Berlin';
CREATE TABLE tf_atz (id int, at timestamptz, ts timestamp, tzname text);
INSERT INTO tf_atz VALUES (1, '2024-03-31 01:30+01', '2024-03-31 02:30', 'America/New_York'), (2, '2024-10-27 02:30+02', '2024-10-27 02:30', 'Asia/Kolkata'), (3, '2024-12-31 23:30+00', '2024-01-01', 'UTC');
SELECT id, at AT TIME ZONE tzname, ts AT TIME ZONE tzname FROM tf_atz ORDER BY id;
SELECT id, at AT TIME ZONE a.tzname FROM tf_atz a ORDER BY id;
SELECT at AT TIME ZONE tzname AS local_at, ts AT TIME ZONE tzname local_ts FROM tf_atz ORDER BY id;
SELECT id, timezone(tzname, at) FROM tf_atz ORDER BY id;
SELECT id, at AT TIME ZONE 'UTC', (at AT TIME ZONE tzname)::date FROM tf_atz ORDER BY id;
DROP TABLE tf_atz;
