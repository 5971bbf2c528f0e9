package pgdialect

import "testing"

// TestCaseResultCollation: a CASE whose condition names a collation
// before a result that names one gets that result's after its END; one
// whose first collation is a result's, or none of whose results names
// one, is left as it is.
func TestCaseResultCollation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"SELECT CASE WHEN f(x COLLATE pg_numeric) > 0 THEN g(t) COLLATE BINARY ELSE 'x' END FROM t",
			"SELECT CASE WHEN f(x COLLATE pg_numeric) > 0 THEN g(t) COLLATE BINARY ELSE 'x' END COLLATE BINARY FROM t"},
		// the ELSE's, the first result that names one
		{"SELECT CASE WHEN x COLLATE pg_numeric > 0 THEN t ELSE f(t COLLATE A, u) COLLATE B END",
			"SELECT CASE WHEN x COLLATE pg_numeric > 0 THEN t ELSE f(t COLLATE A, u) COLLATE B END COLLATE B"},
		// a result first: SQLite's choice is already a result's
		{"SELECT CASE WHEN b THEN t COLLATE BINARY WHEN x COLLATE pg_numeric > 0 THEN u END",
			"SELECT CASE WHEN b THEN t COLLATE BINARY WHEN x COLLATE pg_numeric > 0 THEN u END"},
		// no result names one: left to the ORDER BY key (case_collation.go)
		{"SELECT CASE WHEN x COLLATE pg_numeric > 0 THEN t ELSE u END",
			"SELECT CASE WHEN x COLLATE pg_numeric > 0 THEN t ELSE u END"},
		// a subquery's collation stays inside it
		{"SELECT CASE WHEN (SELECT x COLLATE pg_numeric FROM s) > 0 THEN t COLLATE BINARY END",
			"SELECT CASE WHEN (SELECT x COLLATE pg_numeric FROM s) > 0 THEN t COLLATE BINARY END"},
		// the base expression of a simple CASE comes first too
		{"SELECT CASE x COLLATE pg_numeric WHEN 1 THEN t COLLATE BINARY END",
			"SELECT CASE x COLLATE pg_numeric WHEN 1 THEN t COLLATE BINARY END COLLATE BINARY"},
		// nested: the inner CASE is fixed first, the outer reads its result
		{"SELECT CASE WHEN x COLLATE N > 0 THEN CASE WHEN y COLLATE N > 0 THEN t COLLATE B END END",
			"SELECT CASE WHEN x COLLATE N > 0 THEN CASE WHEN y COLLATE N > 0 THEN t COLLATE B END COLLATE B END COLLATE B"},
		// a collation named after END already
		{"SELECT CASE WHEN x COLLATE N > 0 THEN t COLLATE B END COLLATE C",
			"SELECT CASE WHEN x COLLATE N > 0 THEN t COLLATE B END COLLATE C"},
	} {
		if got := caseResultCollation(c.in); got != c.want {
			t.Errorf("caseResultCollation(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}
