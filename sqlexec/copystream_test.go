package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire"
)

// newCopyEngine is newTestEngine with small COPY chunks, so a COPY of a
// few thousand rows streams through several entries.
func newCopyEngine(t *testing.T, chunk int) (*Engine, *fakeReplicator) {
	db := openTest(t, t.TempDir())
	t.Cleanup(func() { db.Close() })
	f := &fakeReplicator{db: db}
	return NewEngine(db, f, EngineOptions{CopyChunkBytes: chunk}), f
}

func copyRows(n int, edit func(i int, r []any)) [][]any {
	var rows [][]any
	for i := 1; i <= n; i++ {
		r := []any{fmt.Sprint(i), fmt.Sprint("row ", i)}
		if edit != nil {
			edit(i, r)
		}
		rows = append(rows, r)
	}
	return rows
}

func staged(t *testing.T, db *DB) int {
	t.Helper()
	n, err := db.CopiesStaged()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCopyStreamed(t *testing.T) {
	e, f := newCopyEngine(t, 4096)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE c(id int PRIMARY KEY, v text)", "")
	w := &rec{copyIn: copyRows(5000, nil)}
	p0 := f.proposed.Load()
	if err := s.SimpleQuery(context.Background(), "COPY c FROM STDIN", w); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(w.out, " "); got != "C:COPY 5000" {
		t.Fatal(got)
	}
	if n := f.proposed.Load() - p0; n < 4 {
		t.Fatalf("a COPY of 5000 rows in 4 KiB chunks used %d entries", n)
	}
	// In the client's order (rowid order is insertion order).
	got, _ := q(t, s, "SELECT count(*), sum(CASE WHEN v = 'row ' || id THEN 1 ELSE 0 END) FROM c")
	if !strings.Contains(got, "R[5000 5000]") {
		t.Fatal(got)
	}
	got, _ = q(t, s, "SELECT id FROM c ORDER BY rowid LIMIT 3")
	if !strings.Contains(got, "R[1] R[2] R[3]") {
		t.Fatal(got)
	}
	if n := staged(t, e.db); n != 0 {
		t.Fatalf("%d staging tables left", n)
	}
	// The staging tables are not the user's: hidden from the catalog.
	got, _ = q(t, s, "SELECT count(*) FROM pg_class WHERE relname LIKE 'raftsql%'")
	if !strings.Contains(got, "R[0]") {
		t.Fatal(got)
	}
}

// TestCopyStreamedBadRow: a bad row late in a multi-chunk COPY fails it
// with PostgreSQL's error and the row's line, stores nothing and leaves
// no staged rows.
func TestCopyStreamedBadRow(t *testing.T) {
	cases := []struct {
		name  string
		sql   string
		edit  func(i int, r []any)
		code  string
		where string
	}{
		{"bad value", "COPY c FROM STDIN", func(i int, r []any) {
			if i == 4500 {
				r[0] = "x"
			}
		}, "22P02", `COPY c, line 4500, column id: "x"`},
		{"duplicate key", "COPY c FROM STDIN", func(i int, r []any) {
			if i == 4700 {
				r[0] = "7"
			}
		}, "23505", "COPY c, line 4700"},
		{"header", "COPY c FROM STDIN WITH (FORMAT csv, HEADER)", func(i int, r []any) {
			if i == 4700 {
				r[0] = "7"
			}
		}, "23505", "COPY c, line 4701"},
		{"missing column", "COPY c FROM STDIN", func(i int, r []any) {}, "22P04", "COPY c, line 4999"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, _ := newCopyEngine(t, 4096)
			s := newSess(t, e)
			mustQ(t, s, "CREATE TABLE c(id int PRIMARY KEY, v text)", "")
			rows := copyRows(5000, tc.edit)
			if tc.code == "22P04" {
				rows[4998] = rows[4998][:1]
			}
			w := &rec{copyIn: rows}
			err := s.SimpleQuery(context.Background(), tc.sql, w)
			var e2 *Error
			if !errors.As(err, &e2) || e2.Code != tc.code || e2.Where != tc.where {
				t.Fatalf("err %v (%+v), want %s at %q", err, e2, tc.code, tc.where)
			}
			got, _ := q(t, s, "SELECT count(*) FROM c")
			if !strings.Contains(got, "R[0]") {
				t.Fatal(got)
			}
			if n := staged(t, e.db); n != 0 {
				t.Fatalf("%d staging tables left", n)
			}
		})
	}
}

// failSource yields rows, then fails as a CopyFail or a disconnect would.
type failSource struct {
	rows [][]any
	err  error
}

func (s *failSource) Next(ctx context.Context, max int) ([][]any, error) {
	if len(s.rows) == 0 {
		return nil, s.err
	}
	n := min(max, len(s.rows))
	out := s.rows[:n]
	s.rows = s.rows[n:]
	return out, nil
}

type failRec struct {
	rec
	src *failSource
}

func (r *failRec) CopyIn(f pgwire.CopyFormat, cols []pgwire.Column) (pgwire.CopySource, error) {
	return r.src, nil
}

func TestCopyStreamedClientFails(t *testing.T) {
	e, _ := newCopyEngine(t, 4096)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE c(id int PRIMARY KEY, v text)", "")
	w := &failRec{src: &failSource{rows: copyRows(3000, nil), err: errf(CodeQueryCanceled, "COPY from stdin failed: stop")}}
	err := s.SimpleQuery(context.Background(), "COPY c FROM STDIN", w)
	var e2 *Error
	if !errors.As(err, &e2) || e2.Code != CodeQueryCanceled {
		t.Fatalf("err %v", err)
	}
	got, _ := q(t, s, "SELECT count(*) FROM c")
	if !strings.Contains(got, "R[0]") {
		t.Fatal(got)
	}
	if n := staged(t, e.db); n != 0 {
		t.Fatalf("%d staging tables left", n)
	}
}

// TestCopyStageExpiry: a COPY whose session is gone (no abort, no final)
// is dropped at the first command entry past its lease, on every node the
// same; a final entry whose rows expired midway fails and stores nothing.
func TestCopyStageExpiry(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	idx := uint64(0)
	apply := func(ts int64, flags uint32, st Statement) *ApplyResult {
		idx++
		c := &Command{Timestamp: ts, Flags: flags, Statements: []Statement{st}}
		c.RequestID[0], c.RequestID[15] = byte(idx), byte(idx>>8)
		return db.Apply(idx, EncodeCommand(c))
	}
	lease := (time.Minute).Microseconds()
	if r := apply(1, 0, Statement{SQL: "CREATE TABLE t(a int, b text)"}); r.Err != nil {
		t.Fatal(r.Err)
	}
	stage := func(ts int64, id string, first int64, vals ...any) *ApplyResult {
		return apply(ts, CmdCopy, Statement{SQL: copyOpStage, Args: append([]any{id, int64(2), lease, first}, vals...)})
	}
	if r := stage(1000, "aa", 1, int64(1), "x", int64(2), "y"); r.Err != nil {
		t.Fatal(r.Err)
	}
	if r := stage(2000, "bb", 1, int64(3), "z"); r.Err != nil {
		t.Fatal(r.Err)
	}
	if n := staged(t, db); n != 2 {
		t.Fatal(n)
	}
	// Within the lease: kept.
	apply(1000+lease, 0, Statement{SQL: "SELECT 1"})
	if n := staged(t, db); n != 2 {
		t.Fatal(n)
	}
	// Past aa's lease, not bb's.
	apply(1500+lease, 0, Statement{SQL: "SELECT 1"})
	if n := staged(t, db); n != 1 {
		t.Fatal(n)
	}
	// A chunk of aa that commits late stages again, and the final entry
	// sees that rows are missing.
	if r := stage(1600+lease, "aa", 3, int64(4), "w"); r.Err != nil {
		t.Fatal(r.Err)
	}
	r := apply(1700+lease, CmdCopy, Statement{SQL: copyOpFinish, Args: []any{"aa", "t", int64(3), "a", "b"}})
	var e *Error
	if !errors.As(r.Err, &e) || e.Code != CodeObjectNotInPrerequisiteState {
		t.Fatalf("finish after expiry: %v", r.Err)
	}
	r = apply(1800+lease, CmdCopy, Statement{SQL: copyOpFinish, Args: []any{"bb", "t", int64(1), "a", "b"}})
	if r.Err != nil || len(r.Results) != 1 || r.Results[0].RowsAffected != 1 {
		t.Fatalf("finish: %+v", r)
	}
	if r := apply(1900+lease, CmdCopy, Statement{SQL: copyOpAbort, Args: []any{"aa"}}); r.Err != nil {
		t.Fatal(r.Err)
	}
	if n := staged(t, db); n != 0 {
		t.Fatal(n)
	}
	// A bad id never becomes part of a table name.
	if r := stage(3000+lease, "x; DROP TABLE t", 1, int64(1), "x"); r.Err == nil {
		t.Fatal("bad id accepted")
	}
}

// TestCopyStagedSnapshot: a snapshot taken between a COPY's chunks
// carries its staged rows and lease: a node restored from it applies the
// rest of the log to the same content as the node it came from, both for
// the COPY's final entry and for the expiry of an abandoned COPY.
func TestCopyStagedSnapshot(t *testing.T) {
	lease := time.Minute.Microseconds()
	entry := func(idx uint64, ts int64, flags uint32, st Statement) []byte {
		c := &Command{Timestamp: ts, Flags: flags, Statements: []Statement{st}}
		c.RequestID[0], c.RequestID[15] = byte(idx), byte(idx>>8)
		return EncodeCommand(c)
	}
	log := [][]byte{
		entry(1, 1, 0, Statement{SQL: "CREATE TABLE t(a int PRIMARY KEY, b text)"}),
		entry(2, 10, CmdCopy, Statement{SQL: copyOpStage, Args: []any{"aa", int64(2), lease, int64(1), int64(1), "x", int64(2), "y"}}),
		entry(3, 20, CmdCopy, Statement{SQL: copyOpStage, Args: []any{"bb", int64(2), lease, int64(1), int64(9), "z"}}),
		// snapshot here
		entry(4, 30, CmdCopy, Statement{SQL: copyOpStage, Args: []any{"aa", int64(2), lease, int64(3), int64(3), "w"}}),
		entry(5, 40, CmdCopy, Statement{SQL: copyOpFinish, Args: []any{"aa", "t", int64(3), "a", "b"}}),
		entry(6, 40+lease, 0, Statement{SQL: "INSERT INTO t VALUES (100, 'after')"}), // bb expires
	}
	db := openTest(t, t.TempDir())
	defer db.Close()
	for i, e := range log[:3] {
		if r := db.Apply(uint64(i+1), e); r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	snap := filepath.Join(t.TempDir(), "snap.db")
	if _, err := db.SnapshotTo(context.Background(), snap); err != nil {
		t.Fatal(err)
	}
	other := openTest(t, t.TempDir())
	defer other.Close()
	if err := other.Restore(snap, 3); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*DB{db, other} {
		if n := staged(t, d); n != 2 {
			t.Fatalf("%d staged before the rest of the log", n)
		}
		for i, e := range log[3:] {
			if r := d.Apply(uint64(i+4), e); r.Err != nil {
				t.Fatal(r.Err)
			}
		}
		if n := staged(t, d); n != 0 {
			t.Fatalf("%d staged after the lease", n)
		}
	}
	a, _, _ := db.Checksum(context.Background())
	b, _, _ := other.Checksum(context.Background())
	if a != b {
		t.Fatal("the restored node diverged")
	}
}
