-- to_regclass / to_regtype / to_regnamespace / to_regrole (migration
-- tools ask whether a table exists), a literal's reg* cast read as a
-- select item (the object's name), and their errors
CREATE TABLE n29me_reg (id int PRIMARY KEY, owner text);
CREATE INDEX n29me_reg_owner_idx ON n29me_reg (lower(owner));
SELECT to_regclass('n29me_reg'), to_regclass('n29me_nope'), to_regclass('public.n29me_reg'), to_regclass('"n29me_reg"'), to_regclass('N29ME_REG');
SELECT to_regclass('n29me_reg') IS NOT NULL, to_regclass('n29me_nope') IS NULL;
SELECT to_regclass('n29me_reg'::text);
SELECT pg_typeof(to_regclass('n29me_reg'));
SELECT to_regtype('int4'), to_regtype('n29me_nope'), to_regtype('character varying'), to_regtype('text[]');
SELECT to_regnamespace('public'), to_regnamespace('n29me_nope'), to_regrole('postgres'), to_regrole('n29me_nope');
SELECT 'n29me_reg'::regclass;
SELECT 'n29me_nope'::regclass;
SELECT 'int4'::regtype, 'public'::regnamespace;
SELECT 'n29me_nope'::regtype;
SELECT 'n29me_nope'::regnamespace;
SELECT count(*) FROM pg_attribute WHERE attrelid = 'n29me_reg'::regclass AND attnum > 0;
SELECT indexdef FROM pg_indexes WHERE tablename = 'n29me_reg' ORDER BY 1;
SELECT pg_get_indexdef('n29me_reg_owner_idx'::regclass);
