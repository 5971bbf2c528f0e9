package sqlexec

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/internal/cputime"
	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Point reads and inserts by primary key for the key types of issue 15
// (docs/benchmarks.md, "Round 9: clustered primary keys"): the tables
// are created from their PostgreSQL DDL through the translation, so the
// figures follow the storage CREATE TABLE chooses; the raw cases compare
// SQLite's two storage forms directly.

type pkBenchCase struct {
	name, ddl, read, insert string
	key                     func(i int) []any // the key of row i (0-based)
	size                    int               // the length of the row's text value
}

func uuidKey(i int) string {
	// scattered, as random UUIDs are: a multiplicative hash of i
	h := uint64(i+1) * 0x9E3779B97F4A7C15
	return fmt.Sprintf("%08x-%04x-4%03x-8%03x-%012x", uint32(h>>32), uint16(h>>16), uint16(h)&0xfff, uint16(i)&0xfff, uint64(i)&0xffffffffffff)
}

func intKey(i int) []any { return []any{int64(i)} }

const (
	readByID   = "SELECT v FROM t WHERE id = $1"
	insertByID = "INSERT INTO t (id, v) VALUES ($1, $2)"
)

// pkBenchCases: the key types, with a 64-byte value, then the same (int,
// text) table in SQLite's two storage forms (rowid, WITHOUT ROWID),
// written in SQLite's own DDL, for value sizes up to 2,000 bytes
// (docs/benchmarks.md, round 9: why keyed tables stay rowid tables).
var pkBenchCases = func() []pkBenchCase {
	cs := []pkBenchCase{
		{"int", "CREATE TABLE t (id int PRIMARY KEY, v varchar(64))", readByID, insertByID, intKey, 64},
		{"bigint", "CREATE TABLE t (id bigint PRIMARY KEY, v varchar(64))", readByID, insertByID,
			func(i int) []any { return []any{int64(i) * 1000003} }, 64},
		{"varchar", "CREATE TABLE t (k varchar(32) PRIMARY KEY, v varchar(64))", "SELECT v FROM t WHERE k = $1", "INSERT INTO t (k, v) VALUES ($1, $2)",
			func(i int) []any { return []any{fmt.Sprintf("user-%08d", i)} }, 64},
		{"uuid", "CREATE TABLE t (u uuid PRIMARY KEY, v varchar(64))", "SELECT v FROM t WHERE u = $1", "INSERT INTO t (u, v) VALUES ($1, $2)",
			func(i int) []any { return []any{uuidKey(i)} }, 64},
		{"composite", "CREATE TABLE t (a int, b int, v varchar(64), PRIMARY KEY (a, b))", "SELECT v FROM t WHERE a = $1 AND b = $2", "INSERT INTO t (a, b, v) VALUES ($1, $2, $3)",
			func(i int) []any { return []any{int64(i % 100), int64(i / 100)} }, 64},
	}
	for _, size := range []int{64, 200, 500, 1000, 2000} {
		for _, form := range []string{"rowid", "clustered"} {
			ddl := "/*sqlite*/ CREATE TABLE t (id int PRIMARY KEY NOT NULL, v text)"
			if form == "clustered" {
				ddl += " WITHOUT ROWID"
			}
			cs = append(cs, pkBenchCase{fmt.Sprintf("%s-%dB", form, size), ddl, readByID, insertByID, intKey, size})
		}
	}
	// SQLite's rowid alias (INTEGER PRIMARY KEY), which an integer key
	// was before it became an int4 key beside the rowid (the rowid-64B
	// case's form; docs/sql-dialect.md "Integer primary keys")
	cs = append(cs, pkBenchCase{"alias-64B", "/*sqlite*/ CREATE TABLE t (id INTEGER PRIMARY KEY NOT NULL, v text)", readByID, insertByID, intKey, 64})
	return cs
}()

func pkBenchValue(size int) string {
	v := "0123456789012345678901234567890123456789012345678901234567890123"
	for len(v) < size {
		v += v
	}
	return v[:size]
}

// pkBenchDB opens a database with table t of c holding rows rows.
func pkBenchDB(b *testing.B, c pkBenchCase, rows int) *DB {
	b.Helper()
	db := openTest(b, b.TempDir())
	b.Cleanup(func() { db.Close() })
	ddl := []string{c.ddl} // SQLite's own DDL, or translated
	if !strings.HasPrefix(c.ddl, "/*sqlite*/") {
		st, err := pgdialect.Translate(c.ddl)
		if err != nil {
			b.Fatal(err)
		}
		ddl = st.Exec
	}
	if r := db.Apply(1, cmdOf(1, 1, 1, ddl...)); r.Err != nil {
		b.Fatal(r.Err)
	}
	idx := uint64(1)
	for i := 0; i < rows; i += 100 {
		ents := pkInsertEntries(b, c, i, min(100, rows-i), &idx)
		for _, r := range db.ApplyBatch(ents) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	return db
}

// pkInsertEntries makes n entries, each inserting one row (rows from..),
// from log index *idx+1 on.
func pkInsertEntries(b *testing.B, c pkBenchCase, from, n int, idx *uint64) []Entry {
	b.Helper()
	st, err := pgdialect.Translate(c.insert)
	if err != nil {
		b.Fatal(err)
	}
	v := pkBenchValue(c.size)
	var ents []Entry
	for j := 0; j < n; j++ {
		k := from + j
		cmd := &Command{Timestamp: 1, Seed: 1, Statements: []Statement{{SQL: st.Exec[0], Args: append(c.key(k), v)}}}
		cmd.RequestID[0], cmd.RequestID[1], cmd.RequestID[2], cmd.RequestID[3] = byte(k), byte(k>>8), byte(k>>16), 9
		*idx++
		ents = append(ents, Entry{Index: *idx, Data: EncodeCommand(cmd)})
	}
	return ents
}

// BenchmarkSessionPointReadKeys: Execute of a prepared point SELECT by
// primary key over 10,000 rows, per key type.
func BenchmarkSessionPointReadKeys(b *testing.B) {
	const rows = 10000
	for _, c := range pkBenchCases {
		b.Run(c.name, func(b *testing.B) {
			db := pkBenchDB(b, c, rows)
			e := NewEngine(db, &frontReplicator{db: db}, EngineOptions{})
			ctx := context.Background()
			ps, err := e.NewSession(ctx, pgwire.SessionInfo{User: "u"})
			if err != nil {
				b.Fatal(err)
			}
			st, err := ps.(*Session).Prepare(ctx, c.read, nil)
			if err != nil {
				b.Fatal(err)
			}
			w := &discardWriter{}
			b.ReportAllocs()
			b.ResetTimer()
			cputime.PerOp(b)
			for i := 0; i < b.N; i++ {
				if err := st.Execute(ctx, c.key((i*7919)%rows), w); err != nil {
					b.Fatal(err)
				}
			}
			if w.rows != b.N {
				b.Fatalf("rows %d, want %d", w.rows, b.N)
			}
		})
	}
}

// BenchmarkApplyInsertKeys: applying single-row INSERT entries into a
// table that grows from 10,000 rows, per key type, one entry per commit
// (a lone client's writes) and 100 (what a busy node applies together).
func BenchmarkApplyInsertKeys(b *testing.B) {
	const rows = 10000
	for _, c := range pkBenchCases {
		for _, batch := range []int{1, 100} {
			b.Run(fmt.Sprintf("%s/batch%d", c.name, batch), func(b *testing.B) {
				db := pkBenchDB(b, c, rows)
				idx := uint64(1000000)
				b.ReportAllocs()
				b.ResetTimer()
				cputime.PerOp(b)
				for i := 0; i < b.N; i += batch {
					b.StopTimer()
					ents := pkInsertEntries(b, c, rows+i, min(batch, b.N-i), &idx)
					b.StartTimer()
					for _, r := range applyMeasured(db, ents) {
						if r.Err != nil {
							b.Fatal(r.Err)
						}
					}
				}
			})
		}
	}
}

// applyMeasured is the measured call of BenchmarkApplyInsertKeys, apart
// from the setup's: an anchor for an instruction count of it alone
// (valgrind --tool=callgrind --toggle-collect='*applyMeasured').
//
//go:noinline
func applyMeasured(db *DB, ents []Entry) []*ApplyResult { return db.ApplyBatch(ents) }
