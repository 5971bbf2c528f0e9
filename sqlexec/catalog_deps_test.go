package sqlexec

import "testing"

// Catalog rows migration tools read (atlas/ent, pg_dump): a serial
// column's sequence in pg_sequences and its ownership in pg_depend, and
// quoted "information_schema"."columns" (the same as unquoted).
func TestCatalogSequencesAndDepend(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE users(id bigserial PRIMARY KEY, name text)", "")
	mustQ(t, s, "SELECT schemaname, sequencename, data_type, max_value, increment_by FROM pg_sequences",
		"D[schemaname:19,sequencename:19,data_type:25,max_value:20,increment_by:20] R[public users_id_seq bigint 9223372036854775807 1] C:SELECT 1")
	mustQ(t, s, "SELECT d.deptype, c.relname, d.refobjsubid FROM pg_depend d JOIN pg_class c ON c.oid = d.objid WHERE d.refobjid = 'users'::regclass AND d.deptype = 'a'",
		"D[deptype:18,relname:19,refobjsubid:23] R[a users_id_seq 1] C:SELECT 1")
	mustQ(t, s, `SELECT count(*) FROM pg_depend WHERE deptype = 'e'`, "D[count:20] R[0] C:SELECT 1")
	// column_name is sql_identifier: described as name, as PostgreSQL does
	mustQ(t, s, `SELECT column_name FROM "information_schema"."columns" WHERE table_name = 'users' ORDER BY ordinal_position`,
		"D[column_name:19] R[id] R[name] C:SELECT 2")
	mustQ(t, s, "SELECT count(*) FROM pg_partitioned_table WHERE partattrs IS NOT NULL", "D[count:20] R[0] C:SELECT 1")
}
