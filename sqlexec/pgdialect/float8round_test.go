package pgdialect

import "testing"

// round(float8) rounds half to even, round(numeric) half away from zero,
// as in PostgreSQL 15.
func TestRoundFloat8HalfEven(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE rf (id int PRIMARY KEY, f float8, r real, n numeric, i int4)`)
	execAll(t, db, `INSERT INTO rf VALUES (1, 2.5, 2.5, 2.5, 3), (2, 3.5, -0.5, -2.5, 4)`)
	for _, c := range []struct{ q, want string }{
		{"SELECT round(2.5::float8)", "2"},
		{"SELECT round(3.5::float8)", "4"},
		{"SELECT round(-2.5::float8)", "-2"},
		{"SELECT round(0.5::float8 + 2)", "2"},
		{"SELECT round(2.5)", "3"},
		{"SELECT round(-2.5)", "-3"},
		{"SELECT round(2.5::numeric)", "3"},
		{"SELECT round(2.45, 1)", "2.5"},
		{"SELECT round(f) FROM rf WHERE id = 1", "2"},
		{"SELECT round(f) FROM rf WHERE id = 2", "4"},
		{"SELECT round(r) FROM rf WHERE id = 2", "-0"},
		{"SELECT round(n) FROM rf WHERE id = 1", "3"},
		{"SELECT round(n) FROM rf WHERE id = 2", "-3"},
		{"SELECT round(f * 1) FROM rf WHERE id = 1", "2"},
		{"SELECT round(i) FROM rf WHERE id = 1", "3"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
