package pgdialect

import "testing"

// Numeric literals, casts and arithmetic make abs, sign, mod, power, sqrt,
// exp, ln and log numeric, with PostgreSQL 15's values and scales (the
// answers are PostgreSQL 15's).
func TestNumericFuncArgs(t *testing.T) {
	db := openCatalogDB(t, "")
	for _, c := range []struct{ q, want string }{
		{"SELECT abs(-3.50)", "3.50"},
		{"SELECT abs(-7)", "7"},
		{"SELECT abs(-2.50::numeric(5,2))", "2.50"},
		{"SELECT sign(-0.5)", "-1"},
		{"SELECT sign(0.0)", "0"},
		{"SELECT sign(4::float8)", "1"},
		{"SELECT mod(10, 3)", "1"},
		{"SELECT mod(10.5, 3)", "1.5"},
		{"SELECT mod(10, 2.5)", "0.0"},
		{"SELECT mod(-7.50, 2)", "-1.50"},
		{"SELECT power(2.0, 0.5)", "1.4142135623730950"},
		{"SELECT power(2.5, 2)", "6.2500000000000000"},
		{"SELECT pow(2, 0.5)", "1.4142135623730950"},
		{"SELECT power(2, 10)", "1024"},
		{"SELECT sqrt(2.0)", "1.414213562373095"},
		{"SELECT sqrt(2::numeric)", "1.414213562373095"},
		{"SELECT sqrt(16.00)", "4.000000000000000"},
		{"SELECT sqrt(1000000.0)", "1000.0000000000000"},
		{"SELECT sqrt(0.0001)", "0.01000000000000000"},
		{"SELECT exp(1.0)", "2.7182818284590452"},
		{"SELECT exp(-100.0)", "0.00000000000000000000000000000000000000000003720075976020836"},
		{"SELECT ln(10.0)", "2.3025850929940457"},
		{"SELECT ln(1.0)", "0.0000000000000000"},
		{"SELECT log(100.0)", "2.0000000000000000"},
		{"SELECT log10(1000.0)", "3.0000000000000000"},
		{"SELECT log(2, 8.0)", "3.0000000000000000"},
		{"SELECT log(2.0, 8)", "3.0000000000000000"},
		{"SELECT abs(-3.50) + 1", "4.50"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
	wantSQLStates(t, db, map[string]string{
		"SELECT sqrt(-1.0)":         "2201F",
		"SELECT ln(0.0)":            "2201E",
		"SELECT ln(-1.0)":           "2201E",
		"SELECT log(1.0, 10)":       "22012",
		"SELECT mod(1.5, 0)":        "22012",
		"SELECT power(-8, 1.0 / 3)": "2201F",
		"SELECT exp(100000.0)":      "22003",
	})
}

// A numeric column's declared type, read at run time, makes a
// one-argument call numeric; other columns keep the double precision one.
func TestNumericFuncColumns(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE nc (id int PRIMARY KEY, n numeric, f float8, i int4);
INSERT INTO nc VALUES (1, 2.0, 2.0, 2), (2, -0.50, -0.5, 0);
CREATE TABLE sqrt (n numeric);
INSERT INTO sqrt (n) VALUES (4)`)
	for _, c := range []struct{ q, want string }{
		{"SELECT sqrt(n) FROM nc WHERE id = 1", "1.414213562373095"},
		{"SELECT sqrt(nc.n) FROM nc WHERE id = 1", "1.414213562373095"},
		{"SELECT sqrt(f) FROM nc WHERE id = 1", "1.4142135623730951"},
		{"SELECT sqrt(i) FROM nc WHERE id = 1", "1.4142135623730951"},
		{"SELECT exp(n) FROM nc WHERE id = 1", "7.3890560989306502"},
		{"SELECT ln(n) FROM nc WHERE id = 1", "0.6931471805599453"},
		{"SELECT log(n) FROM nc WHERE id = 1", "0.3010299956639812"},
		{"SELECT sign(n) FROM nc WHERE id = 2", "-1"},
		{"SELECT sqrt(n) FROM sqrt", "2.000000000000000"},
		{"SELECT count(*) FROM nc WHERE id = 1 AND sqrt(n) > 1.4142135", "1"},
	} {
		if got := queryOne(t, db, c.q); got != c.want {
			t.Errorf("%s = %q, want %q", c.q, got, c.want)
		}
	}
}
