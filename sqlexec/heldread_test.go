package sqlexec

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire"
)

// rowKeeper is a ResultWriter that keeps the rows.
type rowKeeper struct {
	discardWriter
	got [][]any
}

func (k *rowKeeper) Row(r []any) error {
	k.got = append(k.got, append([]any(nil), r...))
	return nil
}

// Reads on held read transactions (heldread.go) never see a state older
// than the applied index when they start: between applies the reads
// share held transactions, each apply makes the next read see it, and once
// apply moves the idle connections' held transactions end (they would
// otherwise keep the WAL from being checkpointed).
func TestHeldReadSeesEveryApply(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE t(id integer PRIMARY KEY, v integer)"))
	if r := db.Apply(2, cmdOf(2, 1, 2, "INSERT INTO t VALUES (1, 0)")); r.Err != nil {
		t.Fatal(r.Err)
	}
	ctx := context.Background()
	e := NewEngine(db, &frontReplicator{db: db}, EngineOptions{})
	ps, err := e.NewSession(ctx, pgwire.SessionInfo{User: "u"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := ps.(*Session).Prepare(ctx, "SELECT v FROM t WHERE id = 1", nil)
	if err != nil {
		t.Fatal(err)
	}
	read := func() int64 {
		t.Helper()
		k := &rowKeeper{}
		if err := st.Execute(ctx, nil, k); err != nil {
			t.Fatal(err)
		}
		if len(k.got) != 1 {
			t.Fatalf("rows %v", k.got)
		}
		return k.got[0][0].(int64)
	}
	held := false
	for i := int64(0); i < 30; i++ {
		for range 3 * cap(db.readers) {
			if got := read(); got != i {
				t.Fatalf("read %d after the apply that set %d", got, i)
			}
			held = held || db.heldCount.Load() > 0
		}
		if r := db.Apply(uint64(3+i), cmdOf(3+i, 1, byte(3+i), fmt.Sprintf("UPDATE t SET v = %d", i+1))); r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	if !held {
		t.Fatal("no read transaction was ever held: the test tests nothing")
	}
	// No read after the last apply: the idle connections' held
	// transactions end all the same.
	deadline := time.Now().Add(30 * time.Second)
	for db.heldCount.Load() != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d read transactions still held after apply moved on", db.heldCount.Load())
		}
		runtime.Gosched() // the releaser runs on its own goroutine
	}
	for range cap(db.readers) {
		r := <-db.readers
		defer func() { db.readers <- r }()
		r.mu.Lock()
		open := r.inTx()
		r.mu.Unlock()
		if open {
			t.Fatal("a pool connection still has a read transaction open")
		}
	}
}

// Any other use of a pool connection (here a checksum, which runs its own
// BEGIN) first ends a held transaction.
func TestHeldReadEndsBeforeOtherUse(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	db.Apply(1, cmdOf(1, 1, 1, "CREATE TABLE t(id integer PRIMARY KEY)"))
	ctx := context.Background()
	e := NewEngine(db, &frontReplicator{db: db}, EngineOptions{})
	ps, err := e.NewSession(ctx, pgwire.SessionInfo{User: "u"})
	if err != nil {
		t.Fatal(err)
	}
	st, err := ps.(*Session).Prepare(ctx, "SELECT count(*) FROM t", nil)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 * cap(db.readers) {
		if err := st.Execute(ctx, nil, &discardWriter{}); err != nil {
			t.Fatal(err)
		}
	}
	if db.heldCount.Load() == 0 {
		t.Fatal("no read transaction held")
	}
	for range 2 * cap(db.readers) {
		if _, _, err := db.Checksum(ctx); err != nil {
			t.Fatalf("checksum on a connection that held a read transaction: %v", err)
		}
	}
	if n := db.heldCount.Load(); n != 0 {
		t.Fatalf("%d read transactions held after every connection served a checksum", n)
	}
}

// A session's reads share one registration on their context (ctxWatch),
// as pgwire shares one context between a connection's statements: ending
// the context stops the read running under it, a read started under an
// ended context stops too (at the progress handler's first call: a read
// too short to reach it may complete, as before), and ending a context the
// session no longer uses stops nothing.
func TestSessionWatchFollowsItsContext(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	const endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
	run := func(ctx context.Context, sql string) error {
		return s.SimpleQuery(ctx, sql, &discardWriter{})
	}
	first, cancelFirst := context.WithCancel(context.Background())
	for range 3 {
		if err := run(first, "SELECT 1"); err != nil {
			t.Fatal(err)
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- run(first, endless) }()
	// Whether the endless read is running yet or not, it stops.
	cancelFirst()
	if err := <-errc; code(err) != "57014" {
		t.Fatalf("read whose context ended: %v, want 57014", err)
	}
	if err := run(first, endless); code(err) != "57014" {
		t.Fatalf("read under an ended context: %v, want 57014", err)
	}
	second, cancelSecond := context.WithCancel(context.Background())
	defer cancelSecond()
	if err := run(second, "SELECT 1"); err != nil {
		t.Fatalf("read under a new context: %v", err)
	}
	third, cancelThird := context.WithCancel(context.Background())
	if err := run(third, "SELECT 1"); err != nil {
		t.Fatal(err)
	}
	go func() {
		errc <- run(second, "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 300000) SELECT x FROM c)")
	}()
	cancelThird() // no longer the session's context: must not stop the read
	if err := <-errc; err != nil {
		t.Fatalf("read stopped by a context it does not run under: %v", err)
	}
}
