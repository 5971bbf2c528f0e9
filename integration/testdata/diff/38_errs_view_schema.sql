-- CREATE VIEW over a table of a schema raftsql does not have (only public
-- exists): PostgreSQL's 42P01 relation "s.t" does not exist (SQLite's
-- "view v cannot reference objects in database s" was an internal XX000).
CREATE TABLE e38errs_vt(a int);
CREATE VIEW e38errs_v AS SELECT * FROM s.e38errs_vt;
CREATE VIEW e38errs_v2 AS SELECT a FROM e38errs_vt WHERE a IN (SELECT a FROM other.t2);
CREATE VIEW e38errs_v3 AS SELECT * FROM "Sch".e38errs_vt;
CREATE VIEW public.e38errs_v4 AS SELECT * FROM public.e38errs_vt;
SELECT * FROM e38errs_v4;
