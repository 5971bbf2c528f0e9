-- EXTRACT(julian FROM timestamp): the day is floored (a time before 1970
-- was a day late: Unix()/86400 truncated toward zero) and the fraction of
-- the day is PostgreSQL's numeric division (20 digits, not a double's
-- shortest text). EXTRACT(isoyear) of a BC date counts 1 BC as -1, as
-- year does (it was 0, one off).
SET TIME ZONE 'UTC';
CREATE TABLE ex_ext (id int PRIMARY KEY, ts timestamp, d date);
INSERT INTO ex_ext VALUES (1, '1969-12-31 12:00', '1969-12-31'), (2, '1900-01-01 06:00:00.000001', '0001-01-01 BC'),
 (3, '2024-12-30 14:07:09.123456', '0010-01-01 BC'), (4, '0044-03-15 12:00:00.5 BC', '2021-01-01');
SELECT id, extract(julian FROM ts), date_part('julian', ts), extract(julian FROM d), extract(isoyear FROM ts), extract(isoyear FROM d), extract(year FROM d) FROM ex_ext ORDER BY id;
SELECT extract(julian FROM timestamp '1969-12-31 12:00'), extract(julian FROM timestamptz '1950-06-01 18:00+00'), extract(julian FROM timestamp '2024-01-01 23:59:59.999999');
SELECT extract(isoyear FROM date '0001-01-01'), extract(isoyear FROM date '0001-01-01 BC'), extract(isoyear FROM timestamptz '0044-03-15 12:00:00+00 BC');
DROP TABLE ex_ext;
