package integration

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/raftsql/raftsql"
)

// The work budget and apply outcomes through the whole stack: a statement
// that fails at apply (over the budget, or anything else SQL can do there)
// is its result on every node; the cluster keeps taking writes and the
// replicas stay identical, also after a node replays the log.

// startBudgetCluster is startMemCluster with a small work budget, so an
// over-budget entry fails quickly even on a loaded machine.
func startBudgetCluster(t *testing.T, budget int64) *memCluster {
	t.Helper()
	c := startMemClusterWith(t, 3, func(cfg *raftsql.Config) { cfg.StepBudget = budget })
	c.waitLeader(10 * time.Second)
	return c
}

// writable checks that the cluster takes a write within seconds.
func writable(t *testing.T, conn *pgx.Conn, v int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, "INSERT INTO ok VALUES ($1)", v); err != nil {
		t.Fatalf("the cluster does not take writes: %v", err)
	}
}

func TestBudgetAndApplyFailures(t *testing.T) {
	const budget = 2_000_000
	c := startBudgetCluster(t, budget)
	lead := c.waitLeader(10 * time.Second)
	follower := (lead + 1) % 3
	conns := []*pgx.Conn{connect(t, c.url(lead)), connect(t, c.url(follower))}
	mustExec(t, conns[0], "CREATE TABLE u(x int)")
	mustExec(t, conns[0], "CREATE TABLE ok(v int)")
	ctx := context.Background()
	const endless = "INSERT INTO u WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c"

	v := 0
	for k, conn := range conns {
		// An unbounded write: 54000 from the apply on every node.
		_, err := conn.Exec(ctx, endless)
		if pgCode(err) != "54000" || !strings.Contains(err.Error(), "work budget") {
			t.Fatalf("conn %d: endless insert: %v", k, err)
		}
		v++
		writable(t, conn, v)

		// In a transaction the speculation hits the budget first.
		mustExec(t, conn, "BEGIN")
		if _, err := conn.Exec(ctx, endless); pgCode(err) != "54000" {
			t.Fatalf("conn %d: endless insert in a transaction: %v", k, err)
		}
		mustExec(t, conn, "ROLLBACK")

		// Reads are bounded by statement_timeout.
		mustExec(t, conn, "SET statement_timeout = 200")
		_, err = conn.Exec(ctx, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c")
		if pgCode(err) != "57014" {
			t.Fatalf("conn %d: endless read: %v", k, err)
		}
		mustExec(t, conn, "RESET statement_timeout")

		// A statement that would turn the apply connection read-only:
		// refused before proposal (0A000) or failing at apply; either
		// way the cluster keeps applying.
		_, err = conn.Exec(ctx, "PRAGMA query_only(1)")
		t.Logf("PRAGMA query_only(1): %v", err)
		v++
		writable(t, conn, v)
	}
	checkChecksums(t, c)

	// Each follower replays the log, failed entries included, and ends
	// identical.
	for i := range c.nodes {
		if i == lead {
			continue
		}
		c.stop(i)
		c.start(i)
		v++
		writable(t, conns[0], v)
		checkChecksums(t, c)
	}
	var n int
	if err := conns[0].QueryRow(ctx, "SELECT count(*) FROM u").Scan(&n); err != nil || n != 0 {
		t.Fatalf("u has %d rows (%v); over-budget entries must leave nothing", n, err)
	}
}
