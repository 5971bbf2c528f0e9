-- A numeric generate_series refuses NaN and infinite bounds and steps
-- with PostgreSQL's 22023 messages, in its order (start, stop, then
-- step): a NaN start never ended (the node kept computing) and a NaN
-- step answered one row. From PostgreSQL's regression numeric.sql.
SELECT * FROM generate_series(0.0::numeric, 4.0::numeric);
SELECT * FROM generate_series(0.1::numeric, 4.0::numeric, 1.3::numeric);
SELECT * FROM generate_series(4.0::numeric, -1.5::numeric, -2.2::numeric);
SELECT * FROM generate_series(-100::numeric, 100::numeric, 0::numeric);
SELECT * FROM generate_series(-100::numeric, 100::numeric, 'nan'::numeric);
SELECT * FROM generate_series('nan'::numeric, 100::numeric, 10::numeric);
SELECT * FROM generate_series(0::numeric, 'nan'::numeric, 10::numeric);
SELECT * FROM generate_series('inf'::numeric, 'inf'::numeric, 10::numeric);
SELECT * FROM generate_series(0::numeric, 'inf'::numeric, 10::numeric);
SELECT * FROM generate_series(0::numeric, '42'::numeric, '-inf'::numeric);
SELECT * FROM generate_series('-inf'::numeric, 1::numeric);
SELECT * FROM generate_series(0::numeric, 'nan'::numeric, 0::numeric);
SELECT * FROM generate_series(1::numeric, 3::numeric, 'inf'::numeric);
SELECT * FROM generate_series('nan'::numeric, 3::numeric);
SELECT * FROM generate_series(1.5, 'nan'::numeric);
SELECT * FROM generate_series(NULL::numeric, 'nan'::numeric);
SELECT * FROM generate_series(1::numeric, NULL::numeric, 'nan'::numeric);
