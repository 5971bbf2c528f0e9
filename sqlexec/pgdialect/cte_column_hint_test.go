package pgdialect

import (
	"strings"
	"testing"
)

// TestCTEColumnCastHints: a CTE's or derived table's column cast to
// numeric or text is typed by the column its item reads (t's f4 or m),
// never by a table named as the CTE, which does not exist
// (pragma_table_xinfo('a') found nothing, so a.f4::numeric read the
// real's double and a.m::numeric the money text).
func TestCTEColumnCastHints(t *testing.T) {
	hint := func(col string) string {
		return "pg_col_typename(" + relSQLExpr("t") + ", '" + col + "')"
	}
	for _, tc := range []struct{ sql, want string }{
		{"WITH a AS (SELECT f4 FROM t) SELECT a.f4::numeric FROM a", "pg_float4_numeric(pg_money_numeric(a.f4, " + hint("f4") + "), " + hint("f4") + ")"},
		{"WITH a AS (SELECT f4 AS v FROM t) SELECT v::numeric FROM a", "pg_float4_numeric(pg_money_numeric(v, " + hint("f4") + "), " + hint("f4") + ")"},
		{"WITH a AS (SELECT f4 AS v FROM t) SELECT v::text FROM a", "pg_text(v, " + hint("f4") + ")"},
		{"SELECT d.m::numeric FROM (SELECT m FROM t) d", "pg_money_numeric(d.m, " + hint("m") + ")"},
	} {
		st, err := Translate(tc.sql)
		if err != nil {
			t.Fatalf("%s: %v", tc.sql, err)
		}
		if got := strings.Join(st.Exec, ";"); !strings.Contains(got, tc.want) {
			t.Errorf("%s:\n got %s\nwant it to contain %s", tc.sql, got, tc.want)
		}
	}
}
