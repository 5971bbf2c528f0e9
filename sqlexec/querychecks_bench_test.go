package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// BenchmarkScalarSubquery measures the row-count check of a correlated
// scalar subquery (pgdialect/subquery.go): "checked" is grouped in place,
// "limit1" cannot return two rows and is left as written, as before.
// Each op reads 1,000 outer rows, each with a primary-key lookup.
func BenchmarkScalarSubquery(b *testing.B) {
	db := openTest(b, b.TempDir())
	b.Cleanup(func() { db.Close() })
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{})
	ps, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: "u"})
	if err != nil {
		b.Fatal(err)
	}
	s := ps.(*Session)
	qB := func(sql string) error { return s.SimpleQuery(context.Background(), sql, &rec{}) }
	var rows []string
	for i := 1; i <= 1000; i++ {
		rows = append(rows, fmt.Sprintf("(%d, %d)", i, i*2))
	}
	for _, st := range []string{
		"CREATE TABLE bt (id int PRIMARY KEY, v int)",
		"CREATE TABLE bu (id int PRIMARY KEY, v int)",
		"INSERT INTO bt VALUES " + strings.Join(rows, ", "),
		"INSERT INTO bu VALUES " + strings.Join(rows, ", "),
	} {
		if err := qB(st); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range []struct{ name, sql string }{
		{"checked", "SELECT sum((SELECT v FROM bt WHERE bt.id = bu.id)) FROM bu"},
		{"limit1", "SELECT sum((SELECT v FROM bt WHERE bt.id = bu.id LIMIT 1)) FROM bu"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := qB(c.sql); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
