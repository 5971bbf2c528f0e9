package sqlexec

import "testing"

// TestRepeatedName: SQLite's k:1 for a repeated column name of a derived
// table is PostgreSQL's k, unless the statement spells the name itself.
func TestRepeatedName(t *testing.T) {
	for _, c := range []struct{ name, sql, want string }{
		{"k:1", `SELECT * FROM (SELECT 1 AS k, 2 AS k) d`, "k"},
		{"k2:12", `SELECT * FROM (SELECT 1 AS k2, 2 AS k2) d`, "k2"},
		{"k:1", `SELECT 1 AS "k:1"`, "k:1"},
		{"a:b", `SELECT * FROM v`, "a:b"},
		{"k:", `SELECT * FROM v`, "k:"},
	} {
		if got := repeatedName(c.name, c.sql); got != c.want {
			t.Errorf("repeatedName(%q, %q) = %q, want %q", c.name, c.sql, got, c.want)
		}
	}
}
