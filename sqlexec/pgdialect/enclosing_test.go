package pgdialect

import "testing"

// TestEnclosingSplit checks that a rewrite keeps a bound's own wrapping
// with the bound and moves only what encloses the test outside it.
func TestEnclosingSplit(t *testing.T) {
	for _, c := range []struct{ body, suf, own, enc string }{
		{"pg_date_as(pg_cast_date('2024-12-31')", ", (SELECT f(t, 'd')))", ", (SELECT f(t, 'd')))", ""},
		{"5", ")", "", ")"},
		{"pg_x(5", "), 'a)')", ")", ", 'a)')"},
		{"5", " IS NULL", "", " IS NULL"},
		{"5", "", "", ""},
	} {
		own, enc := enclosingSuffix(c.body, c.suf)
		if own != c.own || enc != c.enc {
			t.Errorf("enclosingSuffix(%q, %q) = %q, %q; want %q, %q", c.body, c.suf, own, enc, c.own, c.enc)
		}
	}
	for _, c := range []struct{ pre, body, enc, own string }{
		{"pg_date_as(", "d, 'timestamp')", "", "pg_date_as("},
		{"(", "d", "(", ""},
		{"coalesce((", "d), 0", "coalesce(", "("},
		{"NOT ", "d", "NOT ", ""},
	} {
		enc, own := enclosingPrefix(c.pre, c.body)
		if own != c.own || enc != c.enc {
			t.Errorf("enclosingPrefix(%q, %q) = %q, %q; want %q, %q", c.pre, c.body, enc, own, c.enc, c.own)
		}
	}
}
