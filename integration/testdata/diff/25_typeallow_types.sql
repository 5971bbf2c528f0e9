-- the type allow-list (sqlexec/pgdialect/typeallow.go): every spelling of
-- an enforced type is accepted as PostgreSQL accepts it; a built-in type
-- raftsql does not enforce is refused with 0A000 where PostgreSQL accepts
-- it (the documented difference); a name PostgreSQL does not know is its
-- 42704, at its place
CREATE TABLE n25ty_ints (a int2, b int4, c int8, d int, e integer, f smallint, g bigint, h pg_catalog.int4);
INSERT INTO n25ty_ints VALUES (1, 2, 3, 4, 5, 6, 7, 8);
SELECT * FROM n25ty_ints;
CREATE TABLE n25ty_floats (a float4, b float8, c real, d float, e double precision, f numeric, g decimal(10,2), h numeric(5), i dec(4,1));
INSERT INTO n25ty_floats VALUES (1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.555, 8.5, 9.25);
SELECT * FROM n25ty_floats;
CREATE TABLE n25ty_texts (a text, b varchar, c varchar(10), d character varying(10), e char(3), f character(2), g char, h bpchar, i character varying);
INSERT INTO n25ty_texts VALUES ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i');
INSERT INTO n25ty_texts (c) VALUES ('01234567890');
SELECT * FROM n25ty_texts;
CREATE TABLE n25ty_times (a date, b time, c time(3), d time with time zone, e timetz, f timestamp, g timestamp(3), h timestamp with time zone, i timestamp(3) with time zone, j timestamp without time zone, k timestamptz, l time without time zone);
INSERT INTO n25ty_times VALUES ('2024-01-02', '10:11:12.3456', '10:11:12.3456', '10:11:12+02', '10:11:12+02', '2024-01-02 03:04:05.6789', '2024-01-02 03:04:05.6789', '2024-01-02 03:04:05+00', '2024-01-02 03:04:05.6789+00', '2024-01-02', '2024-01-02 03:04:05+00', '23:59');
SELECT a, b, c, f, g, j, l FROM n25ty_times;
CREATE TABLE n25ty_ivs (a interval, b interval day to second, c interval(2), d interval year, e interval hour to minute);
INSERT INTO n25ty_ivs VALUES ('1 day 02:03:04.567', '1 day 02:03:04.567', '1 day 02:03:04.567', '2 years 3 months', '1 day 02:03:04');
SELECT * FROM n25ty_ivs;
CREATE TABLE n25ty_misc (a bool, b boolean, c json, d jsonb, e uuid, f bytea);
INSERT INTO n25ty_misc VALUES ('yes', 'off', '{"b":1}', '{"b":1,"a":2}', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', '\x0102');
INSERT INTO n25ty_misc (a) VALUES ('maybe');
SELECT * FROM n25ty_misc;
CREATE TABLE n25ty_serials (a serial, b bigserial, c smallserial, d serial4, e serial8, f serial2);
INSERT INTO n25ty_serials DEFAULT VALUES;
SELECT * FROM n25ty_serials;
CREATE TABLE n25ty_arrays (a int[], b integer ARRAY, c text[][], d varchar(20)[], e int4[3], f numeric(4,1)[], g boolean[]);
INSERT INTO n25ty_arrays VALUES ('{1,2}', '{3}', '{a,b}', '{x}', '{4}', '{1.25}', '{t,f}');
SELECT * FROM n25ty_arrays;
SELECT '5'::int4, CAST('1.5' AS numeric(3,1)), int8 '7', '{1,2}'::int[] AS arr, 'x'::varchar(3), CAST('t' AS boolean), date '2024-01-02', '1 day'::interval;
-- built-in types raftsql does not enforce
CREATE TABLE n25ty_inet (a inet);
CREATE TABLE n25ty_cidr (a cidr);
CREATE TABLE n25ty_macaddr (a macaddr);
CREATE TABLE n25ty_macaddr8 (a macaddr8);
CREATE TABLE n25ty_money (a money);
CREATE TABLE n25ty_bit (a bit(3));
CREATE TABLE n25ty_varbit (a varbit, b bit varying(5));
CREATE TABLE n25ty_xml (a xml);
-- differs: type tsvector is not enforced (0A000)
CREATE TABLE n25ty_tsvector (a tsvector);
-- differs: type tsquery is not enforced (0A000)
CREATE TABLE n25ty_tsquery (a tsquery);
CREATE TABLE n25ty_int4range (a int4range);
CREATE TABLE n25ty_int8range (a int8range);
CREATE TABLE n25ty_numrange (a numrange);
CREATE TABLE n25ty_daterange (a daterange);
CREATE TABLE n25ty_tsrange (a tsrange);
CREATE TABLE n25ty_tstzrange (a tstzrange);
-- differs: type int4multirange is not enforced (0A000)
CREATE TABLE n25ty_int4multirange (a int4multirange);
-- differs: type point is not enforced (0A000)
CREATE TABLE n25ty_point (a point);
-- differs: type line is not enforced (0A000)
CREATE TABLE n25ty_line (a line);
-- differs: type lseg is not enforced (0A000)
CREATE TABLE n25ty_lseg (a lseg);
-- differs: type box is not enforced (0A000)
CREATE TABLE n25ty_box (a box);
-- differs: type path is not enforced (0A000)
CREATE TABLE n25ty_path (a path);
-- differs: type polygon is not enforced (0A000)
CREATE TABLE n25ty_polygon (a polygon);
-- differs: type circle is not enforced (0A000)
CREATE TABLE n25ty_circle (a circle);
CREATE TABLE n25ty_oid (a oid);
-- differs: type regclass is not enforced (0A000)
CREATE TABLE n25ty_regclass (a regclass);
-- differs: type regtype is not enforced (0A000)
CREATE TABLE n25ty_regtype (a regtype);
-- differs: type regproc is not enforced (0A000)
CREATE TABLE n25ty_regproc (a regproc);
-- differs: type pg_lsn is not enforced (0A000)
CREATE TABLE n25ty_pg_lsn (a pg_lsn);
-- differs: type txid_snapshot is not enforced (0A000)
CREATE TABLE n25ty_txid_snapshot (a txid_snapshot);
-- differs: type jsonpath is not enforced (0A000)
CREATE TABLE n25ty_jsonpath (a jsonpath);
CREATE TABLE n25ty_name (a name);
-- differs: type "char" is not enforced (0A000)
CREATE TABLE n25ty_char1 (a "char");
-- differs: type int2vector is not enforced (0A000)
CREATE TABLE n25ty_int2vector (a int2vector);
-- differs: type xid is not enforced (0A000)
CREATE TABLE n25ty_xid (a xid);
-- differs: arrays of inet are not enforced (0A000)
CREATE TABLE n25ty_inets (a inet[]);
CREATE TABLE n25ty_t (a int, b text);
ALTER TABLE n25ty_t ADD COLUMN c1 inet;
ALTER TABLE n25ty_t ADD c2 money;
ALTER TABLE n25ty_t ALTER COLUMN b TYPE name;
-- differs: type point is not enforced (0A000)
ALTER TABLE n25ty_t ALTER b SET DATA TYPE point USING NULL;
SELECT 'garbage'::inet;
SELECT '10.1.2.3'::inet << '10.0.0.0/8'::inet;
SELECT '12.5'::money + '1'::money;
SELECT CAST('<a/>' AS xml);
-- differs: type point is not enforced (0A000)
SELECT point '(1,2)';
-- differs: type box is not enforced (0A000)
SELECT box '((0,0),(1,1))' AS b;
SELECT '[1,5)'::int4range;
SELECT '12'::oid;
SELECT 'abc'::name;
SELECT CAST('08:00:2b:01:02:03' AS macaddr);
-- positions
-- names PostgreSQL does not know
CREATE TABLE n25ty_x (a footype);
CREATE TABLE n25ty_x (a int, b blob);
CREATE TABLE n25ty_x (a datetime);
CREATE TABLE n25ty_x (a string, b int);
CREATE TABLE n25ty_x (a hstore);
CREATE TABLE n25ty_x (a citext);
CREATE TABLE n25ty_x (a record);
CREATE TABLE n25ty_x (a anyelement);
CREATE TABLE n25ty_x (a unknown);
-- differs: an array of a name that may be an enum's is 0A000 (arrays of enums are not supported)
CREATE TABLE n25ty_x (a footype[]);
CREATE TABLE n25ty_x (a blob[]);
ALTER TABLE n25ty_t ADD COLUMN x footype;
ALTER TABLE n25ty_t ADD COLUMN x blob;
ALTER TABLE n25ty_t ALTER COLUMN b TYPE footype;
ALTER TABLE n25ty_t ALTER COLUMN b TYPE datetime;
SELECT 'x'::footype;
SELECT CAST('x' AS footype);
SELECT CAST('x' AS blob);
SELECT 'x'::datetime;
-- differs-message: the message names the type without its schema
SELECT 'x'::public.footype;
-- columns without a type (SQLite's) are PostgreSQL's syntax errors
CREATE TABLE n25ty_x (a, b);
CREATE TABLE n25ty_x (a);
CREATE TABLE n25ty_x (a, b int);
CREATE TABLE n25ty_x (a int, b);
CREATE TABLE n25ty_x (a PRIMARY KEY);
ALTER TABLE n25ty_t ADD COLUMN x;
-- an enum exists once CREATE TYPE made it
CREATE TABLE n25ty_e (m n25ty_mood);
CREATE TYPE n25ty_mood AS ENUM ('sad', 'ok');
CREATE TABLE n25ty_e (m n25ty_mood, n public.n25ty_mood);
INSERT INTO n25ty_e VALUES ('ok', 'sad');
ALTER TABLE n25ty_e ADD COLUMN o n25ty_mood;
ALTER TABLE n25ty_e ADD COLUMN p n25ty_nomood;
SELECT m::text, n::text, o::text, 'sad'::n25ty_mood::text AS s FROM n25ty_e;
CREATE TYPE n25ty_tint AS ENUM ('red');
-- differs: an enum whose name SQLite reads as one of its own types (int) is not supported as a column type (0A000)
CREATE TABLE n25ty_ti (a n25ty_tint);
BEGIN;
CREATE TYPE n25ty_mood2 AS ENUM ('x');
CREATE TABLE n25ty_e2 (m n25ty_mood2);
CREATE TABLE n25ty_e3 (m n25ty_mood3);
ROLLBACK;
-- citext is a type once CREATE EXTENSION citext made it
CREATE EXTENSION citext;
CREATE TABLE n25ty_ci (a citext PRIMARY KEY);
INSERT INTO n25ty_ci VALUES ('Abc');
INSERT INTO n25ty_ci VALUES ('aBC');
SELECT a::text FROM n25ty_ci WHERE a = 'ABC';
-- differs: a citext value outside a column is not supported (0A000)
SELECT 'A'::citext = 'a'::citext;
DROP TABLE n25ty_ci;
DROP EXTENSION citext;
CREATE TABLE n25ty_ci (a citext);
