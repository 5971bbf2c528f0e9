package pgdialect

import "testing"

// A float8 NaN is refused (0A000) where it would silently become NULL;
// the infinities work (float8nan.go).
func TestFloat8NaNRefused(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT 'Infinity'::float8 + 1 > 1e308::float8", "t"},
		{"SELECT '-inf'::float8 < 0", "t"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	for _, q := range []string{
		"SELECT 'NaN'::float8",
		"SELECT 'nan'::real",
		"SELECT 'Infinity'::float8 - 'Infinity'::float8",
		"SELECT 'NaN'::numeric::float8",
	} {
		if code := execCode(db, q); code != "0A000" {
			t.Errorf("%s: SQLSTATE %q, want 0A000", q, code)
		}
	}
}
