package pgdialect

import (
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// || over a column of run-time type is found with its operands, and
// typed by them: jsonb, the array's type, or left to its values.
func TestConcatItems(t *testing.T) {
	st, err := Translate(`SELECT id, tags || 'z'::text AS t2, doc || '{"z": 0}', name || 'x' FROM t`)
	if err != nil {
		t.Fatal(err)
	}
	items := ConcatItems(st.Exec[0])
	if len(items) != 2 || items[0].Column != 1 || items[1].Column != 2 {
		t.Fatalf("items %+v", items)
	}
	if l := items[0].Leaves; len(l) != 2 || l[0] != "tags" {
		t.Errorf("leaves %q", l)
	}
	for _, c := range []struct {
		leaves []uint32
		want   uint32
	}{
		{[]uint32{pgoid.JSONB, 0}, pgoid.JSONB}, // jsonb || a literal
		{[]uint32{pgoid.JSONB, pgoid.JSONB}, pgoid.JSONB},
		{[]uint32{pgoid.JSONB, pgoid.Text}, 0}, // text's ||, described by its values
		{[]uint32{pgoid.Int4, pgoid.ArrayOf(pgoid.Int4)}, pgoid.ArrayOf(pgoid.Int4)},
		{[]uint32{pgoid.ArrayOf(pgoid.Int4), pgoid.ArrayOf(pgoid.Int8)}, pgoid.ArrayOf(pgoid.Int8)},
		{[]uint32{pgoid.Text, pgoid.Text}, pgoid.Text},
		{[]uint32{0, 0}, 0},
	} {
		if got := ConcatType(items[0], c.leaves); got != c.want {
			t.Errorf("ConcatType(%v) = %d, want %d", c.leaves, got, c.want)
		}
	}
	if ConcatItems("SELECT * FROM t") != nil || MentionsConcat("SELECT a || b FROM t") {
		t.Error("a statement without a run-time || has items")
	}
}
