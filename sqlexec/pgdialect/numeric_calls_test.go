package pgdialect

import (
	"slices"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// The numeric functions' calls are described with PostgreSQL's result
// types, and a comparison or arithmetic around such a call keeps its own
// type (sqrt(2.0) = 2.5 is a bool, not a numeric).
func TestNumericCallTypes(t *testing.T) {
	for _, c := range []struct {
		q    string
		want []uint32
	}{
		{"SELECT scale(1.50), min_scale(1.50), trim_scale(1.50)", []uint32{pgoid.Int4, pgoid.Int4, pgoid.Numeric}},
		{"SELECT gcd(4, 6), gcd(4::int8, 6), gcd(4, 6.0), lcm(2, 3)", []uint32{pgoid.Int4, pgoid.Int8, pgoid.Numeric, pgoid.Int4}},
		{"SELECT factorial(3), div(7, 2), width_bucket(1.5, 0, 2, 2), width_bucket(1.5::float8, 0, 2, 2)", []uint32{pgoid.Numeric, pgoid.Numeric, pgoid.Int4, pgoid.Int4}},
		{"SELECT to_char(1.5, '9.9'), to_number('1', '9'), isfinite(date '2024-01-01')", []uint32{pgoid.Text, pgoid.Numeric, pgoid.Bool}},
		{"SELECT greatest(1, 2.5), least(2.50, 3), greatest(1, 2)", []uint32{pgoid.Numeric, pgoid.Numeric, pgoid.Int4}},
		{"SELECT sqrt(2.0) + 1, abs(-3.50) * 2", []uint32{pgoid.Numeric, pgoid.Numeric}},
		{"SELECT sqrt(2.0) = 2.5, 2.5 > sqrt(2.0), trim_scale(1.50) < 2, scale(1.5) + 1, factorial(5) / 7", []uint32{pgoid.Bool, pgoid.Bool, pgoid.Bool, pgoid.Int4, pgoid.Numeric}},
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		if !slices.Equal(st.ColumnOIDs, c.want) {
			t.Errorf("%s: described as %v, want %v", c.q, st.ColumnOIDs, c.want)
		}
	}
}
