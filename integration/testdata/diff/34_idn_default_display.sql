-- information_schema.columns.column_default and pg_get_expr(adbin) of
-- statement_timestamp(), transaction_timestamp() and clock_timestamp()
-- defaults showed now() (their translation), and ALTER COLUMN ... SET
-- DEFAULT CURRENT_TIMESTAMP / LOCALTIMESTAMP(2) / CURRENT_USER showed
-- now(), LOCALTIMESTAMP, current_user() (default_display.go): ORMs
-- compare this text with their models.
CREATE TABLE idn_ts (a timestamptz DEFAULT statement_timestamp(), b timestamptz DEFAULT transaction_timestamp(), c timestamptz DEFAULT clock_timestamp(), d timestamptz DEFAULT now(), e timestamptz DEFAULT Clock_Timestamp(), f int);
ALTER TABLE idn_ts ALTER COLUMN f TYPE timestamptz USING NULL;
ALTER TABLE idn_ts ALTER COLUMN f SET DEFAULT statement_timestamp();
ALTER TABLE idn_ts ADD COLUMN g timestamptz DEFAULT clock_timestamp();
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'idn_ts' ORDER BY ordinal_position;
SELECT adnum, pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'idn_ts'::regclass ORDER BY adnum;
INSERT INTO idn_ts (f) VALUES (DEFAULT);
INSERT INTO idn_ts (a, f) VALUES (DEFAULT, now()), ('2020-01-01', DEFAULT);
SELECT a IS NOT NULL, b IS NOT NULL, c IS NOT NULL, e IS NOT NULL, f IS NOT NULL, g IS NOT NULL FROM idn_ts ORDER BY a;
DROP TABLE idn_ts;
CREATE TABLE idn_sd (a timestamptz, b timestamp(3), c date, d text, e timestamptz NOT NULL DEFAULT now(), f time);
INSERT INTO idn_sd (d) VALUES ('x');
ALTER TABLE idn_sd ALTER a SET DEFAULT CURRENT_TIMESTAMP, ALTER b SET DEFAULT LOCALTIMESTAMP(2), ALTER c SET DEFAULT CURRENT_DATE, ALTER d SET DEFAULT CURRENT_USER;
ALTER TABLE idn_sd ALTER COLUMN e SET DEFAULT statement_timestamp();
ALTER TABLE idn_sd ALTER COLUMN f SET DEFAULT localtime;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'idn_sd' ORDER BY ordinal_position;
INSERT INTO idn_sd DEFAULT VALUES;
INSERT INTO idn_sd (a, d) VALUES (DEFAULT, 'y'), ('2020-01-01', DEFAULT);
SELECT a IS NOT NULL, b IS NOT NULL, c = current_date, d, e IS NOT NULL, f IS NOT NULL FROM idn_sd ORDER BY d;
ALTER TABLE idn_sd ALTER a DROP DEFAULT;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'idn_sd' ORDER BY ordinal_position;
DROP TABLE idn_sd;
