package pgdialect

import "testing"

// isfinite is false for the infinite dates and timestamps only (the
// answers are PostgreSQL 15's).
func TestIsFinite(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT isfinite(date 'infinity')", "f"},
		{"SELECT isfinite(date '2024-01-01')", "t"},
		{"SELECT isfinite(timestamp '-infinity')", "f"},
		{"SELECT isfinite(timestamptz 'infinity')", "f"},
		{"SELECT isfinite(timestamp '2024-01-01 10:00')", "t"},
		{"SELECT isfinite(interval '1 day')", "t"},
		{"SELECT isfinite(NULL::date)", "<NULL>"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
