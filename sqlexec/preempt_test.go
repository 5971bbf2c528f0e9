package sqlexec

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// specInsert inserts rows rows into big in one statement, each with the
// number of rows small had when the statement ran (its run's state),
// returning that number: several thousand progress-handler calls.
func specInsert(rows int) string {
	return fmt.Sprintf(`INSERT INTO big(x, n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %d) SELECT x, (SELECT count(*) FROM small) FROM c RETURNING n`, rows)
}

// onSpeculation sets testHookSpeculation for db's apply connection for the
// test's duration: fn is called once per run, at the run's first
// progress-handler call (the statement is running).
func onSpeculation(t *testing.T, db *DB, fn func(run int)) {
	t.Helper()
	last := 0
	testHookSpeculation = func(m *meter, run int) {
		if m != db.w.meter || run == last {
			return
		}
		last = run
		fn(run)
	}
	t.Cleanup(func() { testHookSpeculation = nil })
}

// untilApplyWaits returns once an apply batch waits for db's apply lock.
func untilApplyWaits(db *DB) {
	for db.turn.waiting.Load() == 0 {
		runtime.Gosched()
	}
}

// smallWrite proposes an autocommit INSERT into small through f (as a
// session's write outside a transaction is), reporting its result on the
// returned channel.
func smallWrite(f *fakeReplicator, id byte) <-chan error {
	done := make(chan error, 1)
	go func() {
		cmd := &Command{Statements: []Statement{{SQL: "INSERT INTO small VALUES (1)"}}}
		cmd.RequestID[0], cmd.RequestID[1] = id, 0x5c
		r, err := f.Propose(context.Background(), cmd)
		if err == nil {
			err = r.Err
		}
		done <- err
	}()
	return done
}

// rowsOf checks a RETURNING n result of rows rows, all with n = want.
func rowsOf(t *testing.T, out string, rows int, want int) {
	t.Helper()
	tag := fmt.Sprintf("C:INSERT 0 %d", rows)
	if !strings.HasSuffix(out, tag) {
		t.Fatalf("speculative insert: tail %q, want %q", out[max(0, len(out)-40):], tag)
	}
	if got := strings.Count(out, fmt.Sprintf("R[%d]", want)); got != rows {
		t.Fatalf("speculative insert returned %d rows with n = %d of %d: the client saw rows of more than one run, or of the wrong one", got, want, rows)
	}
}

// A write outside a transaction commits and is applied while another
// session's long speculative statement is still running (it has not
// returned: its second run waits for the test): the speculation yields
// the apply lock and runs again, and its client sees the results of that
// one run, on the state after the write.
func TestSpeculationYieldsToApply(t *testing.T) {
	e, f := newTestEngine(t)
	db := e.db
	a := newSess(t, e)
	mustQ(t, a, "CREATE TABLE big(x INTEGER, n INTEGER); CREATE TABLE small(x INTEGER)", "")
	mustQ(t, a, "BEGIN", "")
	asserts := openTxAsserts.Load()
	started, release := make(chan struct{}), make(chan struct{})
	var write <-chan error
	onSpeculation(t, db, func(run int) {
		switch run {
		case 1:
			write = smallWrite(f, 1)
			close(started)
			untilApplyWaits(db)
		case 2:
			<-release
		}
	})
	const rows = 20000
	type answer struct {
		out string
		err error
	}
	heavy := make(chan answer, 1)
	go func() {
		out, err := q(t, a, specInsert(rows))
		heavy <- answer{out, err}
	}()
	<-started
	select {
	case err := <-write:
		if err != nil {
			t.Fatalf("small write: %v", err)
		}
	case h := <-heavy:
		t.Fatalf("the speculative statement returned (%v) before the other session's write was applied: the write waited for it", h.err)
	}
	close(release)
	h := <-heavy
	if h.err != nil {
		t.Fatalf("speculative insert: %v", h.err)
	}
	rowsOf(t, h.out, rows, 1)
	mustQ(t, a, "COMMIT", "C:COMMIT")
	mustQ(t, a, "SELECT count(*), min(n), max(n) FROM big", fmt.Sprintf("D[count:20,min:{I},max:{I}] R[%d 1 1] C:SELECT 1", rows))
	if n := openTxAsserts.Load(); n != asserts {
		t.Fatalf("a preempted speculation left a transaction open (%d asserts)", n-asserts)
	}
}

// Under a steady stream of writes a speculation yields maxPreemptions
// times; its next run holds the lock to its end, so it finishes, and the
// write that came meanwhile applies after it.
func TestSpeculationPreemptionsBounded(t *testing.T) {
	e, f := newTestEngine(t)
	db := e.db
	a := newSess(t, e)
	mustQ(t, a, "CREATE TABLE big(x INTEGER, n INTEGER); CREATE TABLE small(x INTEGER)", "")
	mustQ(t, a, "BEGIN", "")
	var mu sync.Mutex
	var writes []<-chan error
	runs := 0
	onSpeculation(t, db, func(run int) {
		mu.Lock()
		runs = run
		writes = append(writes, smallWrite(f, byte(run)))
		mu.Unlock()
		untilApplyWaits(db)
	})
	const rows = 5000
	out, err := q(t, a, specInsert(rows))
	if err != nil {
		t.Fatalf("speculative insert: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if runs != maxPreemptions+1 {
		t.Fatalf("the statement ran %d times, want %d (preempted %d times)", runs, maxPreemptions+1, maxPreemptions)
	}
	// The last run saw the writes of the runs before it, not its own.
	rowsOf(t, out, rows, maxPreemptions)
	for i, w := range writes {
		if err := <-w; err != nil {
			t.Fatalf("write %d: %v", i+1, err)
		}
	}
	// The last write changed what the statement returned: COMMIT would
	// fail with 40001 (validate.go).
	mustQ(t, a, "ROLLBACK", "C:ROLLBACK")
	mustQ(t, a, "SELECT count(*) FROM small", fmt.Sprintf("D[count:20] R[%d] C:SELECT 1", maxPreemptions+1))
}

// A cancel request stops a speculation even while an apply waits for the
// lock (57014, not a new run), and the work budget stops a run that the
// apply preempted before: both are the statement's answer, as without
// preemption.
func TestSpeculationPreemptedCancelAndBudget(t *testing.T) {
	t.Run("cancel", func(t *testing.T) {
		e, f := newTestEngine(t)
		db := e.db
		a := newSess(t, e)
		mustQ(t, a, "CREATE TABLE big(x INTEGER, n INTEGER); CREATE TABLE small(x INTEGER)", "")
		mustQ(t, a, "BEGIN", "")
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var write <-chan error
		runs := 0
		onSpeculation(t, db, func(run int) {
			runs = run
			if run == 1 {
				write = smallWrite(f, 1)
				untilApplyWaits(db)
				cancel()
			}
		})
		err := a.SimpleQuery(ctx, specInsert(5000), &rec{})
		if e, ok := err.(*Error); !ok || e.Code != CodeQueryCanceled || e.Message != "canceling statement due to user request" {
			t.Fatalf("cancelled speculative insert: %v", err)
		}
		if runs != 1 {
			t.Fatalf("a cancelled speculation ran again (%d runs)", runs)
		}
		if err := <-write; err != nil {
			t.Fatalf("small write: %v", err)
		}
	})
	t.Run("budget", func(t *testing.T) {
		e, db := budgetEngine(t, 100_000)
		f := e.r.(*fakeReplicator)
		a := newSess(t, e)
		mustQ(t, a, "CREATE TABLE big(x INTEGER, n INTEGER); CREATE TABLE small(x INTEGER)", "")
		mustQ(t, a, "BEGIN", "")
		var write <-chan error
		runs := 0
		onSpeculation(t, db, func(run int) {
			runs = run
			if run == 1 {
				write = smallWrite(f, 1)
				untilApplyWaits(db)
			}
		})
		if _, err := q(t, a, specInsert(50000)); code(err) != CodeProgramLimitExceeded {
			t.Fatalf("over-budget speculative insert: %v", err)
		}
		if runs != 2 {
			t.Fatalf("the statement ran %d times, want 2 (preempted once, then over the budget)", runs)
		}
		if err := <-write; err != nil {
			t.Fatalf("small write: %v", err)
		}
	})
}

// A configuration or member-table entry's apply (ApplyImageMeta) takes the
// apply lock through the same turn as ApplyBatch: a speculation yields to
// it too (the integration measurement found the leader's apply waiting
// there behind a long speculative statement).
func TestSpeculationYieldsToImageMeta(t *testing.T) {
	e, f := newTestEngine(t)
	db := e.db
	a := newSess(t, e)
	mustQ(t, a, "CREATE TABLE big(x INTEGER, n INTEGER); CREATE TABLE small(x INTEGER)", "")
	mustQ(t, a, "BEGIN", "")
	started, release := make(chan struct{}), make(chan struct{})
	recorded := make(chan error, 1)
	onSpeculation(t, db, func(run int) {
		switch run {
		case 1:
			f.mu.Lock()
			f.next++
			idx := f.next
			f.mu.Unlock()
			go func() { recorded <- db.ApplyConfig(idx, []byte("conf")) }()
			close(started)
			untilApplyWaits(db)
		case 2:
			<-release
		}
	})
	heavy := make(chan error, 1)
	go func() {
		_, err := q(t, a, specInsert(20000))
		heavy <- err
	}()
	<-started
	select {
	case err := <-recorded:
		if err != nil {
			t.Fatalf("ApplyConfig: %v", err)
		}
	case err := <-heavy:
		t.Fatalf("the speculative statement returned (%v) before the configuration entry was applied", err)
	}
	close(release)
	if err := <-heavy; err != nil {
		t.Fatalf("speculative insert: %v", err)
	}
	mustQ(t, a, "ROLLBACK", "C:ROLLBACK")
}
