package raftsql

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql/raft"
)

func testEntries(lo, hi uint64, size int) []raft.Entry {
	var ents []raft.Entry
	for i := lo; i <= hi; i++ {
		ents = append(ents, raft.Entry{Index: i, Term: 1, Data: make([]byte, size)})
	}
	return ents
}

// The apply queue keeps entries in memory up to its bound and only index
// ranges beyond it (consecutive ranges merge), and hands everything out
// in log order.
func TestApplyQueueBoundsMemory(t *testing.T) {
	q := newApplyQueue(1000)
	q.pushEntries(testEntries(1, 20, 100))  // first batch: always in memory, even over the bound
	q.pushEntries(testEntries(21, 21, 100)) // over the bound: a range
	q.pushEntries(testEntries(22, 30, 100)) // merges into the range
	q.pushSnapshot(raft.Snapshot{Meta: raft.SnapshotMeta{Index: 40}})
	q.pushEntries(testEntries(41, 45, 100)) // a new range after the snapshot
	if q.bytes != 20*(100+raft.EntryOverhead) {
		t.Fatalf("queued bytes %d, want only the first batch's", q.bytes)
	}
	if len(q.items) != 4 {
		t.Fatalf("%d items queued, want 4 (batch, range, snapshot, range)", len(q.items))
	}
	stop := make(chan struct{})
	var got []string
	for range 4 {
		it, ok := q.next(stop)
		if !ok {
			t.Fatal("next: stopped")
		}
		switch {
		case it.snap != nil:
			got = append(got, fmt.Sprintf("snap@%d", it.snap.Meta.Index))
		case it.ents != nil:
			got = append(got, fmt.Sprintf("ents %d..%d", it.ents[0].Index, it.ents[len(it.ents)-1].Index))
		default:
			got = append(got, fmt.Sprintf("range %d..%d", it.lo, it.hi))
		}
		q.release(it)
	}
	want := "[ents 1..20 range 21..30 snap@40 range 41..45]"
	if fmt.Sprint(got) != want {
		t.Fatalf("items %v, want %s", got, want)
	}
	if q.bytes != 0 {
		t.Fatalf("%d bytes still counted after release", q.bytes)
	}
	// Room again: the next batch travels in memory.
	q.pushEntries(testEntries(46, 46, 10))
	if it, _ := q.next(stop); it.ents == nil {
		t.Fatal("a batch pushed into an empty queue was not kept in memory")
	}
	close(stop)
	if _, ok := q.next(stop); ok {
		t.Fatal("next returned an item from an empty, stopped queue")
	}
}

// With a tiny apply queue, committed entries are read back from the log
// store, and every write is applied once, in order.
func TestApplyReadsBackFromLogStoreOverTheBound(t *testing.T) {
	old := applyQueueBytes
	applyQueueBytes = 1
	defer func() { applyQueueBytes = old }()

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	n, url := startOneNode(ctx, t)
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE TABLE t (k INTEGER, i INTEGER, PRIMARY KEY (k, i))"); err != nil {
		t.Fatal(err)
	}
	// Rounds of concurrent writes until some batch has gone through the
	// log store (whether one does in a given round depends on how far
	// apply falls behind, i.e. on scheduling): the test waits for the
	// condition it needs instead of hoping one round produces it.
	const clients, writes = 8, 40
	total := 0
	var ranges uint64
	for round := 0; ranges == 0; round++ {
		if ctx.Err() != nil {
			t.Fatalf("no batch went through the log store after %d rounds of writes", round)
		}
		var wg sync.WaitGroup
		errs := make(chan error, clients)
		for k := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, err := pgx.Connect(ctx, url)
				if err != nil {
					errs <- err
					return
				}
				defer c.Close(ctx)
				for i := range writes {
					if _, err := c.Exec(ctx, "INSERT INTO t VALUES ($1, $2)", round*clients+k, i); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		total += clients * writes
		n.applyq.mu.Lock()
		ranges = n.applyq.ranges
		n.applyq.mu.Unlock()
	}
	var count int
	if err := conn.QueryRow(ctx, "SELECT count(*) FROM t").Scan(&count); err != nil || count != total {
		t.Fatalf("count = %d, %v; want %d", count, err, total)
	}
	t.Logf("%d batches read back from the log store", ranges)
}
