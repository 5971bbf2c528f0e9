-- set-returning functions in FROM compared with quoted literals: an
-- integer series' or unnest's column compares as numbers, a timestamp
-- series' as timestamps (the literal takes the column's type)
CREATE TABLE n27srfgaps_t (id int, a int[]);
INSERT INTO n27srfgaps_t VALUES (1, ARRAY[1,2,3]);
SELECT g FROM generate_series(1, 3) g WHERE g > '1';
SELECT g FROM generate_series(1, 3) g WHERE g = '2';
SELECT g FROM generate_series(1, 3) g WHERE g IN ('1','2');
SELECT g FROM generate_series(1, 12) g WHERE g BETWEEN '2' AND '10';
SELECT g FROM generate_series(1, 12) g WHERE g >= '9' ORDER BY g DESC;
SELECT g % 2 AS m, count(*) FROM generate_series(1, 12) g WHERE g > '3' GROUP BY g % 2 ORDER BY m;
SELECT g FROM generate_series(1::bigint, 3) g WHERE g > '1';
SELECT g FROM generate_series(1.5, 3) g WHERE g > '2';
SELECT u FROM unnest(ARRAY[1,2,10]) u WHERE u > '2';
SELECT u FROM unnest(ARRAY[1,2,10]) u WHERE u IN ('2', '10') ORDER BY u;
SELECT u FROM n27srfgaps_t, unnest(ARRAY[1,2,10]) u WHERE u > '2';
SELECT g FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '1 day') g WHERE g > '2024-01-01';
SELECT g FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '1 day') g WHERE g = '2024-01-02';
SELECT g FROM generate_series('2024-01-01'::timestamptz, '2024-01-03', '1 day') g WHERE g <= '2024-01-02';
SELECT timestamp '2024-01-01' = '2024-01-01', '2024-01-01' < '2024-01-01'::timestamp, date '2024-01-01' = '2024-01-01';
DROP TABLE n27srfgaps_t;
