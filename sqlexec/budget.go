package sqlexec

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// The work budget and statement cancellation: every connection has a meter
// behind SQLite's progress handler.
//
// SQLite calls the handler every progressOps virtual-machine instructions
// of a running statement. On the apply connection the meter counts the
// instructions of each log entry's statements (sqlite3_stmt_status
// SQLITE_STMTSTATUS_VM_STEP, reset before each run: the same number on
// every node for the same statement on the same data, unlike time) and
// stops the entry once they exceed the budget: the entry fails with 54000
// on every node. Speculation (a transaction's statements run on the apply
// connection before COMMIT) is metered the same way, so the client learns
// early. The handler also stops a statement for a cancellation (statement
// timeout, cancel request: 57014) or a shutdown; neither is a
// deterministic outcome, so the apply never records them as a result.
//
// modernc's driver installs a progress handler only in its database/sql
// paths (interruptOnDone), which the raw connections of this package never
// use, so the slot is this package's.

// progressOps is how many VM instructions run between handler calls: the
// granularity of cancellation (a few microseconds of work), not of the
// budget, which is checked on exact counts.
const progressOps = 1000

// DefaultStepBudget is the default work budget of one log entry in SQLite
// VM instructions. An INSERT ... SELECT into a table with one index costs
// about 35 instructions per row (TestStepBudgetScale), so a few million
// rows of ordinary bulk work fit; modernc's SQLite runs roughly 40 million
// instructions a second, so an unbounded statement fails after about five
// seconds instead of holding the apply for good.
const DefaultStepBudget = 200_000_000

// stepBudget is the budget in effect (Options.StepBudget; 0 = default,
// negative = none).
func (o *Options) stepBudget() int64 {
	switch {
	case o.StepBudget < 0:
		return 0
	case o.StepBudget == 0:
		return DefaultStepBudget
	}
	return o.StepBudget
}

// meter is the progress handler's state for one connection. Except for the
// atomics, it is used only by the goroutine running statements on the
// connection (which holds the connection's lock).
type meter struct {
	limit   int64   // steps allowed in the current unit; 0 = no budget
	used    int64   // steps of the unit's finished statements
	cur     uintptr // sqlite3_stmt* of the running statement, 0 = none
	calls   int64   // handler calls during the running statement
	tripped *Error  // why the handler stopped the running statement
	// unitErr is the first budget, cancel or shutdown error of the unit.
	unitErr *Error
	cancel  *cancelToken
	// stop, when set, stops every statement (the DB is shutting down).
	stop *atomic.Bool
	// spec numbers the runs of a speculation (from 1; 0: not one). While
	// preempt is set and above zero (applies wait for the apply lock),
	// the handler stops the speculation and sets preempted (preempt.go).
	spec      int
	preempt   *atomic.Int32
	preempted bool
	// schemaEdit: sqlite_schema is being edited under writable_schema;
	// the handler stops nothing (schemaedit.go).
	schemaEdit int
}

// cancelToken carries the reason for cancelling one watched call; a late
// cancellation lands in a token nobody reads any more.
type cancelToken struct{ reason atomic.Pointer[Error] }

var (
	meters   sync.Map // id -> *meter
	meterSeq atomic.Uintptr
)

// installMeter gives c its meter and progress handler.
func installMeter(c *lconn) {
	m := &meter{}
	id := meterSeq.Add(1)
	meters.Store(id, m)
	c.meter, c.meterID = m, id
	lib.Xsqlite3_progress_handler(c.tls, c.db, progressOps, cFuncPointer(progressHandler), id)
}

// removeMeter forgets c's meter (the connection is closing).
func removeMeter(c *lconn) {
	if c.meterID != 0 {
		meters.Delete(c.meterID)
		c.meterID = 0
	}
}

// progressHandler is SQLite's progress callback: non-zero stops the
// running statement with SQLITE_INTERRUPT.
func progressHandler(tls *libc.TLS, id uintptr) int32 {
	v, ok := meters.Load(id)
	if !ok {
		return 0
	}
	m := v.(*meter)
	if m.schemaEdit > 0 {
		// An interrupt now could leave SQLite with a partly loaded
		// schema (schemaedit.go). A budget overrun is still found when
		// the statement finishes (finishStmt), at the same count.
		m.calls++
		return 0
	}
	if m.stop != nil && m.stop.Load() {
		m.tripped = errShutdown
		return 1
	}
	if t := m.cancel; t != nil {
		if e := t.reason.Load(); e != nil {
			m.tripped = e
			return 1
		}
	}
	if m.spec > 0 {
		if h := testHookSpeculation; h != nil {
			h(m, m.spec)
		}
		if p := m.preempt; p != nil && p.Load() > 0 {
			m.preempted = true
			m.tripped = preemptedError()
			return 1
		}
	}
	// SQLite adds a run's steps to the statement's counter only when the
	// run returns, so during a run the handler counts its own calls: one
	// per progressOps steps of the statement (since startStmt reset its
	// counter), at the same instructions on every node.
	m.calls++
	if m.limit > 0 && m.cur != 0 && m.used+m.calls*progressOps > m.limit {
		m.tripped = budgetError(m.limit)
		return 1
	}
	return 0
}

// stmtSteps is the statement's VM instruction count since its last reset
// (optionally resetting it); SQLite updates it when a run (one
// sqlite3_step) returns.
func stmtSteps(tls *libc.TLS, p uintptr, reset bool) int64 {
	r := int32(0)
	if reset {
		r = 1
	}
	return int64(uint32(lib.Xsqlite3_stmt_status(tls, p, lib.SQLITE_STMTSTATUS_VM_STEP, r)))
}

// begin starts a metered unit (a log entry, a speculation) with a budget
// of limit steps (0 = none).
func (m *meter) begin(limit int64) {
	m.limit, m.used, m.tripped, m.unitErr, m.preempted = limit, 0, nil, nil, false
}

// end ends the unit.
func (m *meter) end() {
	m.limit, m.used, m.unitErr = 0, 0, nil
	m.spec, m.preempt, m.preempted = 0, nil, false
}

// startStmt is called before a statement's first step; it returns the
// statement that was running (a nested run) for finishStmt.
func (m *meter) startStmt(tls *libc.TLS, p uintptr) stmtMark {
	stmtSteps(tls, p, true)
	prev := stmtMark{m.cur, m.calls}
	m.cur, m.calls, m.tripped = p, 0, nil
	return prev
}

// stmtMark is the meter's state of an outer statement during a nested run.
type stmtMark struct {
	cur   uintptr
	calls int64
}

// finishStmt accounts a finished statement's steps and reports an error
// when it was stopped by the handler, or when it finished over budget (a
// statement can finish between two handler calls: the outcome must not
// depend on where those fall).
//
// The outcome is decided by the exact count: the handler stops a
// statement only once its calls prove the count is over the budget, which
// the count at completion would show as well.
func (m *meter) finishStmt(tls *libc.TLS, p uintptr, prev stmtMark, done bool) *Error {
	m.used += stmtSteps(tls, p, true)
	m.cur, m.calls = prev.cur, prev.calls
	e := m.tripped
	m.tripped = nil
	if e == nil && done && m.limit > 0 && m.used > m.limit {
		e = budgetError(m.limit)
	}
	if e != nil && m.unitErr == nil {
		m.unitErr = e
	}
	return e
}

func budgetError(limit int64) *Error {
	return &Error{Code: CodeProgramLimitExceeded, Statement: -1,
		Message:  fmt.Sprintf("statement exceeds the per-entry work budget of %d steps", limit),
		HintText: "Split the work into smaller statements or transactions, or bound the query (LIMIT, WHERE)."}
}

// errShutdown stops statements of a closing database. At apply it is not
// the entry's result (kind faultShutdown): the batch is rolled back and
// applied again after the restart.
var errShutdown = &Error{Code: "57P01", Statement: -1, kind: faultShutdown,
	Message: "terminating statement: the node is shutting down"}

// watch makes ctx's end stop the statements c runs until the returned
// function is called: with 57014 and PostgreSQL's message for a timeout or
// a cancel request. The progress handler sees the reason at its next call,
// also for a statement that starts after ctx ended (sqlite3_interrupt
// alone is lost when no statement is running at that moment). With
// interrupt, sqlite3_interrupt also stops work between handler calls (a
// long sort); the apply connection is never interrupted that way, since
// any SQLITE_INTERRUPT there means a shutdown. No interrupt outlives the
// returned function.
func (c *lconn) watch(ctx context.Context, interrupt bool) func() {
	m := c.meter
	if ctx.Done() == nil || m == nil {
		return func() {}
	}
	t := &cancelToken{}
	prev := m.cancel
	m.cancel = t
	var mu sync.Mutex
	finished := false
	stop := context.AfterFunc(ctx, func() {
		mu.Lock()
		defer mu.Unlock()
		if finished {
			return
		}
		t.reason.Store(cancelError(ctx.Err()))
		if interrupt {
			interruptConn(c)
		}
	})
	return func() {
		stop()
		mu.Lock()
		finished = true
		mu.Unlock()
		m.cancel = prev
	}
}

func cancelError(err error) *Error {
	if errors.Is(err, context.DeadlineExceeded) {
		return &Error{Code: CodeQueryCanceled, Message: "canceling statement due to statement timeout", Statement: -1}
	}
	return &Error{Code: CodeQueryCanceled, Message: "canceling statement due to user request", Statement: -1}
}

// stopApply makes every statement on the apply connection fail from now on
// (also one running now, at its next progress call), for a node that is
// stopping: at apply that is a fault, never a result (see ApplyFault).
func (db *DB) stopApply() { db.stopping.Store(true) }

// ctxWatch is lconn.watch with one registration per context: a session's
// statements share one context (pgwire reuses it until a cancel request
// ends it), so a context.AfterFunc per statement (three allocations and
// an insertion into and deletion from the context's children) is wasted.
// A session's ctxWatch keeps its registration while the context stays the
// same and points it, statement by statement, at the connection running
// the statement. What a statement sees is watch's: ctx's end stops it,
// with interrupt also between handler calls, also when ctx had ended
// before it started, and no interrupt outlives the returned function. A
// ctxWatch serves one session's statements, one at a time.
type ctxWatch struct {
	mu        sync.Mutex
	ctx       context.Context // the registered context
	stop      func() bool     // ends its registration
	c         *lconn          // the statement's connection; nil between statements
	interrupt bool
	token     cancelToken
	m         *meter
	prev      *cancelToken
	doneFn    func()
}

// watch makes ctx's end stop the statements c runs until the returned
// function is called (lconn.watch).
func (w *ctxWatch) watch(c *lconn, ctx context.Context, interrupt bool) func() {
	m := c.meter
	if ctx.Done() == nil || m == nil {
		return func() {}
	}
	if w.doneFn == nil {
		w.doneFn = w.done
	}
	w.token.reason.Store(nil)
	w.m, w.prev = m, m.cancel
	m.cancel = &w.token
	w.mu.Lock()
	if w.ctx != ctx {
		if w.stop != nil {
			w.stop()
		}
		w.ctx = ctx
		w.stop = context.AfterFunc(ctx, func() { w.fire(ctx) })
	}
	w.c, w.interrupt = c, interrupt
	w.mu.Unlock()
	if ctx.Err() != nil {
		w.fire(ctx) // ended already: as AfterFunc does at once
	}
	return w.doneFn
}

// fire stops the statement running under ctx, if one is.
func (w *ctxWatch) fire(ctx context.Context) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.c == nil || w.ctx != ctx {
		return // between statements, or a context no longer watched
	}
	w.token.reason.Store(cancelError(ctx.Err()))
	if w.interrupt {
		interruptConn(w.c)
	}
}

func (w *ctxWatch) done() {
	w.mu.Lock()
	w.c = nil
	w.mu.Unlock()
	w.m.cancel = w.prev
	w.m, w.prev = nil, nil
}

// release ends the registration (the session is closing).
func (w *ctxWatch) release() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.stop != nil {
		w.stop()
		w.stop, w.ctx = nil, nil
	}
}
