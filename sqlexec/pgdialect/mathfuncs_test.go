package pgdialect

import "testing"

// TestMathDomainErrors: sqrt, ln, log, log10 and power raise PostgreSQL's
// errors where SQLite's math functions answer NULL (answers recorded from
// PostgreSQL 15).
func TestMathDomainErrors(t *testing.T) {
	db := openCatalogDB(t, "")
	if got := queryOne(t, db, "SELECT sqrt(16) || ' ' || ln(1) || ' ' || log(100) || ' ' || log(2, 8) || ' ' || log10(1000) || ' ' || power(2, 10) || ' ' || pow(2, -1)"); got != "4.0 0.0 2.0 3.0000000000000000 3.0 1024.0 0.5" { // log(2, 8) is numeric (numeric_funcargs.go)
		t.Errorf("values: %q", got)
	}
	wantSQLStates(t, db, map[string]string{
		"SELECT sqrt(-1)":           "2201F",
		"SELECT ln(0)":              "2201E",
		"SELECT ln(-1.0)":           "2201E",
		"SELECT log(-5)":            "2201E",
		"SELECT log10(0)":           "2201E",
		"SELECT log(1, 8)":          "22012",
		"SELECT log(0, 8)":          "2201E",
		"SELECT power(-8, 1.0 / 3)": "2201F",
		"SELECT power(0, -1)":       "2201F",
	})
}

// TestMathNamesAsRelations: a table named like a renamed function (log)
// is still a table where a relation is named.
func TestMathNamesAsRelations(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE log (x int);
INSERT INTO log (x) VALUES (100);
CREATE INDEX log_x ON log (x)`)
	if got := queryOne(t, db, "WITH ln (v) AS (SELECT log(x) FROM log) SELECT v FROM ln"); got != "2" {
		t.Errorf("log(x) FROM log = %q", got)
	}
}
