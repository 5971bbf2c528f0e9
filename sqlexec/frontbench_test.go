package sqlexec

import (
	"context"
	"testing"

	"github.com/raftsql/raftsql/internal/cputime"

	"github.com/raftsql/raftsql/pgwire"
)

// The front end's CPU per statement (issue 15): a session executing a
// prepared statement through the extended protocol's path, without the
// log. frontReplicator encodes each proposal, as a node does, and answers
// with a canned result instead of applying it, so the figures are the
// session's own (classification, allow-list, proposal) and, for reads,
// the read connection's.

type frontReplicator struct{ db *DB }

func (f *frontReplicator) Propose(ctx context.Context, cmd *Command) (*ApplyResult, error) {
	_ = EncodeCommand(cmd)
	return &ApplyResult{Results: []StatementResult{{Tag: "INSERT 0 1", RowsAffected: 1}}}, nil
}

func (f *frontReplicator) ReadBarrier(ctx context.Context) error { return nil }

// discardWriter is a ResultWriter that keeps nothing.
type discardWriter struct{ rows int }

func (d *discardWriter) Describe([]pgwire.Column) error { return nil }
func (d *discardWriter) Row([]any) error                { d.rows++; return nil }
func (d *discardWriter) Complete(string) error          { return nil }
func (d *discardWriter) EmptyQuery() error              { return nil }
func (d *discardWriter) Notice(string, string, string, ...string) error {
	return nil
}
func (d *discardWriter) CopyIn(pgwire.CopyFormat, []pgwire.Column) (pgwire.CopySource, error) {
	return nil, errf(CodeFeatureNotSupported, "no COPY here")
}
func (d *discardWriter) CopyOut(pgwire.CopyFormat, []pgwire.Column) error { return nil }

func benchFrontSession(b *testing.B) (*Session, *DB) {
	b.Helper()
	db := openTest(b, b.TempDir())
	b.Cleanup(func() { db.Close() })
	db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE bench(id integer PRIMARY KEY, v text)"))
	r := db.Apply(2, cmdOf(2, 1, 2, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 1000) INSERT INTO bench(id, v) SELECT i, 'x' FROM n"))
	if r.Err != nil {
		b.Fatal(r.Err)
	}
	e := NewEngine(db, &frontReplicator{db: db}, EngineOptions{})
	ps, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: "u"})
	if err != nil {
		b.Fatal(err)
	}
	return ps.(*Session), db
}

// BenchmarkSessionInsert: Execute of a prepared single-row INSERT.
func BenchmarkSessionInsert(b *testing.B) {
	_, st, w, v := benchInsert(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		if err := st.Execute(ctx, []any{int64(i + 2000), v}, w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSessionPointRead: Execute of a prepared point SELECT.
func BenchmarkSessionPointRead(b *testing.B) {
	benchSessionPointRead(b, context.Background())
}

// BenchmarkSessionPointReadCancellable: the same under a context that a
// cancel request could end, as pgwire gives every statement (one context
// shared by a connection's statements).
func BenchmarkSessionPointReadCancellable(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	benchSessionPointRead(b, ctx)
}

func benchSessionPointRead(b *testing.B, ctx context.Context) {
	s, _ := benchFrontSession(b)
	st, err := s.Prepare(ctx, "SELECT v FROM bench WHERE id = $1", nil)
	if err != nil {
		b.Fatal(err)
	}
	w := &discardWriter{}
	b.ReportAllocs()
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i++ {
		if err := st.Execute(ctx, []any{int64(i%1000 + 1)}, w); err != nil {
			b.Fatal(err)
		}
	}
	if w.rows != b.N {
		b.Fatalf("rows %d, want %d", w.rows, b.N)
	}
}

// BenchmarkSessionTxn: one explicit transaction of 20 prepared INSERTs per
// op (BEGIN, the INSERTs, COMMIT): the cost of a transaction's statements
// after its first write (keptspec.go; before, each replayed the earlier
// ones, 210 statement runs where 20 now run).
func BenchmarkSessionTxn(b *testing.B) {
	s, st, w, v := benchInsert(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		if err := s.SimpleQuery(ctx, "BEGIN", w); err != nil {
			b.Fatal(err)
		}
		for k := 0; k < 20; k++ {
			if err := st.Execute(ctx, []any{int64(100000 + i*20 + k), v}, w); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.SimpleQuery(ctx, "COMMIT", w); err != nil {
			b.Fatal(err)
		}
	}
}

// benchInsert prepares the benchmarks' INSERT on a new session and starts
// the timer: the session, the statement, a writer and a 64-byte value.
func benchInsert(b *testing.B) (*Session, pgwire.Statement, *discardWriter, string) {
	s, _ := benchFrontSession(b)
	st, err := s.Prepare(context.Background(), "INSERT INTO bench (id, v) VALUES ($1, $2)", nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	cputime.PerOp(b)
	return s, st, &discardWriter{}, "0123456789012345678901234567890123456789012345678901234567890123"
}

// BenchmarkSessionReparsePointRead: Parse of the same text, then Execute,
// per op, as drivers without named statements send a point SELECT
// (lib/pq, pgx's exec modes): the Parse is answered from the session's
// earlier one (preparecache.go).
func BenchmarkSessionReparsePointRead(b *testing.B) {
	s, _ := benchFrontSession(b)
	ctx := context.Background()
	w := &discardWriter{}
	b.ReportAllocs()
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i++ {
		st, err := s.Prepare(ctx, "SELECT v FROM bench WHERE id = $1", nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Execute(ctx, []any{int64(i%1000 + 1)}, w); err != nil {
			b.Fatal(err)
		}
	}
	if w.rows != b.N {
		b.Fatalf("rows %d, want %d", w.rows, b.N)
	}
}
