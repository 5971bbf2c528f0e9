package integration

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// SHOW raftsql.leader is answered by every node in every protocol mode a
// client can use: pgx's default (prepared and cached statements over the
// extended protocol), the other extended-protocol modes, the simple
// protocol, and inside a transaction. All nodes name the same leader.
func TestShowLeaderEveryProtocolMode(t *testing.T) {
	c := startMemCluster(t, 3)
	want := c.members[c.waitLeader(10*time.Second)].Name
	modes := []struct {
		name string
		args []any
	}{
		{"default (cache statement)", nil},
		{"cache statement", []any{pgx.QueryExecModeCacheStatement}},
		{"cache describe", []any{pgx.QueryExecModeCacheDescribe}},
		{"describe exec", []any{pgx.QueryExecModeDescribeExec}},
		{"exec", []any{pgx.QueryExecModeExec}},
		{"simple protocol", []any{pgx.QueryExecModeSimpleProtocol}},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for i := range c.nodes {
		conn := connect(t, c.url(i))
		for _, m := range modes {
			// Twice: the second run of a cached mode reuses the statement.
			for range 2 {
				var got string
				if err := conn.QueryRow(ctx, "SHOW raftsql.leader", m.args...).Scan(&got); err != nil {
					t.Fatalf("node %d, %s: %v", i, m.name, err)
				}
				if got != want {
					t.Fatalf("node %d, %s: leader %q, want %q", i, m.name, got, want)
				}
			}
		}
		tx, err := conn.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var got string
		if err := tx.QueryRow(ctx, "show RAFTSQL.LEADER;").Scan(&got); err != nil || got != want {
			t.Fatalf("node %d, in a transaction: %q, %v; want %q", i, got, err, want)
		}
		if err := tx.Commit(ctx); err != nil {
			t.Fatal(err)
		}
	}
}
