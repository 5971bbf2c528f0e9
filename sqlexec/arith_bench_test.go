package sqlexec

import (
	"strconv"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// BenchmarkApplyArith measures pgbench's UPDATE (an int4 column plus a
// parameter) and a numeric column's update, in batches of 100 entries:
// "pg" as translated (PostgreSQL's operators: pg_add ..., arith.go) and
// "sqlite" the same statement with SQLite's own + (what the translation
// wrote before), so the difference is the cost of the checked operators.
func BenchmarkApplyArith(b *testing.B) {
	const ddl = "CREATE TABLE acc (id int PRIMARY KEY, bal int, n numeric(12,2))"
	for _, c := range []struct{ name, upd, sqliteOp string }{
		{"int", "UPDATE acc SET bal = bal + $1 WHERE id = $2", "bal + ?1"},
		{"numeric", "UPDATE acc SET n = n + 0.01 * $1 WHERE id = $2", "n + 0.01 * ?1"},
	} {
		for _, pg := range []bool{false, true} {
			name := c.name + "/sqlite"
			if pg {
				name = c.name + "/pg"
			}
			b.Run(name, func(b *testing.B) {
				db := openTest(b, b.TempDir())
				defer db.Close()
				st, err := pgdialect.Translate(ddl)
				if err != nil {
					b.Fatal(err)
				}
				if r := db.Apply(1, cmdOf(1, 1, 1, st.Exec[0])); r.Err != nil {
					b.Fatal(r.Err)
				}
				var vals []string
				for i := 0; i < 1000; i++ {
					vals = append(vals, "("+strconv.Itoa(i)+", 0, 0)")
				}
				if r := db.Apply(2, cmdOf(2, 1, 1, "INSERT INTO acc VALUES "+strings.Join(vals, ", "))); r.Err != nil {
					b.Fatal(r.Err)
				}
				if st, err = pgdialect.Translate(c.upd); err != nil {
					b.Fatal(err)
				}
				upd := st.Exec[0]
				if !pg {
					// the rewritten operator(s) back to SQLite's
					i, j := strings.Index(upd, "pg_in_col(")+len("pg_in_col("), strings.Index(upd, ", (SELECT sql")
					upd = upd[:i] + c.sqliteOp + upd[j:]
				}
				idx := uint64(2)
				b.ResetTimer()
				for i := 0; i < b.N; i += 100 {
					var ents []Entry
					for j := 0; j < 100; j++ {
						n := i + j
						cmd := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: upd, Args: []any{int64(1), int64(n % 1000)}}}}
						cmd.RequestID[0], cmd.RequestID[1], cmd.RequestID[2], cmd.RequestID[3] = byte(n), byte(n>>8), byte(n>>16), 9
						idx++
						ents = append(ents, Entry{Index: idx, Data: EncodeCommand(cmd)})
					}
					for _, r := range db.ApplyBatch(ents) {
						if r.Err != nil {
							b.Fatal(r.Err)
						}
					}
				}
			})
		}
	}
}
