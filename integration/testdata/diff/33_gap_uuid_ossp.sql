-- the functions of uuid-ossp need CREATE EXTENSION "uuid-ossp" (42883
-- before, whatever the rows); gen_random_uuid() is always there
CREATE TABLE gap_uo (id int);
SELECT uuid_generate_v4() IS NOT NULL;
SELECT uuid_generate_v4() FROM gap_uo;
SELECT uuid_nil();
SELECT uuid_generate_v5(uuid_ns_url(), 'x');
SELECT uuid_generate_v3('6ba7b811-9dad-11d1-80b4-00c04fd430c8'::uuid, 'x');
SELECT public.uuid_ns_dns();
CREATE TABLE gap_uo2 (id uuid DEFAULT uuid_generate_v4());
SELECT gen_random_uuid() IS NOT NULL;
CREATE EXTENSION "uuid-ossp";
SELECT uuid_generate_v4() IS NOT NULL, uuid_nil();
SELECT uuid_generate_v5(uuid_ns_url(), 'x');
CREATE TABLE gap_uo2 (id uuid DEFAULT uuid_generate_v4(), n int);
INSERT INTO gap_uo2 (n) VALUES (1);
SELECT count(id) FROM gap_uo2;
DROP TABLE gap_uo2;
DROP EXTENSION "uuid-ossp";
SELECT uuid_nil();
BEGIN;
CREATE EXTENSION "uuid-ossp";
SELECT uuid_ns_oid();
ROLLBACK;
SELECT uuid_ns_oid() FROM gap_uo WHERE false;
DROP TABLE gap_uo;
