package integration

import "testing"

// runTextScript is runScript on a simple-protocol connection to a fresh
// database (raftsql, or the reference PostgreSQL) comparing the values'
// text as the server sends it (jsonb as PostgreSQL prints it), rows
// joined by "|" and columns by "," (textRowsOIDs).
func runTextScript(t *testing.T, steps []sqlStep) {
	t.Helper()
	ctx, conn := simpleConn(t)
	runSteps(t, steps, func(sql string) (string, error) {
		got, _, err := textRowsOIDs(ctx, conn, sql)
		return got, err
	})
}
