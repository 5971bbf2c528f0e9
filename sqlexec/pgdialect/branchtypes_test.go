package pgdialect

import (
	"reflect"
	"testing"

	pgoid "github.com/raftsql/raftsql/pgwire/oid"
)

// BranchItems finds the CASE/COALESCE/NULLIF/lag items and their
// branches; BranchType combines the branches' declared types.
func TestBranchItems(t *testing.T) {
	q := `SELECT id, CASE WHEN id > 3 THEN id ELSE 0 END AS "c", coalesce(a, b, 1) AS "coalesce", nullif(a, 0) AS "nullif", lag(s, 2, 0) OVER (ORDER BY id) AS "lag" FROM t`
	items := BranchItems(q)
	var got [][]string
	for _, it := range items {
		got = append(got, it.Leaves)
	}
	want := [][]string{{"id", "0"}, {"a", "b", "1"}, {"a"}, {"s", "0"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("leaves %q, want %q", got, want)
	}
	for _, c := range []struct {
		it    int
		types []uint32
		want  uint32
	}{
		{0, []uint32{pgoid.Int4, 0}, pgoid.Int4},
		{0, []uint32{pgoid.Int8, 0}, pgoid.Int8},
		{1, []uint32{pgoid.Int4, pgoid.Numeric, 0}, pgoid.Numeric},
		{1, []uint32{pgoid.Int4, 0, 0}, 0}, // b's type unknown
		{2, []uint32{pgoid.Float8}, pgoid.Float8},
		{2, []uint32{pgoid.Varchar}, pgoid.Text}, // nullif(vc, 0) compares with text's =
		{1, []uint32{pgoid.Varchar, pgoid.Text, pgoid.Text}, pgoid.Varchar},
		{1, []uint32{pgoid.Text, pgoid.Varchar, pgoid.Varchar}, pgoid.Text},
		{3, []uint32{pgoid.Int2, 0}, pgoid.Int4},
	} {
		if o := BranchType(items[c.it], c.types); o != c.want {
			t.Errorf("item %d with %v: %d, want %d", c.it, c.types, o, c.want)
		}
	}
	if BranchItems("SELECT * FROM t") != nil {
		t.Error("a * list has items")
	}
	it := BranchItems(`SELECT CASE WHEN x THEN a ELSE 'x' END FROM t`)
	if len(it) != 1 || BranchType(it[0], []uint32{pgoid.Int4, 0}) != 0 {
		t.Error("a literal not converted to int4 must leave the item untyped")
	}
}

// TestBranchTypeCommonLiteral: a literal read as the column beside it
// (coalesce(m, '2') of a money column) takes the column's type, as
// PostgreSQL describes the call (25_typedgaps_money).
func TestBranchTypeCommonLiteral(t *testing.T) {
	lit := "pg_in_col('2', pg_table_sql('t'), 'm', NULL, 'common')"
	for _, o := range []uint32{pgoid.Money, pgoid.Bool, pgoid.Date, pgoid.Text} {
		if got := BranchType(ArithItem{Leaves: []string{"m", lit}}, []uint32{o, 0}); got != o {
			t.Errorf("BranchType(column of %d, converted literal) = %d, want %d", o, got, o)
		}
	}
}
