-- winrange_zone: RANGE offsets over timestamptz in a zone with DST. Hours
-- are fixed lengths; days are calendar days in the session TimeZone.
CREATE TABLE n27winrange_z (id int PRIMARY KEY, qty int, tz timestamptz);
INSERT INTO n27winrange_z VALUES (1, 1, '2024-03-09 12:00+00'), (2, 2, '2024-03-09 16:30+00'), (3, 4, '2024-03-10 16:00+00'), (4, 8, '2024-03-10 16:30+00'), (5, 16, '2024-03-20 12:00+00'), (6, 32, '2024-03-21 11:00+00');
SET TimeZone = 'America/New_York';
SELECT id, sum(qty) OVER (ORDER BY tz RANGE BETWEEN interval '24 hours' PRECEDING AND CURRENT ROW) FROM n27winrange_z ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY tz RANGE BETWEEN interval '1 hour 30 minutes' PRECEDING AND interval '30 minutes' FOLLOWING) FROM n27winrange_z WHERE id <= 4 ORDER BY id;
SELECT id, sum(qty) OVER (ORDER BY tz RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_z WHERE id >= 5 ORDER BY id;
-- differs: a day offset across the DST change is refused (0A000): PostgreSQL's day before 2024-03-10 16:00+00 in New York is 23 hours earlier
SELECT id, sum(qty) OVER (ORDER BY tz RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_z ORDER BY id;
RESET TimeZone;
SELECT id, sum(qty) OVER (ORDER BY tz RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW) FROM n27winrange_z ORDER BY id;
