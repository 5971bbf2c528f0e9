package pgdialect

import (
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// The array orders PostgreSQL 15's array_cmp gives (checked against a
// real server): element by element by the element type, NULL elements
// last, a prefix first; the in-place path and the parsing path agree.
func TestCompareArrayText(t *testing.T) {
	for _, c := range []struct {
		elem uint32
		a, b string
		want int
	}{
		{pgoid.Int4, "{10}", "{9}", 1},
		{pgoid.Int4, "{9}", "{9,1}", -1},
		{pgoid.Int4, "{}", "{-3}", -1},
		{pgoid.Int4, "{9,NULL}", "{9,1}", 1},
		{pgoid.Int4, "{NULL}", "{NULL}", 0},
		{pgoid.Int8, "{-9223372036854775808}", "{9223372036854775807}", -1},
		{pgoid.Numeric, "{1.0}", "{1}", 0},
		{pgoid.Numeric, "{10.5,1}", "{9.99}", 1},
		{pgoid.Float8, "{NaN}", "{Infinity}", 1},
		{pgoid.Float8, "{-Infinity}", "{-1e300}", -1},
		{pgoid.Text, `{"a b",c}`, "{a,c}", 1},
		{pgoid.Text, `{"",x}`, "{a}", -1},
		{pgoid.Text, `{"NULL"}`, "{NULL}", -1},
		{pgoid.Text, "{b}", "{a,b}", 1},
		{pgoid.Date, "{2020-01-02}", "{10000-01-01}", -1},
		{pgoid.Date, "{infinity}", "{2020-01-01}", 1},
		{pgoid.Date, "{-infinity}", "{0001-01-01 BC}", -1},
		{pgoid.Date, "{0002-01-01 BC}", "{0001-01-01 BC}", -1},
		{pgoid.Timestamptz, `{"2020-01-01 00:00:00+00"}`, `{"2019-12-31 23:00:00+00"}`, 1},
		{pgoid.Bool, "{f}", "{t}", -1},
	} {
		got := CompareArrayText(c.elem)(c.a, c.b)
		back := CompareArrayText(c.elem)(c.b, c.a)
		if got != c.want || back != -c.want {
			t.Errorf("%s %s vs %s: %d (back %d), want %d", pgoid.TypeName(c.elem), c.a, c.b, got, back, c.want)
		}
	}
}
