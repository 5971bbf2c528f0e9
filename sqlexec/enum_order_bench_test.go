package sqlexec

import (
	"context"
	"testing"
)

// BenchmarkOrderBy measures one read that sorts 10,000 rows by a column
// without an index: an enum column (its collation looks each label up in
// the type's sort orders, enum_order.go), an int[] column (each array is
// parsed, pgdialect/array_order.go) and, for comparison, a text column
// (SQLite's own binary comparison).
func BenchmarkOrderBy(b *testing.B) {
	e, _ := newTestEngine(b)
	s := newSess(b, e)
	for _, q := range []string{
		"CREATE TYPE bmood AS ENUM ('a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9')",
		"CREATE TABLE bo (id int PRIMARY KEY, m bmood, t text, xs int[])",
		"INSERT INTO bo SELECT g, 'a' || ((g * 7) % 10), 'a' || ((g * 7) % 10), ARRAY[(g * 7) % 100, g % 10] FROM generate_series(1, 10000) g",
	} {
		if _, err := q1(s, q); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	for _, col := range []string{"t", "m", "xs"} {
		b.Run(col, func(b *testing.B) {
			q := "SELECT id FROM bo ORDER BY " + col + ", id LIMIT 1"
			for i := 0; i < b.N; i++ {
				if _, err := q1(s, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func q1(s *Session, sql string) ([]string, error) {
	w := &rec{}
	err := s.SimpleQuery(context.Background(), sql, w)
	return w.out, err
}
