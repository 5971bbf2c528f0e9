package sqlexec

import (
	"context"
	"runtime"
	"testing"
)

// heapProbe is a ResultWriter that, halfway through a result, measures
// the live heap (after a forced collection): a streamed result keeps only
// the rows in flight alive, a materialized one all of them.
type heapProbe struct {
	rec
	rows, at int
	live     uint64
}

func (h *heapProbe) Row(v []any) error {
	h.rows++
	if h.rows == h.at {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.live = m.HeapAlloc
	}
	return nil
}

// A large read inside a transaction streams from its read view (the
// server does not hold the result), and what it read is still validated
// at COMMIT once the transaction writes.
func TestTxReadStreams(t *testing.T) {
	e, _ := newTestEngine(t)
	s, other := newSess(t, e), newSess(t, e)
	const rows, width = 40000, 1000 // ~40 MB of row data
	mustQ(t, s, "CREATE TABLE big(id INTEGER PRIMARY KEY, pad TEXT)", "")
	mustQ(t, s, "INSERT INTO big SELECT g, printf('%01000d', g) FROM generate_series(1, 40000) g", "")
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)

	mustQ(t, s, "BEGIN", "C:BEGIN")
	h := &heapProbe{at: rows / 2}
	if err := s.SimpleQuery(context.Background(), "SELECT id, pad FROM big", h); err != nil {
		t.Fatal(err)
	}
	if h.rows != rows {
		t.Fatalf("%d rows", h.rows)
	}
	if grew := int64(h.live) - int64(base.HeapAlloc); grew > rows*width/4 {
		t.Fatalf("live heap grew by %d bytes halfway through a %d-byte result: the read is held, not streamed", grew, rows*width)
	}
	// The streamed read counts for validation: a change to what it read,
	// committed before this transaction's first write, fails the COMMIT.
	mustQ(t, other, "UPDATE big SET pad = 'x' WHERE id = 7", "C:UPDATE 1")
	if _, err := q(t, s, "INSERT INTO big VALUES (0, 'new')"); code(err) != "40001" {
		if err != nil {
			t.Fatalf("first write: %v", err)
		}
		wantCode(t, s, "COMMIT", "40001")
	} else {
		mustQ(t, s, "ROLLBACK", "C:ROLLBACK")
	}

	// Unchanged, the same shape commits, and a row-locking read after
	// streamed ones validates them all at COMMIT too.
	mustQ(t, s, "BEGIN", "C:BEGIN")
	mustQ(t, s, "SELECT count(*) FROM big WHERE id < 10", "D[count:20] R[9] C:SELECT 1")
	mustQ(t, s, "SELECT pad FROM big WHERE id = 1 FOR UPDATE", "")
	mustQ(t, s, "INSERT INTO big VALUES (0, 'new')", "C:INSERT 0 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "BEGIN", "C:BEGIN")
	mustQ(t, s, "SELECT count(*) FROM big WHERE id < 10", "D[count:20] R[10] C:SELECT 1")
	mustQ(t, s, "SELECT pad FROM big WHERE id = 2 FOR UPDATE", "")
	mustQ(t, other, "DELETE FROM big WHERE id = 3", "C:DELETE 1")
	wantCode(t, s, "COMMIT", "40001")
}

// COPY ... TO STDOUT streams too, outside and inside a transaction.
func TestCopyOutStreams(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	const rows, width = 40000, 1000
	mustQ(t, s, "CREATE TABLE big(id INTEGER PRIMARY KEY, pad TEXT)", "")
	mustQ(t, s, "INSERT INTO big SELECT g, printf('%01000d', g) FROM generate_series(1, 40000) g", "")
	for _, inTx := range []bool{false, true} {
		if inTx {
			mustQ(t, s, "BEGIN", "C:BEGIN")
		}
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		h := &heapProbe{at: rows / 2}
		if err := s.SimpleQuery(context.Background(), "COPY big TO STDOUT", h); err != nil {
			t.Fatal(err)
		}
		if h.rows != rows || len(h.out) != 2 || h.out[0] != "COPYOUT[2]" || h.out[1] != "C:COPY 40000" {
			t.Fatalf("in a transaction %v: %d rows, %q", inTx, h.rows, h.out)
		}
		if grew := int64(h.live) - int64(base.HeapAlloc); grew > rows*width/4 {
			t.Fatalf("in a transaction %v: live heap grew by %d bytes halfway through a %d-byte COPY", inTx, grew, rows*width)
		}
		if inTx {
			mustQ(t, s, "COMMIT", "C:COMMIT")
		}
	}
}
