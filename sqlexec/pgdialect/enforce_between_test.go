package pgdialect

import (
	"strings"
	"testing"
)

// TestBetweenOperand: a string literal bound of BETWEEN is compared with
// the operand before it (canonicalComparisons reads it by that column's
// type, as PostgreSQL types it), NOT BETWEEN too; a literal elsewhere is
// no bound.
func TestBetweenOperand(t *testing.T) {
	for _, c := range []struct {
		sql, lit, want string
	}{
		{`select 1 from t where m between 'a' and 2`, `'a'`, "m"},
		{`select 1 from t where t.m between 1 and 'b'`, `'b'`, "m"},
		{`select 1 from t where m not between 'a' and 'b'`, `'b'`, "m"},
		{`select 1 from t where m = 'a' and 'b' = m`, `'b'`, ""},
		{`select 1 from t where m between 1 + 2 and 'b'`, `'b'`, ""},
	} {
		x := newTx(c.sql)
		i := 0
		for i < x.n() && x.T(i).text != c.lit {
			i++
		}
		got := ""
		if k := x.betweenOperand(i); k >= 0 {
			got = x.T(k).text
		}
		if !strings.EqualFold(got, c.want) {
			t.Errorf("betweenOperand(%q at %s) = %q, want %q", c.sql, c.lit, got, c.want)
		}
	}
}
