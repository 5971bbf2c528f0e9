-- typedgaps_misc: an oid column's cast to int4 keeps the bits; ALTER
-- COLUMN TYPE without USING converts as PostgreSQL's assignment casts
-- (to text: the type's output text; money and oid only along their
-- casts, else 42804 with the USING hint); pg_get_serial_sequence of a
-- missing table or column is 42P01 / 42703; an expression in a set
-- operation's ORDER BY is 0A000.
CREATE TABLE n25typedgaps_o (id int, o oid, b bigint);
INSERT INTO n25typedgaps_o VALUES (1, 3000000000, 5), (2, 4294967295, 3000000000), (3, 7, NULL), (4, NULL, 1);
SELECT id, o::int4, CAST(o AS integer), o::int8 FROM n25typedgaps_o ORDER BY id;
SELECT id, n25typedgaps_o.o::int4 FROM n25typedgaps_o ORDER BY id;
SELECT id, b::int4 FROM n25typedgaps_o WHERE id <> 2 ORDER BY id;
SELECT b::int4 FROM n25typedgaps_o WHERE id = 2;
SELECT '3000000000'::oid::int4, '4294967295'::oid::int4;
CREATE TABLE n25typedgaps_at (ip inet, c cidr, b bool, f float8, r real, n numeric(6,2), d date, ts timestamp, iv interval, by bytea, u uuid, j jsonb, m money, mac macaddr, i2 int2, t time, x xml, o oid);
INSERT INTO n25typedgaps_at VALUES ('1.2.3.4', '10.0.0.0/8', true, 1.5e20, 0.1, 1.5, '2020-01-02', '2020-01-02 03:04:05', '1 day 2 hours', '\x0102', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"b":1, "a":2}', '12.5', '08:00:2b:01:02:03', 7, '10:11:12', '<a/>', 4000000000);
ALTER TABLE n25typedgaps_at ALTER COLUMN ip TYPE text, ALTER COLUMN c TYPE text, ALTER COLUMN b TYPE text, ALTER COLUMN f TYPE text, ALTER COLUMN r TYPE text, ALTER COLUMN n TYPE text, ALTER COLUMN d TYPE text, ALTER COLUMN ts TYPE text, ALTER COLUMN iv TYPE text, ALTER COLUMN by TYPE text, ALTER COLUMN u TYPE text, ALTER COLUMN j TYPE text, ALTER COLUMN m TYPE text, ALTER COLUMN mac TYPE text, ALTER COLUMN i2 TYPE text, ALTER COLUMN t TYPE text, ALTER COLUMN x TYPE text, ALTER COLUMN o TYPE text;
SELECT * FROM n25typedgaps_at;
CREATE TABLE n25typedgaps_ac (t text, i int, b bool, ip inet, f float8, r real, n numeric(6,2), s int2, m money, o oid, tm time, iv interval, v varchar(20));
INSERT INTO n25typedgaps_ac VALUES ('10.0.0.0/8', 7, true, '1.2.3.4/24', 2.5, 3.5, 2.5, 5, '3.25', 3000000000, '10:11:12', '1 day 02:03:04', '1.2.3.4');
ALTER TABLE n25typedgaps_ac ALTER COLUMN t TYPE cidr;
ALTER TABLE n25typedgaps_ac ALTER COLUMN t TYPE inet;
ALTER TABLE n25typedgaps_ac ALTER COLUMN t TYPE int;
ALTER TABLE n25typedgaps_ac ALTER COLUMN t TYPE bool;
ALTER TABLE n25typedgaps_ac ALTER COLUMN i TYPE bool;
ALTER TABLE n25typedgaps_ac ALTER COLUMN b TYPE int;
ALTER TABLE n25typedgaps_ac ALTER COLUMN v TYPE inet;
ALTER TABLE n25typedgaps_ac ALTER COLUMN ip TYPE cidr;
ALTER TABLE n25typedgaps_ac ALTER COLUMN s TYPE money;
ALTER TABLE n25typedgaps_ac ALTER COLUMN f TYPE money;
ALTER TABLE n25typedgaps_ac ALTER COLUMN m TYPE int;
ALTER TABLE n25typedgaps_ac ALTER COLUMN f TYPE oid;
ALTER TABLE n25typedgaps_ac ALTER COLUMN o TYPE int2;
ALTER TABLE n25typedgaps_ac ALTER COLUMN t TYPE cidr USING t::cidr;
ALTER TABLE n25typedgaps_ac ALTER COLUMN ip TYPE varchar(30);
ALTER TABLE n25typedgaps_ac ALTER COLUMN f TYPE int, ALTER COLUMN r TYPE int8, ALTER COLUMN n TYPE int2, ALTER COLUMN tm TYPE interval;
ALTER TABLE n25typedgaps_ac ALTER COLUMN m TYPE numeric(8,3);
ALTER TABLE n25typedgaps_ac ALTER COLUMN i TYPE money;
ALTER TABLE n25typedgaps_ac ALTER COLUMN o TYPE int4;
ALTER TABLE n25typedgaps_ac ALTER COLUMN f TYPE oid;
SELECT * FROM n25typedgaps_ac;
-- differs: interval -> time (ALTER COLUMN TYPE without USING, and ::time of an interval) is 22P02, PostgreSQL keeps the time of day
ALTER TABLE n25typedgaps_ac ALTER COLUMN iv TYPE time;
CREATE TABLE n25typedgaps_net (a inet, c cidr, m macaddr, m8 macaddr8);
INSERT INTO n25typedgaps_net VALUES ('1.2.3.4/24', '10.0.0.0/8', '08:00:2b:01:02:03', '08:00:2b:ff:fe:01:02:03');
ALTER TABLE n25typedgaps_net ALTER COLUMN a TYPE cidr, ALTER COLUMN c TYPE inet, ALTER COLUMN m TYPE macaddr8, ALTER COLUMN m8 TYPE macaddr;
SELECT * FROM n25typedgaps_net;
DROP TABLE n25typedgaps_net;
CREATE TABLE n25typedgaps_lit (id int, b bool, d date, m money, n numeric(5,2), v varchar(3), c char(3), i int);
INSERT INTO n25typedgaps_lit VALUES (1, NULL, NULL, NULL, NULL, NULL, NULL, NULL), (2, false, '2021-05-06', '7', 3.25, 'ab', 'x', 4);
SELECT coalesce(b, 'yes'), coalesce(d, '2020-1-2'), coalesce(m, '2'), coalesce(n, '1.5'), coalesce(v, 'longer'), coalesce(c, 'y') || '|', coalesce(i, '5') + 1 FROM n25typedgaps_lit ORDER BY id;
SELECT greatest(b, 'yes'), greatest(d, '2020-1-2'), greatest(m, '2'), greatest(n, '1.5'), least(n, '1.5', NULL), least(i, '5') FROM n25typedgaps_lit ORDER BY id;
SELECT coalesce(t.m, '0'), greatest('1', t.m) FROM n25typedgaps_lit t ORDER BY t.id;
SELECT coalesce(i, 'x') FROM n25typedgaps_lit WHERE id = 1;
-- differs: a quoted literal beside a column in CASE keeps its text
SELECT CASE WHEN id > 1 THEN m ELSE '0' END FROM n25typedgaps_lit ORDER BY id;
DROP TABLE n25typedgaps_lit;
CREATE TABLE n25typedgaps_s (id serial, v int);
CREATE TABLE "N25typedgaps Q" (id bigserial, "V" int);
SELECT pg_get_serial_sequence('n25typedgaps_missing', 'c');
SELECT pg_get_serial_sequence('public.n25typedgaps_missing', 'c');
SELECT pg_get_serial_sequence('n25typedgaps_s', 'nope');
SELECT pg_get_serial_sequence('n25typedgaps_s', 'ID');
SELECT pg_get_serial_sequence('"N25TYPEDGAPS_S"', 'id');
SELECT pg_get_serial_sequence('n25typedgaps_s', 'id'), pg_get_serial_sequence('n25typedgaps_s', 'v');
SELECT pg_get_serial_sequence('"N25typedgaps Q"', 'id'), pg_get_serial_sequence('"N25typedgaps Q"', 'V');
SELECT pg_get_serial_sequence(NULL, 'id'), pg_get_serial_sequence('n25typedgaps_s', NULL);
SELECT pg_get_serial_sequence('nosuchschema.t', 'id');
SELECT c.relname, pg_get_serial_sequence(c.relname, 'id') FROM pg_class c WHERE c.relname IN ('n25typedgaps_s', 'n25typedgaps_o') ORDER BY 1;
CREATE TABLE n25typedgaps_ua (a int);
CREATE TABLE n25typedgaps_ub (b int);
INSERT INTO n25typedgaps_ua VALUES (1), (2);
INSERT INTO n25typedgaps_ub VALUES (3), (2);
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY a;
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY 1 DESC;
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY (a) DESC;
SELECT a AS x, a AS y FROM n25typedgaps_ua UNION SELECT b, b FROM n25typedgaps_ub ORDER BY y DESC, 1;
-- positions
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY a + 1;
SELECT a FROM n25typedgaps_ua UNION ALL SELECT b FROM n25typedgaps_ub ORDER BY a + 1;
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY -a;
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY abs(a);
SELECT a FROM n25typedgaps_ua INTERSECT SELECT b FROM n25typedgaps_ub ORDER BY a * 2;
SELECT a FROM n25typedgaps_ua EXCEPT SELECT b FROM n25typedgaps_ub ORDER BY a::text;
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY a DESC, a + 1;
SELECT a AS x FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY x + 1;
SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY (a + 1) DESC NULLS LAST;
(SELECT a FROM n25typedgaps_ua) UNION (SELECT b FROM n25typedgaps_ub) ORDER BY a + 1;
SELECT * FROM (SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY -a) s;
WITH w AS (SELECT 1 AS a) SELECT a FROM w UNION SELECT b FROM n25typedgaps_ub ORDER BY a * 2 LIMIT 1;
INSERT INTO n25typedgaps_ua SELECT a FROM n25typedgaps_ua UNION SELECT b FROM n25typedgaps_ub ORDER BY a + 1;
DROP TABLE n25typedgaps_o;
DROP TABLE n25typedgaps_at;
DROP TABLE n25typedgaps_ac;
DROP TABLE n25typedgaps_s;
DROP TABLE "N25typedgaps Q";
DROP TABLE n25typedgaps_ua;
DROP TABLE n25typedgaps_ub;
