package integration

import "testing"

// Role statements are transactional, as in PostgreSQL: committed or rolled
// back with their transaction block (also a multi-statement string), and
// their errors abort it. With RAFTSQL_REFERENCE_URL the same steps run
// against PostgreSQL.
func TestRolesInTransactions(t *testing.T) {
	urls := e2eURLs(t)
	conn := connectScript(t, urls[0])
	other := connectScript(t, urls[2])
	runScript(t, conn, []sqlStep{
		{sql: "DROP ROLE IF EXISTS txr_a, txr_b, txr_c"},
		{sql: "BEGIN"},
		{sql: "CREATE ROLE txr_a LOGIN PASSWORD 'pw-a'"},
		{sql: "SELECT rolname FROM pg_roles WHERE rolname = 'txr_a'", rows: "txr_a"},
		{sql: "COMMIT"},
		{sql: "BEGIN"},
		{sql: "CREATE ROLE txr_b"},
		{sql: "ALTER ROLE txr_a NOLOGIN"},
		{sql: "ROLLBACK"},
		{sql: "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname LIKE 'txr\\_%' ORDER BY 1", rows: "txr_a|true"},
		{sql: "BEGIN"},
		{sql: "CREATE ROLE txr_c"},
		{sql: "CREATE ROLE txr_a", code: "42710"},
		{sql: "SELECT 1", code: "25P02"},
		{sql: "ROLLBACK"},
		{sql: "CREATE ROLE txr_b; CREATE ROLE txr_c"},
		{sql: "CREATE ROLE txr_d; CREATE ROLE txr_a", code: "42710"},
		{sql: "BEGIN READ ONLY"},
		{sql: "CREATE ROLE txr_e", code: "25006"},
		{sql: "ROLLBACK"},
	})
	// Every node applied the committed ones, none of the rest.
	waitUntil(t, "roles replicated", func() bool {
		got, err := scriptQuery(other, "SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'txr\\_%'")
		return err == nil && got == "txr_a,txr_b,txr_c"
	})
	runScript(t, conn, []sqlStep{{sql: "DROP ROLE txr_a, txr_b, txr_c"}})
}
