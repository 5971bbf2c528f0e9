-- Dates, timestamps and timestamptz values before year 1 (BC), of years
-- past 9999 and the infinities order and compare as PostgreSQL's values:
-- -infinity, then BC years from the earliest, then AD years by number,
-- then infinity. Their stored text sorted as text ('0044-03-15 BC'
-- between 0043 and 0045 AD, '12345-01-01' before '2024-01-01'); the
-- columns are now declared COLLATE pg_datetime
-- (pgdialect/datetime_order.go), so ORDER BY, <, BETWEEN, min/max,
-- DISTINCT, indexes and UNIQUE follow the values.
CREATE TABLE dtmix_bc (id int, d date, ts timestamp, tz timestamptz);
INSERT INTO dtmix_bc VALUES (1, '0044-03-15 BC', '0044-03-15 10:00 BC', '0044-03-15 10:00+00 BC'), (2, '2024-01-01', '2024-01-01 10:00', '2024-01-01 10:00+00'), (3, '0100-01-01 BC', '0100-01-01 BC', '0100-01-01 00:00+00 BC'), (4, '0044-12-31 BC', '0044-12-31 BC', '0044-12-31 BC'), (5, '12345-01-01', '12345-01-01', '12345-01-01'), (6, 'infinity', '-infinity', 'infinity'), (7, '0001-01-01', '0001-01-01', '0001-01-01'), (8, '-infinity', 'infinity', '-infinity'), (9, '0044-03-15 BC', '0044-03-15 09:59:59.5 BC', '0044-03-15 10:00:00.5+00 BC'), (10, NULL, NULL, NULL);
SELECT id, d FROM dtmix_bc ORDER BY d, id;
SELECT id, d FROM dtmix_bc ORDER BY d DESC, id;
SELECT id, ts FROM dtmix_bc ORDER BY ts, id;
SELECT id, tz FROM dtmix_bc ORDER BY tz, id;
SELECT min(d), max(d), min(ts), max(ts), min(tz), max(tz) FROM dtmix_bc;
SELECT min(d), max(d) FROM dtmix_bc WHERE d BETWEEN '0200-01-01 BC' AND '2000-01-01';
SELECT id FROM dtmix_bc WHERE d < '0001-01-01' ORDER BY id;
SELECT id FROM dtmix_bc WHERE d > '0044-06-01 BC' ORDER BY id;
SELECT id FROM dtmix_bc WHERE d BETWEEN '0100-01-01 BC' AND '0044-06-01 BC' ORDER BY id;
SELECT id FROM dtmix_bc WHERE d < date '0044-06-01 BC' ORDER BY id;
SELECT id FROM dtmix_bc WHERE ts > '0044-03-15 BC' AND ts < '0001-01-01' ORDER BY id;
SELECT id FROM dtmix_bc WHERE ts >= timestamp '0044-03-15 10:00 BC' ORDER BY id;
SELECT id FROM dtmix_bc WHERE tz < '0044-06-01 00:00+00 BC' ORDER BY id;
SELECT id FROM dtmix_bc WHERE tz > '9999-12-31 00:00+00' ORDER BY id;
SELECT id FROM dtmix_bc WHERE d IN ('0044-03-15 BC', '12345-01-01') ORDER BY id;
SELECT DISTINCT d FROM dtmix_bc ORDER BY d;
SELECT d, count(*) FROM dtmix_bc GROUP BY d ORDER BY d;
SELECT id, rank() OVER (ORDER BY d) FROM dtmix_bc ORDER BY id;
SELECT id, d + 1 AS n FROM dtmix_bc WHERE d > '-infinity' AND d < 'infinity' ORDER BY d + 1, id;
SELECT id, d FROM dtmix_bc ORDER BY d NULLS FIRST, id LIMIT 4;
CREATE INDEX dtmix_bc_d ON dtmix_bc (d);
CREATE INDEX dtmix_bc_tz ON dtmix_bc (tz);
SELECT id FROM dtmix_bc WHERE d < '0001-01-01' ORDER BY id;
SELECT id FROM dtmix_bc WHERE d >= '0044-03-15 BC' ORDER BY d, id;
SELECT id FROM dtmix_bc WHERE tz BETWEEN '0100-01-01 00:00+00 BC' AND '0001-01-01 00:00+00' ORDER BY tz;
SELECT max(d) FROM dtmix_bc WHERE d < '0001-01-01';
SELECT min(tz) FROM dtmix_bc WHERE tz > '-infinity';
CREATE TABLE dtmix_bc_u (d date UNIQUE);
INSERT INTO dtmix_bc_u VALUES ('0044-03-15 BC'), ('0044-03-15');
INSERT INTO dtmix_bc_u VALUES ('0044-03-15 BC');
SELECT d FROM dtmix_bc_u ORDER BY d;
DROP TABLE dtmix_bc_u;
DROP TABLE dtmix_bc;
