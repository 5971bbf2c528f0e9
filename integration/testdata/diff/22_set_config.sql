-- set_config(name, value, is_local) changes the session as SET / SET LOCAL
-- do, and current_setting() and SHOW agree with it after every change:
-- validation and refusals as SET's, is_local to the end of the
-- transaction, a rolled-back transaction undoes a session-level change,
-- custom (dotted) parameters, unknown and read-only ones refused.
SELECT set_config('timezone', 'Asia/Tokyo', false), current_setting('TimeZone');
SHOW TimeZone;
SELECT set_config('TimeZone', 'utc', false);
SHOW timezone;
SELECT set_config('search_path', '', false);
SHOW search_path;
SELECT current_schema() IS NULL, current_schemas(false), current_schemas(true);
SELECT set_config('search_path', 'pg_catalog, public', false), current_schemas(false);
SELECT pg_catalog.set_config('search_path', '"$user", public', false), current_schema();
SELECT set_config('application_name', 'setcfg', false), current_setting('application_name');
SHOW application_name;
SELECT set_config('statement_timeout', '10s', false);
SHOW statement_timeout;
SELECT set_config('statement_timeout', '0', false);
SELECT set_config('extra_float_digits', '2.4', false), current_setting('extra_float_digits');
SELECT set_config('client_min_messages', 'WARNING', false);
SHOW client_min_messages;
SELECT set_config('client_min_messages', 'notice', false);
-- invalid values: the same errors as SET
SELECT set_config('timezone', 'Nowhere/Bad', false);
SELECT set_config('client_min_messages', 'bogus', false);
SELECT set_config('extra_float_digits', '7', false);
SELECT set_config('client_encoding', 'NO_SUCH_ENCODING', false);
SELECT set_config('standard_conforming_strings', 'maybe', false);
-- names: unknown, malformed custom, read-only, NULL
SELECT set_config('no_such_setting', '1', false);
SET no_such_setting = 1;
SELECT set_config('1my.x', '1', false);
SELECT set_config('my.', '1', false);
SELECT set_config('server_version', '1', false);
SET server_version = '1';
SELECT set_config('shared_buffers', '1MB', false);
SELECT set_config('log_connections', 'on', false);
SELECT set_config('wal_level', 'minimal', false);
SELECT set_config(NULL, '1', false);
-- custom parameters
SELECT set_config('my.var', 'x', false), current_setting('my.var');
SHOW my.var;
SET my.var = 'y';
SELECT current_setting('my.var');
SELECT set_config('My.Mixed', 'v', false), current_setting('my.mixed');
SELECT set_config('a.b.c', 'deep', false), current_setting('a.b.c');
SELECT current_setting('my.never_set', true) IS NULL;
SELECT current_setting('my.never_set');
SELECT set_config('my.var', NULL, false), current_setting('my.var');
-- is_local outside a transaction: until the end of the statement
SELECT set_config('my.loc', 'in', true), current_setting('my.loc');
SELECT current_setting('my.loc');
SELECT set_config('my.nl', 'v', NULL), current_setting('my.nl');
-- in a transaction: is_local until its end; a rollback undoes the rest
BEGIN;
SELECT set_config('my.t1', 'local', true);
SELECT current_setting('my.t1');
SHOW my.t1;
COMMIT;
SELECT current_setting('my.t1');
BEGIN;
SELECT set_config('my.t2', 'session', false);
SELECT current_setting('my.t2');
ROLLBACK;
SELECT current_setting('my.t2', true);
BEGIN;
SELECT set_config('my.t3', 'kept', false);
COMMIT;
SELECT current_setting('my.t3');
BEGIN;
SELECT set_config('my.sp', 'a', false);
SAVEPOINT s1;
SELECT set_config('my.sp', 'b', false);
ROLLBACK TO SAVEPOINT s1;
SELECT current_setting('my.sp');
COMMIT;
SELECT current_setting('my.sp');
BEGIN;
SELECT set_config('timezone', 'America/New_York', true), current_setting('timezone');
COMMIT;
SHOW timezone;
-- a failing statement undoes its set_config
CREATE TABLE sc_t (id int PRIMARY KEY, name text);
INSERT INTO sc_t VALUES (1, 'a'), (2, 'b'), (3, 'c');
SELECT set_config('my.err', 'x', false), 1 / (id - 2) FROM sc_t ORDER BY id;
SELECT current_setting('my.err', true);
-- per row and in WHERE: each call in turn
SELECT set_config('my.last', name, false) FROM sc_t ORDER BY id;
SELECT current_setting('my.last');
SELECT id FROM sc_t WHERE set_config('my.where', id::text, false) IS NOT NULL ORDER BY id;
SELECT current_setting('my.where');
-- the session's settings in writes and in a transaction's reads
SELECT set_config('my.uid', '42', false);
INSERT INTO sc_t VALUES (4, current_setting('my.uid'));
BEGIN;
SELECT set_config('my.tx', 'seen', true);
SELECT current_setting('my.tx');
INSERT INTO sc_t VALUES (5, current_setting('my.tx'));
SELECT current_setting('my.tx');
COMMIT;
SELECT * FROM sc_t ORDER BY id;
-- set_config where it would change no session: a write, or a transaction after its first write
-- differs: raftsql refuses set_config in a statement that writes (0A000); PostgreSQL sets it
INSERT INTO sc_t VALUES (6, set_config('my.w', 'in insert', false));
-- differs: the write was refused, so the setting was not made
SELECT current_setting('my.w', true);
-- differs: raftsql refuses set_config in a statement that writes (0A000); PostgreSQL sets it
UPDATE sc_t SET name = set_config('my.w', name, false) WHERE id = 1;
BEGIN;
INSERT INTO sc_t VALUES (7, 'g');
-- differs: raftsql refuses set_config after the transaction's first write (0A000)
SELECT set_config('my.after', 'write', false);
ROLLBACK;
-- RESET and RESET ALL keep a custom parameter, empty
SET my.r = 'v';
RESET my.r;
SELECT current_setting('my.r');
SELECT set_config('my.r2', 'v', false);
RESET ALL;
SELECT current_setting('my.r2');
SHOW application_name;
-- search_path without public finds no user relation, as in PostgreSQL
SELECT set_config('search_path', '', false);
SELECT count(*) FROM sc_t;
SELECT count(*) FROM public.sc_t WHERE id <= 5;
INSERT INTO sc_t VALUES (8, 'h');
CREATE TABLE sc_u (a int);
SELECT count(*) FROM pg_class WHERE relname = 'sc_t';
WITH sc AS (SELECT 1 AS n) SELECT n FROM sc;
SET search_path = pg_catalog;
SELECT s.id FROM public.sc_t s JOIN sc_t u ON u.id = s.id;
RESET search_path;
SELECT count(*) FROM sc_t WHERE id <= 5;
DROP TABLE sc_t;
