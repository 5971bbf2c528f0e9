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
		item   int // 0: tags || 'z'::text, 1: doc || '{"z": 0}'
		leaves []uint32
		want   uint32
	}{
		{1, []uint32{pgoid.JSONB, 0}, pgoid.JSONB}, // jsonb || a literal
		{0, []uint32{pgoid.JSONB, 0}, 0},           // jsonb || 'z'::text of no probed type: text's, by its values
		{0, []uint32{pgoid.JSONB, pgoid.JSONB}, pgoid.JSONB},
		{0, []uint32{pgoid.JSONB, pgoid.Text}, pgoid.Text}, // anynonarray || text
		{0, []uint32{pgoid.Int4, pgoid.ArrayOf(pgoid.Int4)}, pgoid.ArrayOf(pgoid.Int4)},
		{0, []uint32{pgoid.ArrayOf(pgoid.Int4), pgoid.ArrayOf(pgoid.Int8)}, pgoid.ArrayOf(pgoid.Int8)},
		{0, []uint32{pgoid.Text, pgoid.Text}, pgoid.Text},
		{0, []uint32{0, 0}, 0},
	} {
		if got := ConcatType(items[c.item], c.leaves); got != c.want {
			t.Errorf("ConcatType(%v) of item %d = %d, want %d", c.leaves, c.item, got, c.want)
		}
	}
	if ConcatItems("SELECT * FROM t") != nil || MentionsConcat("SELECT a || b FROM t") {
		t.Error("a statement without a run-time || has items")
	}
}
