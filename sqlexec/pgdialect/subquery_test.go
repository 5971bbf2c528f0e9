package pgdialect

import (
	"strings"
	"testing"
)

// Which parenthesised SELECTs get the row-count check (subquery.go), and
// how: in place, wrapped, or not at all.
func TestScalarSubqueryCheck(t *testing.T) {
	for _, c := range []struct {
		sql  string
		want int // checks expected
	}{
		{"SELECT (SELECT a FROM t WHERE b = 1) FROM u", 1},
		{"SELECT x FROM u WHERE x > (SELECT a FROM t WHERE t.k = u.k)", 1},
		{"UPDATE u SET y = (SELECT a FROM t WHERE t.k = u.k)", 1},
		{"INSERT INTO u VALUES ((SELECT a FROM t), 1), (2, (SELECT a FROM t))", 2},
		{"SELECT coalesce((SELECT a FROM t), 0), (SELECT a FROM t ORDER BY a)", 2},
		{"SELECT a IS DISTINCT FROM (SELECT b FROM u) FROM t", 1},
		{"SELECT CASE WHEN x THEN (SELECT a FROM t) ELSE 0 END FROM u", 1},
		// the value and its numeric and interval sort keys (a's type is
		// read at run time: orderby_numeric.go), each checked
		{"SELECT x FROM u ORDER BY (SELECT a FROM t WHERE t.k = u.k)", 3},
		// cannot return two rows
		{"SELECT (SELECT count(*) FROM t), (SELECT a FROM t LIMIT 1), (SELECT 1), (SELECT max(a) + 1 FROM t WHERE b = 2)", 0},
		{"SELECT (SELECT a FROM t ORDER BY a FETCH FIRST 1 ROW ONLY)", 0},
		// not scalar
		{"SELECT * FROM (SELECT a FROM t) s, (SELECT b FROM u) v", 0},
		{"SELECT a FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v) AND a = ANY (SELECT c FROM w)", 0},
		{"WITH c AS (SELECT a FROM t) SELECT * FROM c", 0},
		{"SELECT a FROM t UNION (SELECT b FROM u)", 0},
		{"INSERT INTO t (SELECT a FROM u)", 0},
		{"SELECT ARRAY(SELECT a FROM t)", 0},
		{"SELECT * FROM t JOIN (SELECT a FROM u) s ON s.a = t.a", 0},
	} {
		st, err := Translate(c.sql)
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		if got := strings.Count(strings.Join(st.Exec, ";"), "pg_scalar_rows"); got != c.want {
			t.Errorf("%s: %d checks, want %d\n%s", c.sql, got, c.want, st.Exec)
		}
	}
}

func TestSimilarToRegexp(t *testing.T) {
	for _, c := range []struct {
		pat  string
		esc  rune
		want string
	}{
		{"a%", '\\', `(?s)^(?:a.*)$`},
		{"(a|b)_c", '\\', `(?s)^(?:(?:a|b).c)$`},
		{"a.c$", '\\', `(?s)^(?:a\.c\$)$`},
		{"a#%", '#', `(?s)^(?:a%)$`},
		{`a\b`, 0, `(?s)^(?:a\\b)$`},
		{"[a-c]+{2}", '\\', `(?s)^(?:[a-c]+{2})$`},
	} {
		if got := similarToRegexp(c.pat, c.esc); got != c.want {
			t.Errorf("%q ESCAPE %q: %s, want %s", c.pat, c.esc, got, c.want)
		}
	}
}

func TestScalarSubqueryCatalogUnchecked(t *testing.T) {
	st, err := Translate("SELECT c.relname, (SELECT n.nspname FROM pg_namespace n WHERE n.oid = c.relnamespace) FROM pg_class c")
	if err != nil || strings.Contains(strings.Join(st.Exec, ";"), "pg_scalar_rows") {
		t.Fatal(err, st.Exec)
	}
}
