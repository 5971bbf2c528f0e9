package sqlexec

import "testing"

// COMMENT ON views, indexes, sequences, types, constraints and the schema
// are kept and shown as PostgreSQL 15 shows them, and go with their
// objects (integration/comments_test.go runs such steps against a
// cluster and a real server).
func TestObjectComments(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	desc := func(cls, obj string) string {
		return "SELECT obj_description(" + obj + ", '" + cls + "')"
	}
	steps := []sessStep{
		{a, "CREATE TYPE hue AS ENUM ('red', 'blue')", "", ""},
		{a, "CREATE TABLE ct (id int CONSTRAINT ct_pk PRIMARY KEY, h hue, n int CONSTRAINT ct_n_pos CHECK (n > 0), u text UNIQUE)", "", ""},
		{a, "CREATE VIEW cv AS SELECT id FROM ct", "", ""},
		{a, "CREATE INDEX ct_h ON ct (h)", "", ""},
		{a, "CREATE SEQUENCE cs", "", ""},
		{a, "COMMENT ON VIEW cv IS 'a view'", "C:COMMENT", ""},
		{a, "COMMENT ON INDEX ct_h IS 'an index'", "C:COMMENT", ""},
		{a, "COMMENT ON SEQUENCE cs IS 'a sequence'", "C:COMMENT", ""},
		{a, "COMMENT ON TYPE hue IS 'a type'", "C:COMMENT", ""},
		{a, "COMMENT ON CONSTRAINT ct_n_pos ON ct IS 'positive'", "C:COMMENT", ""},
		{a, "COMMENT ON CONSTRAINT ct_u_key ON public.ct IS 'unique u'", "C:COMMENT", ""},
		{a, "COMMENT ON SCHEMA public IS 'the schema'", "C:COMMENT", ""},
		{a, desc("pg_class", "'cv'::regclass"), "R[a view]", ""},
		{a, desc("pg_class", "'ct_h'::regclass"), "R[an index]", ""},
		{a, desc("pg_class", "'cs'::regclass"), "R[a sequence]", ""},
		{a, desc("pg_type", "(SELECT oid FROM pg_type WHERE typname = 'hue')"), "R[a type]", ""},
		{a, "SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'ct_n_pos'", "R[positive]", ""},
		{a, "SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'ct_u_key'", "R[unique u]", ""},
		{a, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'public'", "R[the schema]", ""},
		{a, "SELECT * FROM cv", "", ""},
		{a, "COMMENT ON VIEW cv IS 'again'", "", ""},
		{a, desc("pg_class", "'cv'::regclass"), "R[again]", ""},
		{a, "COMMENT ON VIEW cv IS NULL", "", ""},
		{a, "SELECT count(*) FROM pg_description WHERE objoid = 'cv'::regclass", "R[0]", ""},
		{a, "COMMENT ON SCHEMA public IS NULL", "", ""},
		{a, "SELECT count(*) FROM pg_description WHERE objoid = 2200", "R[0]", ""},
		{a, "COMMENT ON VIEW ct IS 'x'", "", "42809"},
		{a, "COMMENT ON INDEX cv IS 'x'", "", "42809"},
		{a, "COMMENT ON SEQUENCE ct IS 'x'", "", "42809"},
		{a, "COMMENT ON VIEW nosuch IS 'x'", "", "42P01"},
		{a, "COMMENT ON TYPE nosuch IS 'x'", "", "42704"},
		{a, "COMMENT ON CONSTRAINT nosuch ON ct IS 'x'", "", "42704"},
		{a, "COMMENT ON CONSTRAINT c ON nosuch IS 'x'", "", "42P01"},
		{a, "COMMENT ON SCHEMA nosuch IS 'x'", "", "3F000"},
		{a, "DROP INDEX ct_h", "", ""},
		{a, "CREATE INDEX ct_h ON ct (h)", "", ""},
		{a, desc("pg_class", "'ct_h'::regclass"), "R[<nil>]", ""},
		{a, "DROP SEQUENCE cs", "", ""},
		{a, "CREATE SEQUENCE cs", "", ""},
		{a, desc("pg_class", "'cs'::regclass"), "R[<nil>]", ""},
		{a, "DROP TABLE ct CASCADE", "", ""},
		{a, "DROP TYPE hue", "", ""},
		{a, "CREATE TYPE hue AS ENUM ('x')", "", ""},
		{a, desc("pg_type", "(SELECT oid FROM pg_type WHERE typname = 'hue')"), "R[<nil>]", ""},
		{a, "SELECT count(*) FROM pg_description WHERE classoid <> 1259 OR objsubid <> 0", "R[0]", ""},
	}
	runSessSteps(t, steps)
}
