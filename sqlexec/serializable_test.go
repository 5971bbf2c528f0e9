package sqlexec

import (
	"context"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/pgwire"
)

// Each history below is not serializable; PostgreSQL SERIALIZABLE aborts
// one of its transactions, and so must raftsql (40001).

func wantCode(t *testing.T, s *Session, sql, want string) string {
	t.Helper()
	got, err := q(t, s, sql)
	if code(err) != want {
		t.Fatalf("%s: got %q %v, want %s", sql, got, err, want)
	}
	return got
}

// (a) "INSERT; on unique violation ROLLBACK TO SAVEPOINT and do something
// else": T1 learns that k exists, T2 reads what T1 will write and deletes
// k. T1 -> T2 (k) and T2 -> T1 (audit) is a cycle. The failed INSERT's
// error is validated at COMMIT.
func TestSerializableRolledBackErrorValidated(t *testing.T) {
	for _, late := range []bool{false, true} {
		e, _ := newTestEngine(t)
		t1, t2 := newSess(t, e), newSess(t, e)
		mustQ(t, t1, "CREATE TABLE kv(k INTEGER PRIMARY KEY, v TEXT); CREATE TABLE audit(note TEXT); INSERT INTO kv VALUES (1, 'a')", "")
		mustQ(t, t1, "BEGIN", "")
		mustQ(t, t1, "SAVEPOINT s", "")
		wantCode(t, t1, "INSERT INTO kv VALUES (1, 'b')", "23505")
		mustQ(t, t1, "ROLLBACK TO SAVEPOINT s", "")
		if late {
			// T1 writes before T2 commits: the apply finds the change.
			mustQ(t, t1, "INSERT INTO audit VALUES ('dup')", "C:INSERT 0 1")
		}
		mustQ(t, t2, "BEGIN", "")
		mustQ(t, t2, "SELECT count(*) FROM audit", "D[count:20] R[0] C:SELECT 1")
		mustQ(t, t2, "DELETE FROM kv WHERE k = 1", "C:DELETE 1")
		mustQ(t, t2, "COMMIT", "C:COMMIT")
		if !late {
			mustQ(t, t1, "INSERT INTO audit VALUES ('dup')", "C:INSERT 0 1")
		}
		wantCode(t, t1, "COMMIT", "40001")
		mustQ(t, t1, "SELECT count(*) FROM audit", "D[count:20] R[0] C:SELECT 1")
	}
}

// The pattern itself works when nothing interferes.
func TestSerializableSavepointUpsertCommits(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE kv(k INTEGER PRIMARY KEY, v TEXT); INSERT INTO kv VALUES (1, 'a')", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "SAVEPOINT s", "")
	wantCode(t, s, "INSERT INTO kv VALUES (1, 'b')", "23505")
	mustQ(t, s, "ROLLBACK TO SAVEPOINT s", "")
	wantCode(t, s, "SELECT * FROM missing", "42P01")
	mustQ(t, s, "ROLLBACK TO SAVEPOINT s", "")
	// Settings are transactional too (PostgreSQL restores them).
	mustQ(t, s, "SET application_name = 'inner'", "")
	mustQ(t, s, "ROLLBACK TO SAVEPOINT s", "")
	mustQ(t, s, "SHOW application_name", "D[application_name:25] R[app] C:SHOW")
	mustQ(t, s, "UPDATE kv SET v = 'b' WHERE k = 1", "C:UPDATE 1")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "SELECT v FROM kv", "D[v:25] R[b] C:SELECT 1")
}

// (b) A transaction whose writes all failed still ran reads on two
// states: v = 0 on its read view, then (after the failed write moved it
// to speculation) a later read on the latest state, after T2 changed v.
// Nothing is left to write, but it must not commit.
func TestSerializableDoomedWithoutWritesAborts(t *testing.T) {
	e, f := newTestEngine(t)
	t1, t2 := newSess(t, e), newSess(t, e)
	mustQ(t, t1, "CREATE TABLE a(id INTEGER PRIMARY KEY, v INTEGER); CREATE TABLE b(id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1, 0); INSERT INTO b VALUES (1)", "")
	mustQ(t, t1, "BEGIN", "")
	mustQ(t, t1, "SELECT v FROM a WHERE id = 1", "D[v:23] R[0] C:SELECT 1")
	mustQ(t, t1, "SAVEPOINT s", "")
	wantCode(t, t1, "INSERT INTO b VALUES (1)", "23505")
	mustQ(t, t1, "ROLLBACK TO SAVEPOINT s", "")
	mustQ(t, t2, "UPDATE a SET v = 1 WHERE id = 1; DELETE FROM b", "")
	p0 := f.proposed.Load()
	if _, err := q(t, t1, "SELECT id FROM b"); err != nil {
		t.Fatal(err)
	}
	wantCode(t, t1, "COMMIT", "40001")
	if f.proposed.Load() != p0 {
		t.Fatal("a doomed transaction was proposed")
	}
}

// (c) COPY (query) TO STDOUT in a transaction: its rows are results the
// client saw, validated like a SELECT's.
func TestSerializableCopyToValidated(t *testing.T) {
	for _, spec := range []bool{false, true} {
		e, _ := newTestEngine(t)
		t1, t2 := newSess(t, e), newSess(t, e)
		mustQ(t, t1, "CREATE TABLE a(id INTEGER PRIMARY KEY, v INTEGER); CREATE TABLE b(id INTEGER PRIMARY KEY); INSERT INTO a VALUES (1, 0)", "")
		mustQ(t, t1, "BEGIN", "")
		if spec {
			// Already writing: the COPY runs speculatively.
			mustQ(t, t1, "INSERT INTO b VALUES (100)", "")
		}
		mustQ(t, t1, "COPY (SELECT v FROM a) TO STDOUT", "COPYOUT[1] R[0] C:COPY 1")
		mustQ(t, t2, "UPDATE a SET v = 1", "")
		_, err := q(t, t1, "INSERT INTO b VALUES (1)")
		if err == nil {
			_, err = q(t, t1, "COMMIT")
		}
		if code(err) != "40001" {
			t.Fatalf("spec=%v: %v, want 40001", spec, err)
		}
	}
}

// (d) A query string of several statements is one implicit transaction,
// whatever it mixes; BEGIN/COMMIT/ROLLBACK/SAVEPOINT in it behave as in
// PostgreSQL 15 (each case checked against it).
func TestMultiStatementImplicitTxn(t *testing.T) {
	e, f := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(k INTEGER PRIMARY KEY)", "")
	// Plain SQL with SET/SHOW (as in a schema dump) is one log entry,
	// with no speculation; the output keeps the string's order.
	p0 := f.proposed.Load()
	mustQ(t, s, "SET client_min_messages = warning; INSERT INTO t VALUES (9); SHOW client_min_messages; CREATE TABLE t9(x INTEGER); RESET client_min_messages",
		"C:SET C:INSERT 0 1 D[client_min_messages:25] R[warning] C:SHOW C:CREATE TABLE C:RESET")
	if n := f.proposed.Load() - p0; n != 1 {
		t.Fatalf("%d log entries, want 1", n)
	}
	mustQ(t, s, "DELETE FROM t", "")
	rows := func(want string) {
		t.Helper()
		got, err := q(t, s, "SELECT string_agg(k::text, ',' ORDER BY k) FROM t")
		if err != nil || !strings.Contains(got, "R["+want+"]") {
			t.Fatalf("rows: %s %v, want %s", got, err, want)
		}
		if s.TxStatus() != pgwire.TxIdle {
			t.Fatal("transaction left open")
		}
		mustQ(t, s, "DELETE FROM t", "")
	}
	wantCode(t, s, "INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2); COMMIT; INSERT INTO t VALUES (2)", "23505")
	rows("1,2")
	got := wantCode(t, s, "INSERT INTO t VALUES (1); COMMIT; INSERT INTO t VALUES (1)", "23505")
	if !strings.Contains(got, "N:25P01") {
		t.Fatal("no warning for COMMIT in an implicit transaction:", got)
	}
	rows("1")
	mustQ(t, s, "INSERT INTO t VALUES (1); ROLLBACK; INSERT INTO t VALUES (2)", "")
	rows("2")
	wantCode(t, s, "INSERT INTO t VALUES (5); SAVEPOINT a; INSERT INTO t VALUES (6)", "25P01")
	rows("<nil>")
	// SET is transactional: rolled back with the rest.
	wantCode(t, s, "INSERT INTO t VALUES (1); SET application_name = 'changed'; INSERT INTO t VALUES (1)", "23505")
	mustQ(t, s, "SHOW application_name", "D[application_name:25] R[app] C:SHOW")
	rows("<nil>")
	// Reads, DDL, SHOW and writes, failing at the end: nothing remains.
	wantCode(t, s, "CREATE TABLE n(x INTEGER); INSERT INTO n VALUES (1); SHOW application_name; SELECT count(*) FROM n; INSERT INTO t VALUES (3); SELECT * FROM missing", "42P01")
	wantCode(t, s, "SELECT * FROM n", "42P01")
	rows("<nil>")
	// A failure after an explicit BEGIN leaves the block aborted.
	wantCode(t, s, "INSERT INTO t VALUES (1); BEGIN; INSERT INTO t VALUES (2); INSERT INTO t VALUES (2); INSERT INTO t VALUES (3)", "23505")
	if s.TxStatus() != pgwire.TxFailed {
		t.Fatal("explicit block not aborted")
	}
	mustQ(t, s, "ROLLBACK", "C:ROLLBACK")
	rows("<nil>")
	// The same mix succeeding commits everything, COPY included.
	w := &rec{copyIn: [][]any{{int64(7)}, {int64(8)}}}
	if err := s.SimpleQuery(context.Background(), "CREATE TABLE m(x INTEGER); SET application_name = 'mixed'; INSERT INTO t VALUES (4); COPY t FROM STDIN; INSERT INTO m SELECT count(*) FROM t", w); err != nil {
		t.Fatal(err, w.out)
	}
	mustQ(t, s, "SELECT x FROM m", "D[x:23] R[3] C:SELECT 1")
	mustQ(t, s, "SHOW application_name", "D[application_name:25] R[mixed] C:SHOW")
	rows("4,7,8")
}

// A statement that makes SQLite roll back the whole transaction is refused
// in a transaction: its outcome could not be replayed.
func TestTxnWholeRollbackRefused(t *testing.T) {
	e, _ := newTestEngine(t)
	s := newSess(t, e)
	mustQ(t, s, "CREATE TABLE t(k INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)", "")
	mustQ(t, s, "BEGIN", "")
	mustQ(t, s, "INSERT INTO t VALUES (2)", "")
	mustQ(t, s, "SAVEPOINT a", "")
	if _, err := q(t, s, "INSERT OR ROLLBACK INTO t VALUES (1)"); code(err) != "0A000" {
		t.Fatal(err)
	}
	mustQ(t, s, "ROLLBACK TO SAVEPOINT a", "")
	mustQ(t, s, "COMMIT", "C:COMMIT")
	mustQ(t, s, "SELECT count(*) FROM t", "D[count:20] R[2] C:SELECT 1")
}
