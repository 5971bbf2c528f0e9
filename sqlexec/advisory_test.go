package sqlexec

import (
	"context"
	"testing"
	"time"
)

// TestAdvisoryLocks: exclusive between sessions, stacking, the two key
// spaces, blocking acquisition, release at session close and at the end
// of the transaction for transaction-level locks.
func TestAdvisoryLocks(t *testing.T) {
	e, _ := newTestEngine(t)
	a, b := newSess(t, e), newSess(t, e)
	for _, c := range []struct {
		s         *Session
		sql, want string
	}{
		{a, "SELECT pg_try_advisory_lock(1)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1"},
		{b, "SELECT pg_try_advisory_lock(1) AS got", "D[got:16] R[false] C:SELECT 1"},
		{b, "SELECT pg_try_advisory_lock(0, 1)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1"},
		{a, "SELECT pg_advisory_lock(1)", "D[pg_advisory_lock:25] R[] C:SELECT 1"},
		{a, "SELECT pg_advisory_unlock(1)", "D[pg_advisory_unlock:16] R[true] C:SELECT 1"},
		{b, "SELECT pg_try_advisory_lock(1)", "D[pg_try_advisory_lock:16] R[false] C:SELECT 1"},
		{a, "select pg_catalog.pg_advisory_unlock(1)", "D[pg_advisory_unlock:16] R[true] C:SELECT 1"},
		{a, "SELECT pg_advisory_unlock(1)", "N:01000 D[pg_advisory_unlock:16] R[false] C:SELECT 1"},
		{b, "SELECT pg_try_advisory_lock(-1)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1"},
		{a, "SELECT pg_try_advisory_lock(-1)", "D[pg_try_advisory_lock:16] R[false] C:SELECT 1"},
		{b, "SELECT pg_advisory_unlock_all()", "D[pg_advisory_unlock_all:25] R[] C:SELECT 1"},
		{a, "SELECT pg_try_advisory_lock(-1)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1"},
	} {
		got, err := q(t, c.s, c.sql)
		if err != nil || got != c.want {
			t.Fatalf("%s: %q, %v; want %q", c.sql, got, err, c.want)
		}
	}
	for sql, want := range map[string]string{
		"SELECT 1 + pg_try_advisory_lock(1)":         "0A000",
		"SELECT pg_try_advisory_lock(abs(1))":        "0A000",
		"SELECT pg_advisory_lock_shared(1)":          "0A000",
		"SELECT pg_try_advisory_lock(1, 2, 3)":       "42883",
		"SELECT pg_try_advisory_lock(4294967296, 1)": "22003",
	} {
		if _, err := q(t, a, sql); code(err) != want {
			t.Errorf("%s: %v, want %s", sql, err, want)
		}
	}

	// blocking: b waits for the lock a holds, a's close releases it
	done := make(chan error, 1)
	go func() {
		_, err := q(t, b, "SELECT pg_advisory_lock(-1)")
		done <- err
	}()
	a.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	c := newSess(t, e)
	mustQ(t, c, "SELECT pg_try_advisory_lock(-1)", "D[pg_try_advisory_lock:16] R[false] C:SELECT 1")

	// transaction level: held until the transaction ends
	mustQ(t, c, "BEGIN", "")
	mustQ(t, c, "SELECT pg_advisory_xact_lock(7)", "")
	mustQ(t, b, "SELECT pg_try_advisory_lock(7)", "D[pg_try_advisory_lock:16] R[false] C:SELECT 1")
	mustQ(t, c, "COMMIT", "")
	mustQ(t, b, "SELECT pg_try_advisory_lock(7)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1")
	// outside a block the statement is the transaction
	mustQ(t, c, "SELECT pg_try_advisory_xact_lock(8)", "D[pg_try_advisory_xact_lock:16] R[true] C:SELECT 1")
	mustQ(t, b, "SELECT pg_try_advisory_lock(8)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1")

	// a blocked acquisition stops at statement_timeout
	mustQ(t, c, "SET statement_timeout = 50", "")
	if _, err := q(t, c, "SELECT pg_advisory_lock(8)"); code(err) != "57014" {
		t.Fatalf("blocked lock under statement_timeout: %v", err)
	}
}

// TestAdvisoryLease: a lock whose node stopped renewing it is free once
// the lease has passed by the entries' pinned time.
func TestAdvisoryLease(t *testing.T) {
	clock := newFakeClock()
	db := openTestClock(t, t.TempDir(), clock)
	t.Cleanup(func() { db.Close() })
	f := &fakeReplicator{db: db}
	dead := NewEngine(db, f, EngineOptions{AdvisoryLease: time.Hour}) // its renewals never come
	live := NewEngine(db, f, EngineOptions{AdvisoryLease: time.Hour})
	a, b := newSess(t, dead), newSess(t, live)
	mustQ(t, a, "SELECT pg_try_advisory_lock(3)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1")
	clock.Advance(59 * time.Minute)
	mustQ(t, b, "SELECT pg_try_advisory_lock(3)", "D[pg_try_advisory_lock:16] R[false] C:SELECT 1")
	clock.Advance(2 * time.Minute)
	mustQ(t, b, "SELECT pg_try_advisory_lock(3)", "D[pg_try_advisory_lock:16] R[true] C:SELECT 1")
	// the dead node's holder renewing now finds it lost the lock
	got, err := dead.proposeAdvisory(context.Background(), Statement{SQL: advRenew, Args: []any{a.advisoryHolder(false), time.Hour.Microseconds()}})
	if err != nil || got[0] != 0 {
		t.Fatalf("renewal after expiry: %v, %v", got, err)
	}
}
