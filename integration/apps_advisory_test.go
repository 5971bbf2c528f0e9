package integration

// Advisory locks across the cluster: exclusive between sessions on
// different nodes, a blocked pg_advisory_lock proceeds when the holder on
// another node unlocks, transaction-level locks end with the transaction,
// and a lock held by a session of a node that stops is free again within
// the lease.

import (
	"context"
	"testing"
	"time"
)

func TestAdvisoryLocksAcrossNodes(t *testing.T) {
	urls, c := e2eCluster(t)
	ctx := context.Background()
	a, b := connect(t, urls[0]), connect(t, urls[1])
	tryLock := func(i int, key int64) bool {
		t.Helper()
		conn := a
		if i == 1 {
			conn = b
		}
		var ok bool
		if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1)", key).Scan(&ok); err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !tryLock(0, 42) || tryLock(1, 42) {
		t.Fatal("lock 42 not exclusive across nodes")
	}
	// b blocks until a unlocks
	done := make(chan error, 1)
	go func() {
		_, err := b.Exec(ctx, "SELECT pg_advisory_lock($1)", int64(42))
		done <- err
	}()
	if _, err := a.Exec(ctx, "SELECT pg_advisory_unlock(42)"); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("blocked lock: %v", err)
	}
	if tryLock(0, 42) {
		t.Fatal("a got the lock b holds")
	}

	// transaction level
	tx, err := a.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(7)"); err != nil {
		t.Fatal(err)
	}
	if tryLock(1, 7) {
		t.Fatal("b got a's transaction lock")
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if !tryLock(1, 7) {
		t.Fatal("transaction lock not released at commit")
	}

	if c == nil {
		return // the reference server has no nodes to stop
	}
	// a session on node 3 takes a lock; node 3 stops (its sessions end);
	// the lock is free again
	d := connect(t, urls[2])
	if _, err := d.Exec(ctx, "SELECT pg_advisory_lock(99)"); err != nil {
		t.Fatal(err)
	}
	if tryLock(0, 99) {
		t.Fatal("lock 99 not exclusive")
	}
	c.stop(2)
	wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
	defer cancel()
	if _, err := a.Exec(wctx, "SELECT pg_advisory_lock(99)"); err != nil {
		t.Fatalf("lock of a stopped node's session never freed: %v", err)
	}
}

// TestAdvisoryLockLeaseAfterKill: the node of the session holding a lock
// is killed (SIGKILL: nothing is released); another node's session gets
// the lock once the lease (sqlexec.DefaultAdvisoryLease) has passed.
func TestAdvisoryLockLeaseAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for an advisory lock lease (15 s)")
	}
	c := startProcCluster(t, 3)
	lead := c.leader(20 * time.Second)
	victim, other := c.twoFollowers(lead)
	ctx := context.Background()
	d := connect(t, victim.url())
	if _, err := d.Exec(ctx, "SELECT pg_advisory_lock(5)"); err != nil {
		t.Fatal(err)
	}
	a := connect(t, other.url())
	var ok bool
	if err := a.QueryRow(ctx, "SELECT pg_try_advisory_lock(5)").Scan(&ok); err != nil || ok {
		t.Fatalf("lock 5 not exclusive: %v %v", ok, err)
	}
	c.kill(victim)
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	if _, err := a.Exec(wctx, "SELECT pg_advisory_lock(5)"); err != nil {
		t.Fatalf("lock of a killed node's session never freed: %v", err)
	}
}
