package integration

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Replicated DDL tests send their statements to different nodes of a
// three-node cluster and then wait until every node reads the same
// answer: these helpers are that frame, shared by the table rebuild, DROP
// COLUMN ... CASCADE and ADD COLUMN tests.

// nodeStep is one statement sent to one node (an index into the conns).
type nodeStep struct {
	node int
	sql  string
}

// threeNodes starts a three-node in-memory cluster and connects to every
// node; ctx bounds the test's statements.
func threeNodes(t *testing.T) (ctx context.Context, c *memCluster, conns []*pgx.Conn) {
	t.Helper()
	c = startMemCluster(t, 3)
	c.waitLeader(10 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	conns = make([]*pgx.Conn, 3)
	for i := range conns {
		conns[i] = connect(t, c.url(i))
	}
	return ctx, c, conns
}

// runNodeSteps runs the steps in order, failing the test at the first error.
func runNodeSteps(ctx context.Context, t *testing.T, conns []*pgx.Conn, steps []nodeStep) {
	t.Helper()
	for i, s := range steps {
		if _, err := conns[s.node].Exec(ctx, s.sql); err != nil {
			t.Fatalf("step %d (%s) on node %d: %v", i, s.sql, s.node, err)
		}
	}
}

// waitAllRead waits until read (one text column, or several joined with
// a blank) answers want on every node: a follower may not have applied the
// last write yet.
func waitAllRead(ctx context.Context, t *testing.T, conns []*pgx.Conn, read, want string) {
	t.Helper()
	for i, conn := range conns {
		waitUntil(t, fmt.Sprintf("node %d reads %s", i, want), func() bool {
			rows, err := conn.Query(ctx, read)
			if err != nil {
				t.Fatalf("node %d: %v", i, err)
			}
			got, err := joinRow(rows)
			if err != nil {
				t.Fatalf("node %d: %v", i, err)
			}
			return got == want
		})
	}
}

// joinRow reads the one row of rows as its text columns joined by blanks.
func joinRow(rows pgx.Rows) (string, error) {
	defer rows.Close()
	if !rows.Next() {
		return "", fmt.Errorf("no row: %v", rows.Err())
	}
	vals, err := rows.Values()
	if err != nil {
		return "", err
	}
	out := ""
	for k, v := range vals {
		if k > 0 {
			out += " "
		}
		out += fmt.Sprint(v)
	}
	return out, rows.Err()
}
