package pgdialect

import (
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// TestArrayCtorType: ARRAY[...] over columns, as the session probes it
// (CallItems, then CallType with the elements' declared types), is the
// array of their common type; a literal, NULL or parameter takes the
// others' type.
func TestArrayCtorType(t *testing.T) {
	for _, c := range []struct {
		q     string
		types []uint32 // the probed elements' declared types
		want  uint32
	}{
		{"SELECT ARRAY[id] FROM t", []uint32{pgoid.Int4}, pgoid.Int4Array},
		{"SELECT ARRAY[id, i8] FROM t", []uint32{pgoid.Int4, pgoid.Int8}, pgoid.Int8Array},
		{"SELECT ARRAY[id, 10] FROM t", []uint32{pgoid.Int4, 0}, pgoid.Int4Array},
		{"SELECT ARRAY[id, 1.5] FROM t", []uint32{pgoid.Int4, 0}, pgoid.NumericArray},
		{"SELECT ARRAY[k, 'x', NULL] FROM t", []uint32{pgoid.Varchar, 0, 0}, pgoid.VarcharArray},
		{"SELECT ARRAY[k, $1] FROM t", []uint32{pgoid.Text, 0}, pgoid.TextArray},
		{"SELECT ARRAY[k, k || 'x'] FROM t", []uint32{pgoid.Text, 0}, pgoid.TextArray},
		{"SELECT ARRAY[id::int8, v] FROM t", []uint32{0, pgoid.Int4}, pgoid.Int8Array},
		{"SELECT ARRAY[id, k] FROM t", []uint32{pgoid.Int4, pgoid.Text}, 0}, // 42804 in PostgreSQL
		{"SELECT ARRAY[id, f(k)] FROM t", []uint32{pgoid.Int4, 0}, 0},       // not known
	} {
		st, err := Translate(c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		items := CallItems(st.Exec[0])
		if len(items) != 1 || len(items[0].Leaves) != len(c.types) {
			t.Errorf("%s: CallItems %+v", c.q, items)
			continue
		}
		if got := CallType(items[0], c.types); got != c.want {
			t.Errorf("%s: %d, want %d", c.q, got, c.want)
		}
	}
}
