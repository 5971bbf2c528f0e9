package pgdialect

import (
	"strings"
	"testing"
)

// TestCTEShortLists: a WITH column list shorter than its query's select
// list is completed with the names of the remaining columns; a list the
// query's text does not give the width of is left alone.
func TestCTEShortLists(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"WITH x(n) AS (SELECT 1, 2) SELECT * FROM x", `x(n, "?column?")`},
		{"WITH x(n) AS (SELECT a, b AS bb, t.c, lower(d) FROM t) SELECT * FROM x", "x(n, bb, c, lower)"},
		{"WITH RECURSIVE r(n) AS MATERIALIZED (VALUES (1, 2)) SELECT * FROM r", "r(n, column2)"},
		{"WITH a AS (SELECT 1), b(m) AS (SELECT 1, 2 x) SELECT * FROM b", "b(m, x)"},
		{"WITH x(n) AS (SELECT * FROM t) SELECT * FROM x", "x(n) AS"},
		{"WITH x(n, m) AS (SELECT 1, 2) SELECT * FROM x", "x(n, m) AS"},
	} {
		if got := cteShortLists(c.in); !strings.Contains(got, c.want) {
			t.Errorf("%s: got %s, want %s", c.in, got, c.want)
		}
	}
}
