package pgdialect

import (
	"strings"
	"testing"
)

// A CREATE VIEW's entry ends with the statement that types its numeric
// columns, which ParseViewNumeric recognizes (and nothing else).
func TestViewNumericStatement(t *testing.T) {
	st, err := Translate("CREATE VIEW it's_v AS SELECT 1")
	if err == nil {
		t.Fatalf("a quote in a bare name translated: %v", st.Exec)
	}
	st, err = Translate(`CREATE VIEW "it's" AS SELECT amount * 2 AS dbl FROM t`)
	if err != nil {
		t.Fatal(err)
	}
	last := st.Exec[len(st.Exec)-1]
	if name, ok := ParseViewNumeric(last); !ok || name != "it's" {
		t.Fatalf("last statement %q: parsed %q %v", last, name, ok)
	}
	for _, s := range []string{"SELECT pg_view_numeric('a') ", "SELECT pg_view_numeric('a'||'b')", "SELECT pg_view_numeric(x)", "SELECT 1"} {
		if _, ok := ParseViewNumeric(s); ok {
			t.Errorf("%q parsed as the view typing statement", s)
		}
	}
	st, err = Translate(`CREATE TEMP VIEW tv AS SELECT 1.5 AS x`)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range st.Exec {
		if _, ok := ParseViewNumeric(s); ok {
			t.Errorf("a temporary view is typed: %q", s)
		}
	}
}

// NumericViewSQL keeps the view's head (name, column list, PostgreSQL
// text) and casts only the numeric columns.
func TestNumericViewSQL(t *testing.T) {
	st, err := Translate(`CREATE VIEW v (k, "D") AS SELECT id, amount * 2 FROM t`)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := NumericViewSQL(st.Exec[0], []string{"k", "D"}, []string{"", NumericCollation})
	if !ok {
		t.Fatal("not rewritten")
	}
	for _, want := range []string{`CREATE VIEW v (k, "D") AS ` + viewTextMark, `WITH pgdialect_vn(k, "D") AS (SELECT id, `,
		`SELECT k, CAST("D" AS TEXT) COLLATE pg_numeric AS "D" FROM pgdialect_vn`} {
		if !strings.Contains(got, want) {
			t.Errorf("%s\nlacks %s", got, want)
		}
	}
	if q, ok := ViewQuery(got); !ok || q != "SELECT id, amount * 2 FROM t" {
		t.Errorf("the PostgreSQL text is %q %v", q, ok)
	}
	if _, ok := NumericViewSQL("CREATE VIEW v AS SELECT 1", []string{"x"}, []string{NumericCollation}); ok {
		t.Error("a view without its PostgreSQL text rewritten")
	}
}
