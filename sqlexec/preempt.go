package sqlexec

import (
	"context"
	"sync"
	"sync/atomic"

	lib "modernc.org/sqlite/lib"
)

// A transaction's speculation yields the apply lock to the apply (issue 15).
//
// A statement of an explicit transaction runs speculatively on the apply
// connection under the apply lock (txn.go: BEGIN, replay of the
// transaction's earlier statements, the new statement, ROLLBACK). While it
// runs the node cannot apply committed entries, so without this every
// other client's write on the node (on the leader, every write of the
// cluster) waited for it: a million-row INSERT ... SELECT in a transaction
// held them for seconds, past the write timeout (40003). PostgreSQL lets
// them proceed.
//
// Speculation always ends in ROLLBACK, so it can be started again. When an
// apply batch wants the lock (applyTurn) while a speculation holds it, the
// progress handler stops the speculation (preemptedError; budget.go),
// withSpeculation rolls it back and releases the lock, waits until the
// apply has taken it, and runs the whole speculation again from its start
// on the new state. The caller's function keeps only what its last run
// produced, so the client sees the results of one run. Validation is
// unchanged: the last run replays the earlier statements and compares
// their digest on the state it runs on, as any run does (validate.go).
//
// Fairness: one speculation is preempted at most maxPreemptions times; its
// next run holds the lock to its end as before, so a long statement under
// a steady stream of writes still finishes, at the price of those writes
// waiting for that one run. A preempted run's work is lost, so a statement
// may take up to maxPreemptions+1 times its own time; statement_timeout,
// cancel requests and the work budget apply to every run (the budget to
// each run, as to an entry).
//
// The handler runs every progressOps VM instructions, so a preemption
// lands within microseconds of work, except during one long instruction
// (sorting a large ORDER BY): the apply connection is never
// sqlite3_interrupt'ed, since an interrupt that landed after the
// speculation released the lock would stop the apply instead (budget.go).
//
// The replicated state never depends on this: speculation never commits,
// and every run leaves no transaction open (assertNoTx).

// maxPreemptions bounds how often one speculation yields to the apply.
const maxPreemptions = 8

// preemptedError stops a speculation the apply is waiting for. It never
// reaches a client: withSpeculation runs the speculation again. (A new
// value each time: statements' errors may be annotated as they pass up.)
func preemptedError() *Error {
	return &Error{Code: CodeQueryCanceled, Statement: -1,
		Message: "canceling speculation: the apply is waiting for the apply lock"}
}

// applyTurn counts the apply batches waiting for the apply lock (DB.mu).
type applyTurn struct {
	waiting atomic.Int32 // read by the progress handler of a speculation
	mu      sync.Mutex
	taken   chan struct{} // closed when waiting drops to zero
}

// lockApply takes the apply lock for the apply, or for anything else that
// is not a speculation (applying an image's metadata, restoring a
// snapshot): a speculation holding the lock yields it.
func (db *DB) lockApply() {
	db.turn.want()
	db.mu.Lock()
	db.turn.got()
	db.dropKept() // keptspec.go
}

// want is called before DB.mu is locked, got once it is held.
func (t *applyTurn) want() {
	t.mu.Lock()
	if t.waiting.Add(1) == 1 {
		t.taken = make(chan struct{})
	}
	t.mu.Unlock()
}

func (t *applyTurn) got() {
	t.mu.Lock()
	if t.waiting.Add(-1) == 0 {
		close(t.taken)
	}
	t.mu.Unlock()
}

// wait returns once no apply waits for the lock: the one that preempted a
// speculation has taken it, so the speculation's next run starts after that
// apply's batch, instead of taking the lock back first and being preempted
// again at once.
func (t *applyTurn) wait(ctx context.Context) error {
	t.mu.Lock()
	if t.waiting.Load() == 0 {
		t.mu.Unlock()
		return nil
	}
	ch := t.taken
	t.mu.Unlock()
	select {
	case <-ch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// withSpeculation is withWriter for a speculation of owner, which the
// apply may preempt: fn may run several times, each on the latest applied
// state, and must keep only what its last run produced (the run
// withSpeculation returns from).
func (db *DB) withSpeculation(ctx context.Context, owner *txn, fn func(c *lconn, d *detState) error) error {
	for run := 1; ; run++ {
		preempted, err := db.writerRun(ctx, run, run <= maxPreemptions, owner, fn)
		if !preempted {
			return err
		}
		if err := db.turn.wait(ctx); err != nil {
			return cancelError(err)
		}
		if err := ctx.Err(); err != nil {
			return cancelError(err)
		}
	}
}

// testHookSpeculation, when set (tests), is called by the progress handler
// while a speculation runs, with the connection's meter and the run's
// number (from 1).
var testHookSpeculation func(m *meter, run int)

// speculationGuard refuses, before it steps, a statement of a
// speculation that writes when the speculation could no longer undo it:
//
//   - after the run was preempted: SQLite ends the whole transaction when
//     a statement that writes is interrupted (sqlite3VdbeHalt rolls back
//     on SQLITE_INTERRUPT), and a caller that goes on after an error (a
//     DDL helper's clean-up, a short statement that finished before the
//     handler's next call) would write on a state that is no longer the
//     run's, possibly in autocommit. The run is discarded anyway: only
//     reads and the ROLLBACK that ends it still run.
//   - outside a transaction: a speculation never commits (each run
//     starts with BEGIN and ends with ROLLBACK), so a write with no
//     transaction open would change the replicated state outside the log.
func (m *meter) speculationGuard(c *lconn, p uintptr) *Error {
	if lib.Xsqlite3_stmt_readonly(c.tls, p) != 0 {
		return nil
	}
	if m.preempted {
		return preemptedError()
	}
	if !c.inTx() {
		return &Error{Code: CodeInternal, Statement: -1,
			Message: "speculation: refused a write outside the speculation's transaction"}
	}
	return nil
}
