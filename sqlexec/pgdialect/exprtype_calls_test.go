package pgdialect

import (
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestFixedCallTypes: the calls of a fixed result type are typed in the
// SQLite text as the translation writes them, as a probed leaf is.
func TestFixedCallTypes(t *testing.T) {
	for q, want := range map[string]uint32{
		"SELECT char_length(vc) FROM t":        pgoid.Int4,
		"SELECT position('a' IN s) FROM t":     pgoid.Int4,
		"SELECT strpos(s, 'a') FROM t":         pgoid.Int4,
		"SELECT octet_length(s) FROM t":        pgoid.Int4,
		"SELECT cardinality(ia) FROM t":        pgoid.Int4,
		"SELECT array_upper(ia, 1) FROM t":     pgoid.Int4,
		"SELECT date_part('epoch', ts) FROM t": pgoid.Float8,
		"SELECT justify_interval(iv) FROM t":   pgoid.Interval,
		"SELECT to_char(n, '999') FROM t":      pgoid.Text,
		"SELECT lpad(s, 3) FROM t":             pgoid.Text,
		"SELECT sign(n) FROM t":                0, // numeric or float8 by its argument
		"SELECT t.length(s) FROM t":            0,
	} {
		st, err := Translate(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		x := newTx(st.Exec[0])
		items := x.resultItems()
		a, b := x.itemExpr(items[0][0], items[0][1])
		if got := x.exprType(a, b); got != want {
			t.Errorf("%s: %s typed %d, want %d", q, x.src[x.T(a).pos:x.T(b-1).pos+len(x.T(b-1).text)], got, want)
		}
	}
}
