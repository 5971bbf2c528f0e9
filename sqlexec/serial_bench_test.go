package sqlexec

import (
	"testing"

	"github.com/raftsql/raftsql/internal/cputime"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// BenchmarkApplySerialInsert measures a single-row INSERT into a table
// with a serial key (the key taken from the column's default), in
// batches of 100 entries on the apply path: the cost of drawing each key
// from the column's sequence (serial.go).
func BenchmarkApplySerialInsert(b *testing.B) {
	db := openTest(b, b.TempDir())
	defer db.Close()
	st, err := pgdialect.Translate("CREATE TABLE items (id serial PRIMARY KEY, v text)")
	if err != nil {
		b.Fatal(err)
	}
	var ddl []Statement
	for _, s := range st.Exec {
		ddl = append(ddl, Statement{SQL: s})
	}
	c := &Command{Timestamp: 1, Seed: 1, Statements: ddl}
	c.RequestID[0] = 1
	if r := db.Apply(1, EncodeCommand(c)); r.Err != nil {
		b.Fatal(r.Err)
	}
	if st, err = pgdialect.Translate("INSERT INTO items (v) VALUES ($1)"); err != nil {
		b.Fatal(err)
	}
	ins := st.Exec[0]
	idx := uint64(1)
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i += 100 {
		var ents []Entry
		for j := 0; j < 100; j++ {
			n := i + j
			cmd := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: ins, Args: []any{"value"}}}}
			cmd.RequestID[0], cmd.RequestID[1], cmd.RequestID[2], cmd.RequestID[3] = byte(n), byte(n>>8), byte(n>>16), 7
			idx++
			ents = append(ents, Entry{Index: idx, Data: EncodeCommand(cmd)})
		}
		for _, r := range db.ApplyBatch(ents) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
}
