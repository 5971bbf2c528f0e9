-- A typed literal as a column's DEFAULT without parentheses (d date
-- DEFAULT date '2024-01-01', interval '1 day', timestamp '...') was left
-- as written, since the word DEFAULT before the type name read as an
-- operand's end: SQLite's syntax error (42601) where PostgreSQL creates
-- the table. It is now the cast it is elsewhere (pgdialect/expr.go's
-- typedLiteralAt), the column definition's constraints kept outside it.
CREATE TABLE dtmix_dft (id int, d date DEFAULT date '2024-01-01' NOT NULL, t timestamp DEFAULT timestamp '2024-01-01 10:00', tz timestamptz DEFAULT timestamptz '2024-01-01 10:00+02', iv interval DEFAULT interval '1 day', n numeric DEFAULT numeric '1.5', tm time DEFAULT time '10:00', b bool DEFAULT bool 't');
INSERT INTO dtmix_dft (id) VALUES (1);
INSERT INTO dtmix_dft (id, d) VALUES (2, date '0044-03-15 BC');
SELECT * FROM dtmix_dft ORDER BY id;
ALTER TABLE dtmix_dft ALTER COLUMN d SET DEFAULT date '2025-01-01';
ALTER TABLE dtmix_dft ADD COLUMN e date DEFAULT date '2026-01-01';
INSERT INTO dtmix_dft (id) VALUES (3);
SELECT id, d, e FROM dtmix_dft ORDER BY id;
CREATE TABLE dtmix_dft2 (id int, iv interval DEFAULT interval '1 day');
INSERT INTO dtmix_dft2 VALUES (1, '1 mon'), (2, '3 days'), (3, '25 hours'), (4, '30 days');
INSERT INTO dtmix_dft2 (id) VALUES (5);
SELECT id, iv FROM dtmix_dft2 ORDER BY iv, id;
SELECT count(DISTINCT iv) FROM dtmix_dft2;
DROP TABLE dtmix_dft;
DROP TABLE dtmix_dft2;
