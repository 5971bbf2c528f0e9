-- A RETURNING list with * (or t.*) in it left its other items unnamed:
-- RETURNING *, k * 2 named the column by SQLite's text of the translated
-- expression (pg_mul(k, 2, ...)), where PostgreSQL names it ?column?
-- (upper(name): upper, cnt::text: cnt).
CREATE TABLE gap2_rsi (k int PRIMARY KEY, name text, cnt int, price numeric(6,2), at timestamp);
INSERT INTO gap2_rsi VALUES (1, 'a', 1, 1.5, '2024-01-01 10:00'), (2, 'b', 2, 2.25, '2024-02-01 11:30');
UPDATE gap2_rsi SET cnt = cnt + 1 WHERE k = 1 RETURNING *, cnt + 1;
UPDATE gap2_rsi r SET cnt = 7 WHERE k = 2 RETURNING r.*, cnt::text, upper(name), price * 2 AS dbl;
DELETE FROM gap2_rsi WHERE k = 2 RETURNING *, upper(name), price / 3, at + interval '1 day', k = 2;
INSERT INTO gap2_rsi VALUES (5, 'e', 5, 9.99, '2024-03-01') RETURNING *, k * 2, name || '!', date_trunc('month', at);
INSERT INTO gap2_rsi VALUES (6, 'f', 6, 0.5, NULL) RETURNING k, *, k - 1 AS prev;
INSERT INTO gap2_rsi VALUES (1, 'x', 0, 0, NULL) ON CONFLICT (k) DO UPDATE SET cnt = gap2_rsi.cnt + 10 RETURNING *, cnt > 5, coalesce(at::date, '2000-01-01');
UPDATE gap2_rsi r SET cnt = 0 WHERE k = 5 RETURNING *, r.name, gap2_rsi.k;
UPDATE gap2_rsi r SET cnt = 0 WHERE k = 5 RETURNING *, r.name;
DROP TABLE gap2_rsi;
