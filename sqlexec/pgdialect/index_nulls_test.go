package pgdialect

import (
	"database/sql/driver"
	"strings"
	"testing"
)

// TestIndexNulls: an index column's NULLS order is kept as a mark (a
// non-default one) or dropped (a default one), and shown back as
// PostgreSQL's pg_get_indexdef shows it.
func TestIndexNulls(t *testing.T) {
	for _, c := range []struct{ in, shown string }{
		{"CREATE INDEX i ON t (a DESC NULLS LAST, b ASC NULLS FIRST)", "a DESC NULLS LAST, b NULLS FIRST"},
		{"CREATE INDEX i ON t (b NULLS LAST)", "b"},
		{"CREATE INDEX i ON t (a NULLS FIRST)", "a NULLS FIRST"},
		{"CREATE INDEX i ON t (a DESC NULLS FIRST, b DESC, lower(b) ASC NULLS LAST)", "a DESC, b DESC, lower(b)"},
		{"CREATE UNIQUE INDEX i ON t (a desc nulls last) WHERE b IS NOT NULL", "a DESC NULLS LAST"},
	} {
		st, err := Translate(c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.in, err)
		}
		sql := st.Exec[0]
		if strings.Contains(strings.ToUpper(strings.ReplaceAll(sql, "pg_nulls_", "")), "NULLS") {
			t.Errorf("%s: SQLite text keeps NULLS: %s", c.in, sql)
		}
		got, err := fnIndexdef(nil, []driver.Value{"i", "t", int64(0), "", sql, ""})
		if err != nil {
			t.Fatal(err)
		}
		if want := "USING btree (" + c.shown + ")"; !strings.Contains(got.(string), want) {
			t.Errorf("%s: shown %s, want %s", c.in, got, want)
		}
		def, ok := ParseIndex(sql)
		if !ok || strings.Contains(strings.Join(def.Elems, ","), "/*") {
			t.Errorf("%s: elements %q", c.in, def.Elems)
		}
	}
}
