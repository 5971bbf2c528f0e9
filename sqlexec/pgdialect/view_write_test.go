package pgdialect

import (
	"strings"
	"testing"
)

// TestRewriteViewWrite: a write through a view becomes the write of its
// base relation; views that are not automatically updatable carry
// PostgreSQL's DETAIL.
func TestRewriteViewWrite(t *testing.T) {
	base := func(rel string) []string {
		if rel == "t" {
			return []string{"id", "a", "b"}
		}
		return nil
	}
	view := func(body string, names ...string) *ViewWrite {
		st, err := Translate("CREATE VIEW v AS " + body)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		return ParseViewWrite("v", st.Exec[0], names, base)
	}
	v := view("SELECT id, a AS x, b || '!' AS bb FROM t tt WHERE tt.a > 0", "id", "x", "bb")
	if v == nil || v.NotUpdatable != "" || v.Base != "t" {
		t.Fatalf("view: %+v", v)
	}
	for _, c := range []struct{ in, want string }{
		{"INSERT INTO v (x) VALUES (1) RETURNING *", `INSERT INTO t (a) VALUES (1) RETURNING t.id AS id, t.a AS x, (t.b || '!') AS bb`},
		{"INSERT INTO v VALUES (1, 2)", `INSERT INTO t (id, a) VALUES (1, 2)`},
		{"UPDATE v SET x = x + 1 WHERE id = 3 RETURNING x", `UPDATE t SET a = t.a + 1 WHERE (t.a > 0) AND (id = 3) RETURNING t.a AS x`},
		{"UPDATE v AS w SET x = DEFAULT", `UPDATE t AS w SET a = NULL WHERE w.a > 0`},
		{"DELETE FROM v WHERE bb = 'q!'", `DELETE FROM t WHERE (t.a > 0) AND ((t.b || '!') = 'q!')`},
		{"DELETE FROM v WHERE id IN (SELECT id FROM u)", `DELETE FROM t WHERE (t.a > 0) AND (id IN (SELECT id FROM u))`},
	} {
		got, ok, err := RewriteViewWrite(c.in, v, nil)
		if err != nil || !ok || got != c.want {
			t.Errorf("%s:\n got %s (%v, %v)\nwant %s", c.in, got, ok, err, c.want)
		}
	}
	for _, c := range []struct{ in, code string }{
		{"INSERT INTO v (bb) VALUES ('x')", "0A000"},
		{"UPDATE v SET bb = 'x'", "0A000"},
		{"UPDATE v SET a = 1", "42703"},
		{"DELETE FROM v WHERE a = 1", "42703"},
		{"INSERT INTO v VALUES (1, 2, 3, 4)", "42601"},
	} {
		_, _, err := RewriteViewWrite(c.in, v, nil)
		if e, ok := err.(*ViewWriteError); !ok || e.Code != c.code {
			t.Errorf("%s: %v, want %s", c.in, err, c.code)
		}
	}
	for body, detail := range map[string]string{
		"SELECT count(*) FROM t":              "aggregate",
		"SELECT DISTINCT a FROM t":            "DISTINCT",
		"SELECT a FROM t GROUP BY a":          "GROUP BY",
		"SELECT a FROM t UNION SELECT 1":      "UNION",
		"SELECT a FROM t LIMIT 1":             "LIMIT",
		"SELECT t.a FROM t, t u":              "single table",
		"SELECT 1 AS one":                     "single table",
		"SELECT rank() OVER () AS r FROM t":   "window",
		"SELECT unnest(ARRAY[a]) AS u FROM t": "set-returning",
	} {
		v := view(body, "c")
		if v == nil || !strings.Contains(v.NotUpdatable, detail) {
			t.Errorf("%s: %+v, want %s", body, v, detail)
		}
	}
}
