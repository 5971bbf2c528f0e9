-- Column defaults as PostgreSQL displays them (information_schema,
-- pg_get_expr over pg_attrdef, what psql's \d reads): the date/time
-- keywords as written, with their precision, apart from now().
CREATE TABLE n28detail_def (id serial, a timestamptz DEFAULT CURRENT_TIMESTAMP, b timestamp DEFAULT LOCALTIMESTAMP, c date DEFAULT CURRENT_DATE, d uuid DEFAULT gen_random_uuid(), e text DEFAULT 'text', f int DEFAULT 0, g boolean DEFAULT true, h timestamptz DEFAULT now(), i jsonb DEFAULT '{}'::jsonb, j text[] DEFAULT ARRAY[]::text[], k time DEFAULT CURRENT_TIME, l time DEFAULT LOCALTIME, m timestamp(3) DEFAULT LOCALTIMESTAMP(3), n numeric DEFAULT 2.50, o varchar(10) DEFAULT 'x', p int DEFAULT -1, r float8 DEFAULT 1.5, u timestamptz DEFAULT CURRENT_TIMESTAMP(2), v jsonb DEFAULT '[1, 2]', w int[] DEFAULT '{1,2}', x bigint DEFAULT 10000000000, y text DEFAULT NULL, z interval DEFAULT '1 day', aa char(3) DEFAULT 'ab', dd date DEFAULT '2024-01-01');
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n28detail_def' ORDER BY ordinal_position;
SELECT a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum WHERE d.adrelid = 'n28detail_def'::regclass ORDER BY a.attnum;
SELECT attname, atthasdef FROM pg_attribute WHERE attrelid = 'n28detail_def'::regclass AND attnum > 0 ORDER BY attnum;
CREATE TABLE n28detail_def2 (a text[] DEFAULT '{}', b text[] DEFAULT '{}'::text[], d int[] DEFAULT ARRAY[1,2], e text[] DEFAULT ARRAY['a'], f json DEFAULT '{}', g json DEFAULT '{"a":1}'::json, h jsonb DEFAULT '[]'::jsonb, l int DEFAULT 10000000000, m timestamptz DEFAULT CURRENT_TIMESTAMP(0), q text DEFAULT 'it''s', s numeric(5,2) DEFAULT -1.5, v bigint DEFAULT 7, k numeric DEFAULT 99999999999999999999);
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n28detail_def2' ORDER BY ordinal_position;
INSERT INTO n28detail_def2 DEFAULT VALUES;
SELECT a, b, d, e, f, g, h, l, q, s, v, k, m IS NOT NULL AS m FROM n28detail_def2;
ALTER TABLE n28detail_def2 ADD COLUMN t timestamp DEFAULT LOCALTIMESTAMP;
SELECT column_default FROM information_schema.columns WHERE table_name = 'n28detail_def2' AND column_name = 't';
-- a numeric column's decimal constant default keeps its digits
CREATE TABLE n28detail_def3 (id int, n numeric DEFAULT 2.50, m numeric(6,2) DEFAULT 1.5, k numeric DEFAULT -0.50, h numeric DEFAULT .5, f float8 DEFAULT 2.50);
INSERT INTO n28detail_def3 (id) VALUES (1);
INSERT INTO n28detail_def3 VALUES (2, DEFAULT, 3, DEFAULT, DEFAULT, DEFAULT), (3, 4.0, DEFAULT, 1, 2, 3);
SELECT * FROM n28detail_def3 ORDER BY id;
ALTER TABLE n28detail_def3 ADD COLUMN a numeric DEFAULT 7.10;
SELECT id, a FROM n28detail_def3 ORDER BY id;
SELECT column_name, column_default FROM information_schema.columns WHERE table_name = 'n28detail_def3' ORDER BY ordinal_position;
