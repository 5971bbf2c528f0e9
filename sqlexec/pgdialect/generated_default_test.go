package pgdialect

import "testing"

// TestDropGeneratedDefaults: DEFAULT assigned to a generated column is
// dropped from the SET list; a list of only such assignments keeps the
// statement an UPDATE of the rows it matches.
func TestDropGeneratedDefaults(t *testing.T) {
	cols := func(string) ([]string, map[string]bool) {
		return []string{"id", "a", "g"}, map[string]bool{"g": true}
	}
	for _, c := range []struct{ in, want string }{
		{"UPDATE t SET g = DEFAULT WHERE id = 1", "UPDATE t SET id = id WHERE id = 1"},
		{"UPDATE t SET a = 7, g = DEFAULT RETURNING *", "UPDATE t SET a = 7 RETURNING *"},
		{"UPDATE t SET (a, g) = (8, DEFAULT)", "UPDATE t SET a = 8"},
		{"UPDATE t SET (g, a, id) = ROW(DEFAULT, 1, 2)", "UPDATE t SET (a, id) = ROW(1, 2)"},
		{"UPDATE t SET a = DEFAULT", "UPDATE t SET a = DEFAULT"},
		{"UPDATE t SET g = DEFAULT, g = DEFAULT", "UPDATE t SET g = DEFAULT, g = DEFAULT"},
		{"INSERT INTO t AS x (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET g = DEFAULT", "INSERT INTO t AS x (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = x.id"},
	} {
		if got := DropGeneratedDefaults(c.in, cols); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}
