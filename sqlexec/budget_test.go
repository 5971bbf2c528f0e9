package sqlexec

import (
	"context"
	"errors"
	"path/filepath"
	"runtime"
	"testing"
)

// Apply outcomes, the work budget and statement cancellation (budget.go,
// fault.go, apply.go).

const endlessInsert = "INSERT INTO u(x) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c"

func openBudget(t *testing.T, budget int64) *DB {
	t.Helper()
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), Options{ReadConns: 2, StepBudget: budget})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func errCode(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return "?" + err.Error()
}

// applyLog feeds entries straight to ApplyBatch (bypassing every check of
// the proposer), in the given batch sizes, and returns the results.
func applyLog(t *testing.T, db *DB, log [][]byte, batch int) []*ApplyResult {
	t.Helper()
	var out []*ApplyResult
	for i := 0; i < len(log); i += batch {
		var ents []Entry
		for j := i; j < i+batch && j < len(log); j++ {
			ents = append(ents, Entry{Index: uint64(j + 1), Data: log[j]})
		}
		res := db.ApplyBatch(ents)
		for _, r := range res {
			if IsApplyFault(r.Err) {
				t.Fatalf("entry %d: fault: %v", r.Index, r.Err)
			}
		}
		out = append(out, res...)
	}
	if got := db.AppliedIndex(); got != uint64(len(log)) {
		t.Fatalf("applied index %d, want %d", got, len(log))
	}
	return out
}

func checksum(t *testing.T, db *DB) string {
	t.Helper()
	sum, _, err := db.Checksum(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// A log of hostile entries that fail at apply: every entry is recorded
// with its error, later entries apply, and two replicas that batch the log
// differently end identical with identical results.
func TestApplyNeverStopsForAStatement(t *testing.T) {
	var log [][]byte
	id := byte(1)
	add := func(stmts ...string) {
		log = append(log, cmdOf(1_700_000_000_000_000, uint64(id), id, stmts...))
		id++
	}
	add("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)", "CREATE TABLE u(x INTEGER)")
	add("INSERT INTO t(a) VALUES (1)")
	add("PRAGMA query_only(1)") // the function-call form the proposer missed
	add("INSERT INTO t(a) VALUES (2)")
	add("PRAGMA main.query_only(true)", "INSERT INTO t(a) VALUES (3)")
	add("INSERT INTO t(a) VALUES (4)")
	add("INSERT OR ROLLBACK INTO t(a) VALUES (4)") // ends SQLite's transaction
	add("INSERT INTO t(a) VALUES (5)")
	add("CREATE TEMP TABLE x(a)", "INSERT INTO t(a) VALUES (6)")
	add("INSERT INTO t(a) VALUES (1)") // unique violation
	add(endlessInsert)                 // budget
	add("INSERT INTO t(a) VALUES (7)")
	want := map[int]string{1: "", 2: "", 4: "", 6: "", 8: "", 10: CodeUniqueViolation, 11: CodeProgramLimitExceeded, 12: ""}

	var sums []string
	var first []*ApplyResult
	for _, batch := range []int{1, 5, len(log)} {
		db := openBudget(t, 200_000)
		res := applyLog(t, db, log, batch)
		for i, r := range res {
			if w, ok := want[i+1]; ok && errCode(r.Err) != w {
				t.Errorf("batch %d: entry %d: got %v, want %q", batch, i+1, r.Err, w)
			}
		}
		if first == nil {
			first = res
		} else {
			for i := range res {
				if errCode(res[i].Err) != errCode(first[i].Err) {
					t.Errorf("batch %d: entry %d: %v, but %v with batch 1", batch, i+1, res[i].Err, first[i].Err)
				}
			}
		}
		// The apply connection still writes.
		if r := db.Apply(uint64(len(log)+1), cmdOf(1, 1, 200, "INSERT INTO t(a) VALUES (100)")); r.Err != nil {
			t.Fatalf("batch %d: write after the hostile log: %v", batch, r.Err)
		}
		sums = append(sums, checksum(t, db))
	}
	for _, s := range sums[1:] {
		if s != sums[0] {
			t.Fatalf("replicas differ: %v", sums)
		}
	}
	for i, r := range first {
		t.Logf("entry %d: %v", i+1, r.Err)
	}
}

// The budget is the same on every node: an entry over it fails with 54000
// everywhere, and its request id records that outcome.
func TestStepBudgetEntry(t *testing.T) {
	a, b := openBudget(t, 100_000), openBudget(t, 100_000)
	setup := cmdOf(1, 1, 1, "CREATE TABLE t(a INTEGER)", "CREATE TABLE u(x INTEGER)")
	over := cmdOf(1, 2, 2, endlessInsert)
	// Bounded work under the budget passes; just over it fails, on
	// exact step counts (not where handler calls fall).
	bounded := cmdOf(1, 3, 3, "INSERT INTO t(a) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c LIMIT 100) SELECT x FROM c")
	for _, db := range []*DB{a, b} {
		mustApply(t, db, 1, setup)
		r := db.Apply(2, over)
		if errCode(r.Err) != CodeProgramLimitExceeded {
			t.Fatalf("unbounded insert: %v", r.Err)
		}
		mustApply(t, db, 3, bounded)
		// A duplicate of the failed request reports the same error.
		if r := db.Apply(4, over); !r.Duplicate || errCode(r.Err) != CodeProgramLimitExceeded {
			t.Fatalf("duplicate: %+v", r)
		}
	}
	if checksum(t, a) != checksum(t, b) {
		t.Fatal("replicas differ")
	}
}

// Steps per row of ordinary bulk work, to size DefaultStepBudget.
func TestStepBudgetScale(t *testing.T) {
	db := openBudget(t, -1)
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT, c INTEGER)", "CREATE INDEX t_b ON t(b)"))
	const rows = 20000
	for i, sql := range []string{
		"INSERT INTO t(a, b, c) WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM s LIMIT 20000) SELECT x, 'row ' || x, x % 7 FROM s",
		"UPDATE t SET b = b || '!', c = c + 1",
		"DELETE FROM t WHERE c > 0",
	} {
		w := db.w
		w.meter.begin(0)
		res := db.Apply(uint64(i+2), cmdOf(1, 1, byte(i+2), sql))
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		w.meter.end()
	}
	// Measure one statement's exact count directly.
	w := db.w
	db.mu.Lock()
	w.meter.begin(0)
	_ = w.exec("BEGIN")
	_ = w.exec("INSERT INTO t(a, b, c) WITH RECURSIVE s(x) AS (SELECT 100000 UNION ALL SELECT x+1 FROM s LIMIT 20000) SELECT x, 'row ' || x, x % 7 FROM s")
	used := w.meter.used
	_ = w.exec("ROLLBACK")
	w.meter.end()
	db.mu.Unlock()
	t.Logf("INSERT ... SELECT with one index: %d steps per row; default budget %d = %d such rows",
		used/rows, DefaultStepBudget, DefaultStepBudget/(used/rows))
	if used/rows < 10 || DefaultStepBudget/(used/rows) < 2_000_000 {
		t.Fatalf("default budget too small for a few million rows: %d steps per row", used/rows)
	}
}

func budgetEngine(t *testing.T, budget int64) (*Engine, *DB) {
	db := openBudget(t, budget)
	return NewEngine(db, &fakeReplicator{db: db}, EngineOptions{}), db
}

// A heavy statement in a transaction runs speculatively on the apply
// connection under the apply lock: statement_timeout stops it (57014) and
// the apply goes on.
func TestStatementTimeoutStopsSpeculation(t *testing.T) {
	e, _ := budgetEngine(t, -1)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE u(x int)", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO u VALUES (1)", "")
	// Set after the ordinary INSERT, which on a loaded machine may itself
	// take longer than 50 ms.
	mustQ(t, s, "SET statement_timeout = 50", "")
	_, err := q(t, s, endlessInsert)
	if e, ok := err.(*Error); !ok || e.Code != CodeQueryCanceled || e.Message != "canceling statement due to statement timeout" {
		t.Fatalf("endless insert in a transaction: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	// The apply lock is free: writes apply.
	s2 := newSess(t, e)
	mustQ(t, s2, "INSERT INTO u VALUES (2)", "C:INSERT 0 1")
	mustQ(t, s2, "SELECT count(*) FROM u", "D[count:20] R[1] C:SELECT 1")
}

// The work budget applies to speculation too, so the client learns at the
// statement, not at COMMIT.
func TestStepBudgetStopsSpeculation(t *testing.T) {
	e, _ := budgetEngine(t, 100_000)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE u(x int)", "")
	mustQ(t, s, "BEGIN", "")
	if _, err := q(t, s, endlessInsert); code(err) != CodeProgramLimitExceeded {
		t.Fatalf("endless insert in a transaction: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	// Outside a transaction the entry fails at apply, on every node.
	if _, err := q(t, s, endlessInsert); code(err) != CodeProgramLimitExceeded {
		t.Fatalf("endless insert: %v", err)
	}
	mustQ(t, s, "INSERT INTO u VALUES (2)", "C:INSERT 0 1")
}

// statement_timeout stops reads in a transaction (its read view).
func TestStatementTimeoutStopsTxnRead(t *testing.T) {
	e, _ := budgetEngine(t, -1)
	s := newSess(t, e)
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT 1", "")
	// The timeout is set only now: on a loaded machine (-race, load 15)
	// the transaction's first read, which takes its read view, ran past
	// 50 ms. ROLLBACK undoes the SET, as in PostgreSQL.
	mustQ(t, s, "SET statement_timeout = 50", "")
	_, err := q(t, s, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c")
	if e, ok := err.(*Error); !ok || e.Code != CodeQueryCanceled || e.Message != "canceling statement due to statement timeout" {
		t.Fatalf("endless read in a transaction: %v", err)
	}
	mustQ(t, s, "ROLLBACK", "")
	mustQ(t, s, "SELECT 1", "")
}

// Closing the database stops an apply that would never end by itself: the
// batch is a fault (not recorded, applied again after the restart), not a
// result.
func TestCloseStopsApply(t *testing.T) {
	db := openBudget(t, -1)
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE u(x INTEGER)"))
	done := make(chan *ApplyResult)
	go func() { done <- db.Apply(2, cmdOf(1, 1, 2, endlessInsert)) }()
	// Wait until the apply holds the apply lock.
	for db.mu.TryLock() {
		db.mu.Unlock()
		runtime.Gosched()
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	r := <-done
	var f *ApplyFault
	if !errors.As(r.Err, &f) || !f.Shutdown {
		t.Fatalf("interrupted apply: %v", r.Err)
	}
	if db.AppliedIndex() != 1 {
		t.Fatalf("applied index %d after an interrupted apply", db.AppliedIndex())
	}
}

// A committed transaction whose work at its log position exceeds the
// budget fails with 54000, not 40001 (a retry would not help).
func TestStepBudgetTxnEntry(t *testing.T) {
	db := openBudget(t, 100_000)
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE u(x INTEGER)"))
	c := &Command{Timestamp: 1, Seed: 2, Digest: newDigester().sum()}
	c.RequestID[0] = 2
	c.Statements = []Statement{{SQL: endlessInsert, Digest: true}}
	if r := db.Apply(2, EncodeCommand(c)); errCode(r.Err) != CodeProgramLimitExceeded {
		t.Fatalf("over-budget transaction: %v", r.Err)
	}
}

// The line between results and faults.
func TestFaultClassification(t *testing.T) {
	for _, c := range []struct {
		code  int
		fault bool
	}{
		{1, false},        // SQLITE_ERROR: a statement's error
		{19, false},       // SQLITE_CONSTRAINT
		{8, false},        // SQLITE_READONLY: query_only
		{21, false},       // SQLITE_MISUSE
		{23, false},       // SQLITE_AUTH: the authorizer
		{18, false},       // SQLITE_TOOBIG
		{2, false},        // SQLITE_INTERNAL (see storageFault)
		{10, true},        // SQLITE_IOERR
		{10 | 3<<8, true}, // SQLITE_IOERR_WRITE
		{11, true},        // SQLITE_CORRUPT
		{13, true},        // SQLITE_FULL
		{26, true},        // SQLITE_NOTADB
		{14, true},        // SQLITE_CANTOPEN
		{7, true},         // SQLITE_NOMEM
		{8 | 4<<8, true},  // SQLITE_READONLY_DBMOVED
		{9, true},         // SQLITE_INTERRUPT: shutdown
		{531, true},       // SQLITE_CONSTRAINT_COMMITHOOK: shutdown veto
	} {
		err := &sqliteErr{code: c.code, msg: "x", offset: -1}
		if got := faultOf(1, err) != nil; got != c.fault {
			t.Errorf("raw code %d: fault %v, want %v", c.code, got, c.fault)
		}
		if c.code == 531 {
			continue // mapped errors of a veto are COMMIT's, never a statement's
		}
		if got := faultOf(1, mapError(err, "")) != nil; got != c.fault {
			t.Errorf("mapped code %d: fault %v, want %v", c.code, got, c.fault)
		}
	}
	if faultOf(1, budgetError(10)) != nil {
		t.Error("the budget error is a result")
	}
}

// A connection setting that would keep the apply from recording anything
// (left by a statement that got past every check) is undone at the next
// batch: the apply goes on.
func TestApplyRestoresQueryOnly(t *testing.T) {
	db := openBudget(t, 0)
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE u(x INTEGER)"))
	db.mu.Lock()
	if err := db.w.exec("PRAGMA query_only=1"); err != nil {
		t.Fatal(err)
	}
	db.mu.Unlock()
	mustApply(t, db, 2, cmdOf(1, 1, 2, "INSERT INTO u VALUES (1)"))
}

// Interrupt (a stopping node) makes the running and every later apply a
// fault, never a result.
func TestInterruptIsAFault(t *testing.T) {
	db := openBudget(t, -1)
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE u(x INTEGER)"))
	done := make(chan *ApplyResult)
	go func() { done <- db.Apply(2, cmdOf(1, 1, 2, endlessInsert)) }()
	for db.mu.TryLock() {
		db.mu.Unlock()
		runtime.Gosched()
	}
	db.Interrupt()
	if r := <-done; !IsApplyFault(r.Err) {
		t.Fatalf("interrupted apply: %v", r.Err)
	}
	if r := db.Apply(2, cmdOf(1, 1, 3, "INSERT INTO u VALUES (1)")); !IsApplyFault(r.Err) {
		t.Fatalf("apply after Interrupt: %v", r.Err)
	}
	if db.AppliedIndex() != 1 {
		t.Fatalf("applied index %d", db.AppliedIndex())
	}
}
