-- bytea input errors carry PostgreSQL's SQLSTATEs (they answered an
-- internal XX000): hex format's odd digit count or non-hex digit is
-- 22023, a bad escape-format backslash (a non-octal triple, a lone
-- trailing backslash) 22P02; whitespace between hex pairs is allowed.
-- From PostgreSQL's regression strings.sql.
CREATE TABLE rg_by (id int PRIMARY KEY, b bytea);
SELECT E'\\xDeAdBeEf'::bytea;
SELECT E'\\x De Ad Be Ef '::bytea;
SELECT E'\\xDeAdBeE'::bytea;
SELECT E'\\xDeAdBeEx'::bytea;
SELECT E'\\xDe00BeEf'::bytea;
SELECT E'DeAdBeEf'::bytea;
SELECT E'De\\000dBeEf'::bytea;
SELECT E'De\\123dBeEf'::bytea;
SELECT E'De\\678dBeEf'::bytea;
SELECT E'abc\\'::bytea;
SELECT E'ab\\12'::bytea;
SELECT E'a\\\\b'::bytea;
SELECT CAST(E'\\xZZ' AS bytea);
INSERT INTO rg_by VALUES (1, E'\\xabc');
INSERT INTO rg_by VALUES (2, E'\\xag');
INSERT INTO rg_by VALUES (3, E'x\\9');
INSERT INTO rg_by VALUES (4, E'\\x 01 02');
SELECT id, b FROM rg_by ORDER BY id;
DROP TABLE rg_by;
