package pgdialect

import (
	"strings"
	"testing"
)

func TestRowLockingClause(t *testing.T) {
	for _, c := range []struct{ in, exec, locking string }{
		{"SELECT a FROM t FOR UPDATE", "SELECT a FROM t", "FOR UPDATE"},
		{"SELECT a FROM t FOR NO KEY UPDATE OF t NOWAIT", "SELECT a FROM t", "FOR NO KEY UPDATE"},
		{"SELECT a FROM t FOR KEY SHARE SKIP LOCKED", "SELECT a FROM t", "FOR KEY SHARE"},
		{"SELECT a FROM t FOR SHARE OF t FOR UPDATE OF u", "SELECT a FROM t", "FOR SHARE"},
		{"SELECT * FROM (SELECT a FROM t FOR UPDATE) s", "SELECT * FROM (SELECT a FROM t) s", "FOR UPDATE"},
		{"DELETE FROM t WHERE a = (SELECT a FROM t LIMIT 1 FOR UPDATE SKIP LOCKED)", "DELETE FROM t WHERE a = (SELECT a FROM t LIMIT 1)", "FOR UPDATE"},
		{"SELECT a FROM t", "SELECT a FROM t", ""},
	} {
		st, err := Translate(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := normSpace(st.Exec[0]); got != c.exec || st.Locking != c.locking {
			t.Errorf("%s: %q %q, want %q %q", c.in, got, st.Locking, c.exec, c.locking)
		}
	}
}

func normSpace(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(strings.ReplaceAll(s, "( ", "("), " )", ")")
}
