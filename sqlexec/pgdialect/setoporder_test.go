package pgdialect

import (
	"strings"
	"testing"
)

// TestSetOpOrderBy: an expression in a set operation's ORDER BY is
// refused at the expression (PostgreSQL 15's 0A000, its position the
// expression's first token: 25_typedgaps_misc); result column names and
// numbers are let through.
func TestSetOpOrderBy(t *testing.T) {
	refused := map[string]string{
		"SELECT a FROM u UNION SELECT b FROM v ORDER BY a + 1":                "a + 1",
		"SELECT a FROM u UNION ALL SELECT b FROM v ORDER BY -a":               "-a",
		"SELECT a FROM u INTERSECT SELECT b FROM v ORDER BY abs(a)":           "abs(a)",
		"SELECT a FROM u EXCEPT SELECT b FROM v ORDER BY a DESC, a::text":     "a::text",
		"SELECT a FROM u UNION SELECT b FROM v ORDER BY (a + 1) DESC":         "a + 1)",
		"(SELECT a FROM u) UNION (SELECT b FROM v) ORDER BY a * 2":            "a * 2",
		"SELECT * FROM (SELECT a FROM u UNION SELECT b FROM v ORDER BY -a) s": "-a)",
		"INSERT INTO u SELECT a FROM u UNION SELECT b FROM v ORDER BY a + 1":  "a + 1",
	}
	for q, at := range refused {
		_, err := Translate(q)
		e, ok := err.(*Error)
		if !ok || e.Code != "0A000" || e.Position != strings.LastIndex(q, at)+1 || e.Detail == "" || e.Hint == "" {
			t.Errorf("Translate(%q) = %v; want 0A000 at %d", q, err, strings.LastIndex(q, at)+1)
		}
	}
	for _, q := range []string{
		"SELECT a FROM u UNION SELECT b FROM v ORDER BY a",
		"SELECT a FROM u UNION SELECT b FROM v ORDER BY 1 DESC NULLS LAST",
		"SELECT a FROM u UNION SELECT b FROM v ORDER BY (a), \"a\" LIMIT 1",
		"SELECT a FROM u ORDER BY a + 1",
		"SELECT a FROM u WHERE a IN (SELECT b FROM v UNION SELECT 1) ORDER BY a + 1",
		"SELECT row_number() OVER (ORDER BY a + 1) FROM u UNION ALL SELECT 1",
	} {
		if _, err := Translate(q); err != nil {
			t.Errorf("Translate(%q) = %v, want no error", q, err)
		}
	}
}
