-- Interval input adds each field as PostgreSQL's DecodeInterval: the
-- whole part exactly, the fraction once into the next smaller unit,
-- rounded there. A fraction of a year is whole months ('1.05 years' is
-- 1 year 1 mon, before 1 year 18 days), a fraction of a microsecond
-- rounds half toward zero ('1.0000005 sec' is 1 second, before
-- 1.000001). Time-of-day fractions round half to even as
-- ParseFractionalSecond's rint ('.1234565' is .123456; a .NET-style
-- seven-digit fraction was rounded up).
CREATE TABLE ex_fi (id int PRIMARY KEY, iv interval, ts timestamp, t time);
INSERT INTO ex_fi VALUES
 (1, '1.05 years', '2024-01-01 00:00:00.1234565', '14:07:09.0000005'),
 (2, '1.01 years', '2024-01-01 00:00:00.1234575', '14:07:09.0000015'),
 (3, '1.0000005 sec', '2024-01-01 00:00:00.0000005', '14:07:09.0000025'),
 (4, '-0.0000015 sec', '2024-01-01 00:00:00.0000025', '23:59:59.9999995'),
 (5, '0.00000001 years', '2024-01-01 00:00:00.9999995', '00:00:00.1234565'),
 (6, '1.0000001 millennium', '2024-01-01 23:59:59.9999994', '00:00:00');
SELECT id, iv, ts, t FROM ex_fi ORDER BY id;
SELECT interval '1.05 years', interval '1.01 years', interval '0.1 decade', interval '2.3 centuries', interval '-1.05 years';
SELECT interval '1.0000005 sec', interval '0.0000015 sec', interval '0.0000025 sec', interval '-0.0000015 sec', interval '1.5 microseconds', interval '0.0005 ms';
SELECT interval '00:00:00.0000005', interval '00:00:00.0000015', interval '00:00:00.0000025', interval '-00:00:00.0000015';
SELECT interval '1 year 1.5 mons 1.5 days 1.5 hours 1.5 min 1.5 sec', interval '1.333333333 days', interval '1.999999999 mons', interval '1.5 weeks';
SELECT interval 'P1.05Y', interval 'P0.5M', interval 'PT1.0000005S', interval 'P1.5W', interval 'P1.01Y2.5D';
SELECT '1.05 years'::interval + date '2024-01-31', '1.05 years'::interval = interval '1 year 1 mon';
SELECT timestamp '2024-03-05 14:07:09.1234565', timestamp '2024-03-05 14:07:09.1234575', timestamptz '2024-01-01 00:00:00.0000025+00', time '14:07:09.0000005';
DROP TABLE ex_fi;
