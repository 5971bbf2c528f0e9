-- an unqualified generate_series or unnest column beside a table is the
-- function's (a table's column of that name would be ambiguous): typed as
-- the series, so a quoted literal compared with a timestamp series is a
-- timestamp and s - u.ts is an interval
CREATE TABLE n27srf2_u (id int, ts1 timestamp, ts2 timestamp, ts timestamp, n int);
INSERT INTO n27srf2_u VALUES (1, '2023-12-31 00:00', '2024-01-02 00:00', '2023-12-30 12:00', 3);
SELECT id, s FROM n27srf2_u, generate_series(ts1::timestamp, ts2, interval '1 day') s WHERE s > '2024-01-01' ORDER BY s;
SELECT id, s FROM n27srf2_u, generate_series(ts1::timestamp, ts2, interval '1 day') s WHERE s.s > '2024-01-01' ORDER BY s;
SELECT id, s - n27srf2_u.ts AS d FROM n27srf2_u, generate_series(ts1::timestamp, ts2, interval '1 day') s ORDER BY s;
SELECT id, s - ts AS d FROM n27srf2_u, generate_series(n27srf2_u.ts1::timestamp, n27srf2_u.ts2, interval '1 day') s WHERE s >= '2024-01-01' ORDER BY s;
SELECT id, g FROM n27srf2_u, generate_series(timestamp '2024-01-01', n27srf2_u.ts2, '12 hours') g WHERE g <> '2024-01-01 12:00' ORDER BY g;
SELECT id, s::date - n27srf2_u.ts::date AS d FROM n27srf2_u, generate_series(ts1::timestamp, ts2, interval '1 day') s ORDER BY s;
SELECT id, g FROM n27srf2_u, generate_series(1, n27srf2_u.n) g WHERE g > '2' ORDER BY 1, 2;
SELECT id, g + 1 AS h FROM n27srf2_u, generate_series(1, n27srf2_u.n) g WHERE g >= '2' ORDER BY 1, 2;
SELECT id, u FROM n27srf2_u, unnest(ARRAY[1,2,10]) u WHERE u > '2' ORDER BY 1, 2;
