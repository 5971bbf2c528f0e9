package integration

import "testing"

// TestObjectComments: COMMENT ON a view, an index, a sequence, a type, a
// constraint and the schema, read back through obj_description and
// pg_description, with PostgreSQL 15's errors (RAFTSQL_REFERENCE_URL runs
// the same steps against it); every node answers alike.
func TestObjectComments(t *testing.T) {
	urls := e2eURLs(t)
	runScript(t, connectScript(t, urls[0]), []sqlStep{
		{sql: "CREATE TYPE hue AS ENUM ('red', 'blue')"},
		{sql: "CREATE TABLE paint (id int PRIMARY KEY, t hue, n int CONSTRAINT paint_n_pos CHECK (n > 0))"},
		{sql: "CREATE VIEW paint_v AS SELECT id FROM paint"},
		{sql: "CREATE INDEX paint_t ON paint (t)"},
		{sql: "CREATE SEQUENCE paint_s"},
		{sql: "COMMENT ON VIEW paint_v IS 'a view'"},
		{sql: "COMMENT ON INDEX paint_t IS 'an index'"},
		{sql: "COMMENT ON SEQUENCE paint_s IS 'a sequence'"},
		{sql: "COMMENT ON TYPE hue IS 'a type'"},
		{sql: "COMMENT ON CONSTRAINT paint_n_pos ON paint IS 'positive'"},
		{sql: "COMMENT ON SCHEMA public IS 'paints'"},
		{sql: "COMMENT ON VIEW paint IS 'x'", code: "42809"},
		{sql: "COMMENT ON SEQUENCE paint IS 'x'", code: "42809"},
		{sql: "COMMENT ON VIEW nosuch IS 'x'", code: "42P01"},
		{sql: "COMMENT ON TYPE nosuch IS 'x'", code: "42704"},
		{sql: "COMMENT ON CONSTRAINT nosuch ON paint IS 'x'", code: "42704"},
		{sql: "COMMENT ON SCHEMA nosuch IS 'x'", code: "3F000"},
	})
	for _, u := range urls {
		runScript(t, connectScript(t, u), []sqlStep{
			{sql: "SELECT obj_description('paint_v'::regclass, 'pg_class'), obj_description('paint_t'::regclass, 'pg_class'), obj_description('paint_s'::regclass, 'pg_class')",
				rows: "a view|an index|a sequence"},
			{sql: "SELECT obj_description(oid, 'pg_type') FROM pg_type WHERE typname = 'hue'", rows: "a type"},
			{sql: "SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint WHERE conname = 'paint_n_pos'", rows: "positive"},
			{sql: "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'public'", rows: "paints"},
		})
	}
	runScript(t, connectScript(t, urls[0]), []sqlStep{
		{sql: "COMMENT ON VIEW paint_v IS NULL"},
		{sql: "COMMENT ON TYPE hue IS ''"},
		{sql: "DROP INDEX paint_t"},
		{sql: "CREATE INDEX paint_t ON paint (t)"},
		{sql: "SELECT obj_description('paint_v'::regclass, 'pg_class'), obj_description('paint_t'::regclass, 'pg_class')", rows: "<nil>|<nil>"},
		{sql: "SELECT obj_description(oid, 'pg_type') FROM pg_type WHERE typname = 'hue'", rows: "<nil>"},
		{sql: "COMMENT ON SCHEMA public IS 'standard public schema'"},
	})
}
