package pgdialect

import "testing"

// scale, min_scale, trim_scale, gcd, lcm, factorial, div and width_bucket
// answer as PostgreSQL 15 (the answers and SQLSTATEs are PostgreSQL 15's).
func TestNumericIntFuncs(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT scale(1.500)", "3"},
		{"SELECT scale(1)", "0"},
		{"SELECT scale(1e-3)", "3"},
		{"SELECT scale(-0.00)", "2"},
		{"SELECT scale('NaN'::numeric)", "<NULL>"},
		{"SELECT min_scale(1.500)", "1"},
		{"SELECT min_scale(0.00)", "0"},
		{"SELECT min_scale(1.05000)", "2"},
		{"SELECT trim_scale(-12.3400)", "-12.34"},
		{"SELECT trim_scale(100)", "100"},
		{"SELECT trim_scale(0.00)", "0"},
		{"SELECT trim_scale(2.500) + 1", "3.5"},
		{"SELECT gcd(12, 18)", "6"},
		{"SELECT gcd(-12, 18)", "6"},
		{"SELECT gcd(0, 0)", "0"},
		{"SELECT gcd(0.25, 0.1)", "0.05"},
		{"SELECT gcd(-1.5, -3.00)", "1.50"},
		{"SELECT gcd(12, 18.0)", "6.0"},
		{"SELECT gcd('Infinity'::numeric, 1)", "NaN"},
		{"SELECT gcd(-2147483648::bigint, 0)", "2147483648"},
		{"SELECT lcm(4, 6)", "12"},
		{"SELECT lcm(-4, 6)", "12"},
		{"SELECT lcm(0, 5)", "0"},
		{"SELECT lcm(1.5, 2.25)", "4.50"},
		{"SELECT lcm(0.0, 5.5)", "0.0"},
		{"SELECT lcm(2147483647::bigint, 2147483646)", "4611686011984936962"},
		{"SELECT factorial(0)", "1"},
		{"SELECT factorial(21)", "51090942171709440000"},
		{"SELECT factorial(5) / 7", "17.1428571428571429"},
		{"SELECT div(7.5, 2)", "3"},
		{"SELECT div(-7, 2)", "-3"},
		{"SELECT div(1e20, 3.3)", "30303030303030303030"},
		{"SELECT div(-0.5, 1)", "0"},
		{"SELECT div('Infinity'::numeric, -2)", "-Infinity"},
		{"SELECT div(1, 'Infinity'::numeric)", "0"},
		{"SELECT div('Infinity'::numeric, 'Infinity'::numeric)", "NaN"},
		{"SELECT width_bucket(5.5, 0, 10, 4)", "3"},
		{"SELECT width_bucket(10, 0, 10, 4)", "5"},
		{"SELECT width_bucket(-1, 0, 10, 4)", "0"},
		{"SELECT width_bucket(5, 10, 0, 4)", "3"},
		{"SELECT width_bucket(0.0, 10, 0, 4)", "5"},
		{"SELECT width_bucket(11, 10, 0, 4)", "0"},
		{"SELECT width_bucket(0.3, 0, 0.9, 3)", "2"},
		{"SELECT width_bucket(0.3::float8, 0, 0.9, 3)", "2"},
		{"SELECT width_bucket('Infinity'::numeric, 0, 10, 4)", "5"},
		{"SELECT width_bucket('-Infinity'::float8, 0, 10, 4)", "0"},
		{"SELECT width_bucket(0::float8, -1e308, 1e308, 10)", "-2147483648"},
		{"SELECT width_bucket(10, 0, 10, 2147483646)", "2147483647"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	wantSQLStates(t, db, map[string]string{
		"SELECT gcd(-2147483648, 0)":                        "22003",
		"SELECT gcd(-9223372036854775808, 0)":               "22003",
		"SELECT lcm(2147483647, 2147483646)":                "22003",
		"SELECT lcm(9223372036854775807, 2)":                "22003",
		"SELECT factorial(-1)":                              "22003",
		"SELECT factorial(32178)":                           "22003",
		"SELECT div(1, 0)":                                  "22012",
		"SELECT div('Infinity'::numeric, 0)":                "22012",
		"SELECT width_bucket(5, 0, 10, 0)":                  "2201G",
		"SELECT width_bucket(5.0, 0.0, 0.0, 4)":             "2201G",
		"SELECT width_bucket('NaN'::numeric, 0, 10, 4)":     "2201G",
		"SELECT width_bucket(5, 0, 'Infinity'::numeric, 4)": "2201G",
		"SELECT width_bucket(10, 0, 10, 2147483647)":        "22003",
		"SELECT scale('abc')":                               "22P02",
	})
}
