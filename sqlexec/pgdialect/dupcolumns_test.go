package pgdialect

import (
	"errors"
	"strings"
	"testing"
)

// TestDuplicateTargets: a column named twice as a write's target is
// PostgreSQL's error; a query in parentheses after INSERT INTO t, and
// assignments to parts of a column, are not column lists.
func TestDuplicateTargets(t *testing.T) {
	for _, c := range []struct{ sql, code string }{
		{"INSERT INTO t (a, b, A) VALUES (1, 2, 3)", "42701"},
		{`INSERT INTO t (a, "A") VALUES (1, 2)`, ""},
		{"INSERT INTO t (SELECT 1, y, y FROM u)", ""},
		{"UPDATE t SET a = 1, b = 2, a = 3", "42601"},
		{"UPDATE t SET (a, b) = (1, 2), B = 3 WHERE a = 1", "42601"},
		{"UPDATE t SET a = 1 FROM u WHERE u.a = t.a AND u.a = 1", ""},
		{"WITH w AS (SELECT 1) UPDATE t SET a = 1, a = 2", "42601"},
	} {
		_, err := Translate(c.sql)
		var e *Error
		got := ""
		if errors.As(err, &e) {
			got = e.Code
		}
		if c.code == "" && got == "42701" || c.code == "" && got == "42601" && strings.Contains(err.Error(), "multiple") || c.code != "" && got != c.code {
			t.Errorf("%s: %v, want %q", c.sql, err, c.code)
		}
	}
}
