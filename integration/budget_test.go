package integration

import (
	"context"
	"path/filepath"
	"strconv"
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
	ports := freePorts(t, 6)
	c := &memCluster{t: t, dir: t.TempDir(), log: testLogger(t)}
	for i := 0; i < 3; i++ {
		c.members = append(c.members, raftsql.Member{Name: "n" + strconv.Itoa(i+1), RaftAddr: "127.0.0.1:" + strconv.Itoa(ports[i])})
		c.pgAddrs = append(c.pgAddrs, "127.0.0.1:"+strconv.Itoa(ports[3+i]))
	}
	c.nodes = make([]*raftsql.Node, 3)
	for i := range c.members {
		startBudgetNode(c, i, budget)
	}
	t.Cleanup(func() {
		for i := range c.nodes {
			c.stop(i)
		}
	})
	c.waitLeader(10 * time.Second)
	return c
}

func startBudgetNode(c *memCluster, i int, budget int64) {
	c.t.Helper()
	n, err := raftsql.Start(context.Background(), raftsql.Config{
		Name:           c.members[i].Name,
		DataDir:        filepath.Join(c.dir, c.members[i].Name),
		PGListen:       c.pgAddrs[i],
		InitialCluster: c.members,
		Logger:         c.log,
		StepBudget:     budget,
	})
	if err != nil {
		c.t.Fatalf("start %s: %v", c.members[i].Name, err)
	}
	c.nodes[i] = n
}

// waitSameChecksum waits until every running node has applied the same
// index and compares their checksums there.
func waitSameChecksum(t *testing.T, c *memCluster) {
	t.Helper()
	ctx := context.Background()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var sums []string
		var idx []uint64
		for _, n := range c.nodes {
			if n == nil {
				continue
			}
			s, i, err := n.Checksum(ctx)
			if err != nil {
				t.Fatal(err)
			}
			sums, idx = append(sums, s), append(idx, i)
		}
		same := true
		for k := range idx {
			same = same && idx[k] == idx[0]
		}
		if same {
			for k := range sums {
				if sums[k] != sums[0] {
					t.Fatalf("replicas differ at index %d: %v", idx[0], sums)
				}
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("nodes did not reach the same applied index: %v", idx)
		}
		time.Sleep(20 * time.Millisecond) // polling for a condition
	}
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
	waitSameChecksum(t, c)

	// Each follower replays the log, failed entries included, and ends
	// identical.
	for i := range c.nodes {
		if i == lead {
			continue
		}
		c.stop(i)
		startBudgetNode(c, i, budget)
		v++
		writable(t, conns[0], v)
		waitSameChecksum(t, c)
	}
	var n int
	if err := conns[0].QueryRow(ctx, "SELECT count(*) FROM u").Scan(&n); err != nil || n != 0 {
		t.Fatalf("u has %d rows (%v); over-budget entries must leave nothing", n, err)
	}
}
