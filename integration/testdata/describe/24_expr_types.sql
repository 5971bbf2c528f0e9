-- Operators over operands whose types are read at run time, described on
-- empty tables (no value to read a type from) as PostgreSQL resolves
-- them from the declared types (issue 11).
CREATE TABLE dx_o (id int PRIMARY KEY, total numeric(12,2), n int, f float8, d date, ts timestamp, tz timestamptz, iv interval, scores int[], tags text[], j jsonb);
CREATE TABLE dx_p (id int PRIMARY KEY, amt numeric(10,2), k int);
SELECT ceil(total), floor(total), ceil(f), ceil(total) + 1 FROM dx_o;
SELECT scores || 4, 0 || scores, tags || 'z'::text, j - '{a}'::text[], j - 'a' FROM dx_o;
SELECT coalesce(total, 0) + amt, coalesce(n, 0) * 2, nullif(n, 3) + k FROM dx_o JOIN dx_p ON dx_p.id = dx_o.id;
SELECT date_bin('1 day', ts, timestamp '2000-01-01') + interval '1 hour', date_trunc('day', tz) - interval '1 day', -iv + iv FROM dx_o;
SELECT d + k, k + d, d - k, dx_o.d + dx_p.k FROM dx_o JOIN dx_p ON dx_p.id = dx_o.id;
DROP TABLE dx_p;
DROP TABLE dx_o;
