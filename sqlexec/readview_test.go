package sqlexec

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/raftsql/raftsql/pgwire"
)

func prepExec(t *testing.T, s *Session, sql string, args ...any) (string, error) {
	t.Helper()
	ps, err := s.Prepare(context.Background(), sql, nil)
	if err != nil {
		return "", err
	}
	w := &rec{}
	err = ps.Execute(context.Background(), args, w)
	return strings.Join(w.out, " "), err
}

// Reads inside a transaction see one snapshot; a read-only transaction
// commits without a log entry.
func TestTxnSnapshotReads(t *testing.T) {
	e, f := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustQ(t, a, "CREATE TABLE rr (id integer PRIMARY KEY, v integer NOT NULL)", "")
	mustQ(t, a, "INSERT INTO rr VALUES (1, 0)", "")
	for _, begin := range []string{"BEGIN", "BEGIN READ ONLY", "BEGIN ISOLATION LEVEL REPEATABLE READ"} {
		mustQ(t, a, begin, "")
		r1, _ := q(t, a, "SELECT v FROM rr WHERE id = 1")
		c1, _ := q(t, a, "SELECT count(*) FROM rr")
		mustQ(t, b, "UPDATE rr SET v = v + 1 WHERE id = 1", "")
		mustQ(t, b, "INSERT INTO rr SELECT max(id) + 1, 0 FROM rr", "")
		r2, _ := prepExec(t, a, "SELECT v FROM rr WHERE id = $1", int64(1))
		c2, _ := q(t, a, "SELECT count(*) FROM rr")
		if !strings.Contains(r2, strings.Fields(r1)[1]) || c1 != c2 {
			t.Errorf("%s: read %q then %q, count %q then %q: want one snapshot", begin, r1, r2, c1, c2)
		}
		n := f.proposed.Load()
		if out, err := q(t, a, "COMMIT"); err != nil || out != "C:COMMIT" {
			t.Errorf("%s: COMMIT: %q %v", begin, out, err)
		}
		if f.proposed.Load() != n {
			t.Errorf("%s: a read-only transaction proposed a log entry", begin)
		}
	}
	if open := e.db.viewOpen; open != 0 {
		t.Errorf("%d snapshot connections still held", open)
	}
}

// A transaction that first writes after something it read has changed
// fails at once with 40001 (the client never sees two states), and is
// then in failed state.
func TestTxnWriteAfterStaleReadFails(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	mustQ(t, a, "CREATE TABLE acc (id integer PRIMARY KEY, v integer NOT NULL)", "")
	mustQ(t, a, "INSERT INTO acc VALUES (1, 10)", "")
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "SELECT v FROM acc WHERE id = 1", "")
	mustQ(t, b, "UPDATE acc SET v = v + 1 WHERE id = 1", "")
	_, err := q(t, a, "UPDATE acc SET v = v - 5 WHERE id = 1")
	if code(err) != CodeSerialization || !strings.Contains(err.Error(), "read/write dependencies") {
		t.Fatalf("write after a changed read: %v, want 40001", err)
	}
	if a.TxStatus() != pgwire.TxFailed {
		t.Fatalf("status %c, want E", a.TxStatus())
	}
	if _, err := q(t, a, "SELECT 1"); code(err) != CodeInFailedTransaction {
		t.Fatalf("after 40001: %v", err)
	}
	mustQ(t, a, "COMMIT", "C:ROLLBACK")
	mustQ(t, a, "SELECT v FROM acc", "D[v:{I}] R[11] C:SELECT 1")

	// Unchanged reads: the write goes through and commits.
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "SELECT v FROM acc WHERE id = 1", "")
	mustQ(t, a, "UPDATE acc SET v = v - 5 WHERE id = 1", "C:UPDATE 1")
	mustQ(t, a, "SELECT v FROM acc WHERE id = 1", "D[v:{I}] R[6] C:SELECT 1")
	// A concurrent write that changes nothing the client saw: no conflict.
	mustQ(t, b, "INSERT INTO acc VALUES (2, 0)", "")
	mustQ(t, a, "SELECT count(*) FROM acc", "")
	mustQ(t, a, "COMMIT", "C:COMMIT")

	// After the switch, a change to what the client saw dooms the
	// transaction: COMMIT fails with 40001 and writes nothing.
	mustQ(t, a, "BEGIN", "")
	mustQ(t, a, "UPDATE acc SET v = v + 1 WHERE id = 1 RETURNING v", "")
	mustQ(t, b, "UPDATE acc SET v = 100 WHERE id = 1", "")
	mustQ(t, a, "INSERT INTO acc VALUES (3, 0)", "")
	if _, err := q(t, a, "COMMIT"); code(err) != CodeSerialization {
		t.Fatalf("COMMIT after a conflicting commit: %v, want 40001", err)
	}
	mustQ(t, a, "SELECT v FROM acc WHERE id = 1", "D[v:{I}] R[100] C:SELECT 1")
	mustQ(t, a, "SELECT count(*) FROM acc", "D[count:20] R[2] C:SELECT 1")
}

func TestTxnReadOnlyRefusesWrites(t *testing.T) {
	e, _ := newTestEngine(t)
	a := newSess(t, e)
	mustQ(t, a, "CREATE TABLE ro (id integer PRIMARY KEY)", "")
	mustQ(t, a, "BEGIN READ ONLY", "")
	mustQ(t, a, "SELECT count(*) FROM ro", "")
	if _, err := q(t, a, "INSERT INTO ro VALUES (1)"); code(err) != CodeReadOnlyTransaction {
		t.Fatalf("write in READ ONLY: %v, want 25006", err)
	}
	mustQ(t, a, "ROLLBACK", "")
}

func TestTxnSnapshotConnLimit(t *testing.T) {
	db, err := Open(context.Background(), t.TempDir()+"/s.db", Options{ReadConns: 1, MaxReadViews: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{})
	var ss []*Session
	for i := 0; i < 3; i++ {
		s := newSess(t, e)
		ss = append(ss, s)
		mustQ(t, s, "BEGIN", "")
		_, err := q(t, s, "SELECT 1")
		if i < 2 && err != nil {
			t.Fatal(err)
		}
		if i == 2 && (err == nil || !strings.Contains(err.Error(), "too many open transactions")) {
			t.Fatalf("third snapshot: %v", err)
		}
	}
	ss[0].Close()
	s := newSess(t, e)
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT 1", "")
	mustQ(t, s, "COMMIT", "")
	// Plain reads do not need a snapshot connection.
	mustQ(t, ss[2], "ROLLBACK", "")
	mustQ(t, ss[2], "SELECT 2", "")
}

// A pipeline (extended protocol, several Executes before Sync) is one
// implicit transaction: an error discards the earlier writes.
func TestPipelineImplicitTxn(t *testing.T) {
	e, f := newTestEngine(t)
	a := newSess(t, e)
	ctx := context.Background()
	mustQ(t, a, "CREATE TABLE bt (id integer PRIMARY KEY, v text NOT NULL)", "")
	n := f.proposed.Load()
	a.PipelineHint(false)
	if out, err := prepExec(t, a, "INSERT INTO bt VALUES ($1, $2)", int64(60), "ok"); err != nil || out != "C:INSERT 0 1" {
		t.Fatalf("first: %q %v", out, err)
	}
	a.PipelineHint(false)
	if _, err := prepExec(t, a, "INSERT INTO bt VALUES ($1, $2)", int64(60), "dup"); code(err) != CodeUniqueViolation {
		t.Fatalf("dup: %v", err)
	}
	if err := a.EndPipeline(ctx); err != nil {
		t.Fatal(err)
	}
	if a.TxStatus() != pgwire.TxIdle || f.proposed.Load() != n {
		t.Fatalf("status %c, %d proposals", a.TxStatus(), f.proposed.Load()-n)
	}
	mustQ(t, a, "SELECT count(*) FROM bt", "D[count:20] R[0] C:SELECT 1")

	// Without an error, the pipeline commits at Sync as one entry.
	for i := 0; i < 3; i++ {
		a.PipelineHint(i == 2)
		if _, err := prepExec(t, a, "INSERT INTO bt VALUES ($1, 'x')", int64(i)); err != nil {
			t.Fatal(err)
		}
	}
	if f.proposed.Load() != n {
		t.Fatal("pipeline writes proposed before Sync")
	}
	if err := a.EndPipeline(ctx); err != nil {
		t.Fatal(err)
	}
	if f.proposed.Load() != n+1 {
		t.Fatalf("%d proposals, want 1", f.proposed.Load()-n)
	}
	// Fast path: the Execute right before Sync proposes on its own.
	a.PipelineHint(true)
	if _, err := prepExec(t, a, "INSERT INTO bt VALUES (10, 'y')"); err != nil {
		t.Fatal(err)
	}
	if f.proposed.Load() != n+2 || a.tx != nil {
		t.Fatal("single write before Sync did not take the fast path")
	}
	_ = a.EndPipeline(ctx)
	mustQ(t, a, "SELECT count(*) FROM bt", "D[count:20] R[4] C:SELECT 1")
}

// Speculation never reaches the log: a transaction left open on the apply
// connection is rolled back before the next batch.
func TestApplyNeverCommitsSpeculation(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE sp (id INTEGER PRIMARY KEY)"))
	before := openTxAsserts.Load()
	_ = db.withWriter(context.Background(), func(c *lconn, det *detState) error {
		if err := c.exec("BEGIN"); err != nil {
			return err
		}
		return c.exec("INSERT INTO sp VALUES (42)") // and no ROLLBACK (a bug)
	})
	if openTxAsserts.Load() != before+1 {
		t.Fatal("open speculation transaction not detected")
	}
	// Even if one got past withWriter, ApplyBatch discards it.
	db.mu.Lock()
	_ = db.w.exec("BEGIN")
	_ = db.w.exec("INSERT INTO sp VALUES (43)")
	db.mu.Unlock()
	mustApply(t, db, 2, cmdOf(1, 1, 2, "INSERT INTO sp VALUES (1)"))
	var n int64
	_ = db.withReader(context.Background(), func(c *lconn) error {
		n, _, _ = queryInt(c, "SELECT count(*) FROM sp WHERE id IN (42, 43)")
		return nil
	})
	if n != 0 || openTxAsserts.Load() != before+2 {
		t.Fatalf("speculative rows committed: %d (asserts %d)", n, openTxAsserts.Load()-before)
	}
}

func TestSessionDatabaseName(t *testing.T) {
	e, _ := newTestEngine(t)
	ps, err := e.NewSession(context.Background(), pgwire.SessionInfo{User: "alice", Database: "shop"})
	if err != nil {
		t.Fatal(err)
	}
	s := ps.(*Session)
	mustQ(t, s, "SELECT current_database(), current_user", "D[current_database:25,current_user:19] R[shop alice] C:SELECT 1")
	if out, _ := q(t, s, "SELECT datname FROM pg_database ORDER BY 1"); !strings.Contains(out, "R[shop]") {
		t.Fatalf("pg_database: %s", out)
	}
	other := newSess(t, e) // database "" -> its user name "u"
	mustQ(t, other, "SELECT current_database()", "D[current_database:25] R[u] C:SELECT 1")
	mustQ(t, s, "CREATE TABLE dn (d text, u text)", "")
	mustQ(t, s, "INSERT INTO dn VALUES (current_database(), current_user)", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT current_database()", "D[current_database:25] R[shop] C:SELECT 1")
	mustQ(t, s, "INSERT INTO dn SELECT current_database(), 'x'", "")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	// Catalog views read in a write transaction: same names at apply.
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SELECT datname FROM pg_database WHERE datname = current_database()", "D[datname:19] R[shop] C:SELECT 1")
	mustQ(t, s, "INSERT INTO dn SELECT table_catalog, 'y' FROM information_schema.tables WHERE table_name = 'dn'", "C:INSERT 0 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, other, "SELECT d, u FROM dn ORDER BY u", "")
	if out, _ := q(t, other, "SELECT count(*) FROM dn WHERE d = 'shop'"); !strings.Contains(out, "R[3]") {
		t.Fatalf("stored names: %s", out)
	}
}

// pg_sleep is allowed in a write transaction; it does not sleep on the
// apply connection.
func TestPgSleepInWriteTxn(t *testing.T) {
	var mu sync.Mutex
	var slept []time.Duration
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "state.db"), Options{ReadConns: 2,
		Sleep: func(d time.Duration) { mu.Lock(); slept = append(slept, d); mu.Unlock() }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	sleeps := func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Duration(nil), slept...)
	}
	e := NewEngine(db, &fakeReplicator{db: db}, EngineOptions{})
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE ps (id integer PRIMARY KEY)", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO ps VALUES (1)", "")
	if _, err := q(t, s, "SELECT pg_sleep(0.2)"); err != nil {
		t.Fatal(err)
	}
	mustQ(t, s, "COMMIT", "C:COMMIT")
	if got := sleeps(); len(got) != 0 {
		t.Fatalf("pg_sleep slept on the apply connection: %v", got)
	}
	if _, err := q(t, s, "SELECT pg_sleep(0.2)"); err != nil {
		t.Fatalf("pg_sleep outside a transaction: %v", err)
	}
	if got := sleeps(); len(got) != 1 || got[0] != 200*time.Millisecond {
		t.Fatalf("pg_sleep outside a transaction slept %v, want [200ms]", got)
	}
}

// now() and CURRENT_TIMESTAMP are the transaction's start time on the
// snapshot too, so a read of them does not conflict with a later write.
func TestTxnNowOnSnapshot(t *testing.T) {
	clock := newFakeClock()
	e, _ := newClockEngine(t, clock)
	a := newSess(t, e)
	mustQ(t, a, "CREATE TABLE tn (at text)", "")
	mustQ(t, a, "BEGIN", "")
	r1, _ := q(t, a, "SELECT now(), CURRENT_TIMESTAMP")
	clock.Advance(1100 * time.Millisecond) // CURRENT_TIMESTAMP has 1 s resolution
	r2, _ := q(t, a, "SELECT now(), CURRENT_TIMESTAMP")
	if r1 != r2 {
		t.Fatalf("now() moved inside a transaction: %s / %s", r1, r2)
	}
	mustQ(t, a, "INSERT INTO tn VALUES (now())", "C:INSERT 0 1")
	mustQ(t, a, "COMMIT", "C:COMMIT")
	for i := 0; i < 20; i++ { // reuse of snapshot connections and their clocks
		mustQ(t, a, "BEGIN", "")
		mustQ(t, a, "SELECT now()", "")
		mustQ(t, a, "COMMIT", "")
	}
}
