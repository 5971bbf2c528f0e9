-- extract of a unit a date has not (hour, minute, second, timezone ...)
-- from a date constant is folded by PostgreSQL's planner: 0A000 "unit
-- "hour" not supported for type date" even when no row is read; an
-- unknown unit 22023 (pgdialect/planconst_extract.go). Over a column the
-- error comes per row, as here.
CREATE TABLE gap2_exd (id int, d date);
INSERT INTO gap2_exd VALUES (1, '2024-01-02'), (2, NULL);
SELECT extract(hour FROM '2020-02-29'::date) FROM gap2_exd WHERE false;
SELECT id FROM gap2_exd WHERE extract(minute FROM date '2020-02-29') = 1 AND false;
SELECT extract(second FROM CAST('2020-02-29' AS date)) FROM gap2_exd LIMIT 0;
SELECT extract('timezone' FROM '2020-02-29'::date) FROM gap2_exd WHERE id > 5;
SELECT extract(hours FROM '2020-02-29'::date) FROM gap2_exd WHERE false;
SELECT extract(foo FROM '2020-02-29'::date) FROM gap2_exd WHERE false;
SELECT extract(hour FROM 'infinity'::date) FROM gap2_exd WHERE false;
SELECT extract(hour FROM 'garbage'::date) FROM gap2_exd WHERE false;
SELECT CASE WHEN false THEN extract(hour FROM '2020-02-29'::date) END FROM gap2_exd WHERE false;
SELECT extract(hour FROM '2020-02-29'::date);
-- units a date has, and columns: answered
SELECT extract(day FROM '2020-02-29'::date) FROM gap2_exd WHERE false;
SELECT extract(doy FROM date '2020-02-29'), extract(epoch FROM '2020-02-29'::date);
SELECT extract(hour FROM d) FROM gap2_exd WHERE false;
SELECT extract(hour FROM d) FROM gap2_exd WHERE d IS NULL;
SELECT extract(hour FROM '2020-02-29 10:00'::timestamp) FROM gap2_exd WHERE false;
SELECT extract(hour FROM d) FROM gap2_exd;
DROP TABLE gap2_exd;
