package pgdialect

import "testing"

// TestWholeRowRef: a FROM item's alias, a table named without one and an
// aliased subquery are whole rows; an aliased table's own name, a column
// and an unknown name are not.
func TestWholeRowRef(t *testing.T) {
	cases := []struct {
		sql, name string
		want      bool
	}{
		{"SELECT array_agg(r) FROM t r", "r", true},
		{"SELECT array_agg(R) FROM t AS r", "R", true},
		{"SELECT array_agg(t) FROM t", "t", true},
		{"SELECT array_agg(r) FROM (SELECT id FROM t) r", "r", true},
		{"SELECT r FROM t JOIN u r ON r.k = t.k", "r", true},
		{"SELECT t FROM t r", "t", false},
		{"SELECT nosuch FROM t r", "nosuch", false},
	}
	for _, c := range cases {
		if _, got := WholeRowRef(c.sql, c.name); got != c.want {
			t.Errorf("%s (%s): %v, want %v", c.sql, c.name, got, c.want)
		}
	}
}
