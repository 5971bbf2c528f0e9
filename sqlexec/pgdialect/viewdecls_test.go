package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// ViewDeclsSQL declares a view's columns so the run-time type functions
// read them as a table's: numeric, a date, jsonb, a column of no known
// type (unknown, as before).
func TestViewDeclsSQLTypes(t *testing.T) {
	create := ViewDeclsSQL("v", []string{"id", "dbl", "d1", "k", "x"},
		[]string{"INT", ColumnDecl(pgoid.Numeric), ColumnDecl(pgoid.Date), ColumnDecl(pgoid.JSONB), ""})
	for _, c := range []struct {
		col  string
		want uint32
	}{{"id", pgoid.Int4}, {"dbl", pgoid.Numeric}, {"d1", pgoid.Date}, {"K", pgoid.JSONB}, {"x", 0}} {
		got, found := colDeclOID(create, c.col)
		if got != c.want || !found {
			t.Errorf("%s: column %s typed %d (found %v), want %d", create, c.col, got, found, c.want)
		}
	}
	if d, _ := fnColDecl(nil, []driver.Value{create, "dbl"}); d != NumericDeclType {
		t.Errorf("pg_col_decl(dbl) = %v, want %s", d, NumericDeclType)
	}
	if d, _ := fnColDecl(nil, []driver.Value{nil, "dbl"}); d != "" {
		t.Errorf("pg_col_decl of no view = %v, want empty", d)
	}
}

// On a connection sqlexec did not set up, pg_view_decls (read through
// pg_rel_sql's lookup) knows no view:
// a view's expression column stays of unknown type, and the lookups a
// statement over a view carries still compile and run.
func TestViewDeclsUnknownOnPlainConnection(t *testing.T) {
	db := openCatalogDB(t, "")
	execAll(t, db, `CREATE TABLE vt (a numeric(5,2)); INSERT INTO vt VALUES (1.50); CREATE VIEW vv AS SELECT a * 2 AS b FROM vt`)
	if got := queryOne(t, db, "SELECT coalesce(pg_view_decls('vv'), 'none')"); got != "none" {
		t.Errorf("pg_view_decls on a plain connection = %q, want NULL", got)
	}
	st, err := Translate("SELECT b + 1 FROM vv")
	if err != nil || !strings.Contains(st.Exec[0], "pg_rel_sql('vv')") {
		t.Fatalf("translation %v %v: want a lookup through pg_view_decls", st, err)
	}
	if got := queryOne(t, db, st.Exec[0]); got != "4.00" {
		t.Errorf("%s = %q, want 4.00", st.Exec[0], got)
	}
}

// A parenthesized column in a select list ((x) AS a, as an arithmetic
// probe writes a leaf) reads the derived relation's column x.
func TestDerivedItemParenthesized(t *testing.T) {
	q := DerivedColumns("SELECT (x) AS a, ((s.y)) FROM (SELECT 1 AS x, 2 AS y) s")
	if q == nil || len(q.Items) != 2 || q.Items[0].Col != "x" || q.Items[1].Col != "y" || q.Items[1].Rel != 0 {
		t.Fatalf("DerivedColumns = %+v, want columns x and s.y", q)
	}
}
