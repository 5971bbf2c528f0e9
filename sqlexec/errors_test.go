package sqlexec

import "testing"

// TestMapErrorColumns: SQLite's column errors become PostgreSQL's, never
// an internal error (XX000): an ambiguous name is 42702, a missing
// qualified column is named unquoted as PostgreSQL's errorMissingColumn
// names it, an unqualified one quoted.
func TestMapErrorColumns(t *testing.T) {
	for _, c := range []struct{ msg, code, want string }{
		{"ambiguous column name: key", "42702", `column reference "key" is ambiguous`},
		{"no such column: e.type", "42703", "column e.type does not exist"},
		{"no such column: nope", "42703", `column "nope" does not exist`},
	} {
		e := mapError(&sqliteErr{code: 1, msg: c.msg, offset: -1}, "SELECT 1")
		if e.Code != c.code || e.Message != c.want {
			t.Errorf("%s: %s %s, want %s %s", c.msg, e.Code, e.Message, c.code, c.want)
		}
	}
}
