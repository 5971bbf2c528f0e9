package sqlexec

import (
	"path/filepath"
	"strings"
	"testing"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// TestTypedConversionMinMax: the statement a client's min/max runs as,
// and SQLite's plan for it. Only a numeric column's call becomes
// pg_numeric_max/min; max(id) of an integer key stays SQLite's max,
// which reads the key index's last entry instead of every row (a
// conversion decided at run time cost it that lookup).
func TestTypedConversionMinMax(t *testing.T) {
	c := openBareConn(t)
	ddl, err := translate("CREATE TABLE tm (id int PRIMARY KEY, n numeric, t text)")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ddl.Exec {
		if err := c.exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	for _, tc := range []struct {
		query, call, plan string
	}{
		{"SELECT max(id) FROM tm", "max(id)", "USING COVERING INDEX"},
		{"SELECT min(id) FROM tm", "min(id)", "USING COVERING INDEX"},
		{"SELECT max(t) FROM tm", "max(t)", "tm"},
		{"SELECT max(n) FROM tm", "pg_numeric_max(n)", "SCAN"},
		{"SELECT min(n) FROM tm", "pg_numeric_min(n)", "SCAN"},
	} {
		st, err := translate(tc.query)
		if err != nil {
			t.Fatal(err)
		}
		ls, _, err := c.prepareUser(st.Exec[0])
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		runs := libc.GoString(lib.Xsqlite3_sql(c.tls, ls.p))
		ls.release()
		if !strings.Contains(runs, tc.call) {
			t.Errorf("%s runs as %s, want %s", tc.query, runs, tc.call)
		}
		plan, _, err := c.prepareFresh("EXPLAIN QUERY PLAN " + runs)
		if err != nil {
			t.Fatal(err)
		}
		var detail []string
		if _, err := plan.run(nil, func(r []any) error {
			s, _ := r[3].(string)
			detail = append(detail, s)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		plan.finalize()
		if got := strings.Join(detail, "; "); !strings.Contains(got, tc.plan) {
			t.Errorf("%s: plan %q, want %q", tc.query, got, tc.plan)
		}
	}
}

// openBareConn opens a connection of its own to a new database file, with
// pgdialect's functions and collations registered, closed with the test.
func openBareConn(t *testing.T) *lconn {
	t.Helper()
	newTestEngine(t) // registers pgdialect's functions and collations
	c, err := openLConn(dsnFor(filepath.Join(t.TempDir(), "t.db"), ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.close() })
	return c
}
