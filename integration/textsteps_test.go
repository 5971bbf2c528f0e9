package integration

import "testing"

// textStep is a statement and its text result (rows joined by "|",
// columns by ","), or the SQLSTATE it fails with.
type textStep struct{ sql, want, code string }

// runTextSteps runs steps in order on one simple-protocol connection to a
// fresh database (raftsql, or the reference PostgreSQL) and reports every
// difference.
func runTextSteps(t *testing.T, steps []textStep) {
	t.Helper()
	ctx, conn := simpleConn(t)
	for _, c := range steps {
		got, _, err := textRowsOIDs(ctx, conn, c.sql)
		switch {
		case c.code != "":
			if pgCode(err) != c.code {
				t.Errorf("%s: got %q, %v; want SQLSTATE %s", c.sql, got, err, c.code)
			}
		case err != nil:
			t.Errorf("%s: %v", c.sql, err)
		case got != c.want:
			t.Errorf("%s:\n got %q\nwant %q", c.sql, got, c.want)
		}
	}
}
