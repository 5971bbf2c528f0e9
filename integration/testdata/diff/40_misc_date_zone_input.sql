-- A date followed at once by a time zone is PostgreSQL's date and zone
-- fields ('2023-06-06+00', '2023-06-06Z', '20230606+05:30'): the sign or
-- letter ends the date field. Was 22007. A numeric zone past 15 hours is
-- 22009 time zone displacement out of range (was 22007).
SELECT '2023-06-06+00'::timestamptz AS a, '2023-06-06 +00'::timestamptz AS b, '2023-06-06Z'::timestamptz AS c, '2023-06-06 Z'::timestamptz AS d;
SELECT '2023-06-06+05:30'::timestamptz AS a, '2023-06-06 10:00+05:30'::timestamptz AS b, '2023-06-06 10:00 +05:30'::timestamptz AS c, '2023-06-06+0530'::timestamptz AS d;
SELECT '2023-06-06+05:30:15'::timestamptz AS a, '20230606+00'::timestamptz AS b, '2023-06-06+00'::timestamptz(0) AS c, '08-Jan-1999+02'::timestamptz AS d;
SELECT '2023-06-06utc'::timestamptz AS a, '2023-06-06est'::timestamptz AS b, '2023-06-06+00 10:00'::timestamptz AS c, '2023-06-06z10:00'::timestamptz AS d;
SELECT '2023-06-06+00'::timestamp AS a, '2023-06-06 +00'::timestamp AS b, '2023-06-06Z'::timestamp AS c;
SELECT '2023-06-06+00'::date AS a, '2023-06-06 +00'::date AS b, '2023-06-06Z'::date AS c, '2023-06-06 10:00+05:30'::date AS d;
SELECT '2023-06-06+00'::timestamptz = '2023-06-06 00:00+00'::timestamptz AS eq;
SELECT '1999-01-08 04:05:06'::timestamptz AS a, 'January 8, 1999'::date AS b, '1/8/1999'::date AS c, '08-Jan-1999'::date AS d, '19990108'::date AS e, 'J2451187'::date AS f, '1999.01.08'::date AS g;
SELECT '2023-06-06-07'::timestamptz;
SELECT '2023-06-06-08:00'::timestamptz;
SELECT '2023-06-06abc'::timestamptz;
SELECT '2023-06-06x'::timestamptz;
SELECT '2023-06-06+25'::timestamptz;
SELECT '2023-06-06 10:00+25'::timestamptz;
SELECT '2023-06-06 10:00+05:60'::timestamptz;
CREATE TABLE misc_dz (id int, tz timestamptz, d date);
INSERT INTO misc_dz VALUES (1, '2023-06-06+02', '2023-06-06Z');
SELECT id, tz, d FROM misc_dz WHERE tz = '2023-06-05 22:00Z';
DROP TABLE misc_dz;
