package integration

import (
	"context"
	"testing"
	"time"

	"github.com/raftsql/raftsql"
)

// The read-cost counters (round 12 of docs/benchmarks.md) count what a
// follower's linearizable reads cost: every read goes through a ReadIndex
// request of its driver (a follower has no local read index), and each
// request reaches the leader as a forwarded MsgReadIndex.
func TestReadCostCounters(t *testing.T) {
	c := startMemCluster(t, 3)
	lead := c.waitLeader(10 * time.Second)
	reader := (lead + 1) % 3
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	conn := connect(t, c.url(reader))
	if _, err := conn.Exec(ctx, "CREATE TABLE rc_kv (k INTEGER PRIMARY KEY, v TEXT)"); err != nil {
		t.Fatal(err)
	}
	// The leader counts what it received before the follower's reads,
	// the follower what it asked.
	forwardsBefore := counterValue(t, c.nodes[lead], "raftsql_raft_received_messages_total", "MsgReadIndex")
	roundsBefore := counterValue(t, c.nodes[reader], "raftsql_raft_read_index_rounds_total", "")
	readsBefore := counterValue(t, c.nodes[reader], "raftsql_raft_read_index_reads_total", "")
	const reads = 20
	for i := 0; i < reads; i++ {
		var n int
		if err := conn.QueryRow(ctx, "SELECT count(*) FROM rc_kv").Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	rounds := counterValue(t, c.nodes[reader], "raftsql_raft_read_index_rounds_total", "") - roundsBefore
	asked := counterValue(t, c.nodes[reader], "raftsql_raft_read_index_reads_total", "") - readsBefore
	forwards := counterValue(t, c.nodes[lead], "raftsql_raft_received_messages_total", "MsgReadIndex") - forwardsBefore
	// One client's reads never overlap, so each takes a request of its
	// own (the extended protocol's Describe of the statement may add a
	// read; a retry after a lost answer a request).
	if asked < reads || rounds < reads || rounds > asked+1 {
		t.Fatalf("follower: %v reads in %v ReadIndex requests; want at least %d reads, a request each", asked, rounds, reads)
	}
	if forwards < rounds {
		t.Fatalf("leader received %v forwarded MsgReadIndex for the follower's %v requests", forwards, rounds)
	}
	if v := counterValue(t, c.nodes[reader], "raftsql_raft_received_messages_total", "MsgReadIndexResp"); v < reads {
		t.Fatalf("follower received %v MsgReadIndexResp for %d reads", v, reads)
	}
}

// counterValue reads a counter of n's metrics registry: the series whose
// type label is typ, or the unlabelled one for "".
func counterValue(t *testing.T, n *raftsql.Node, name, typ string) float64 {
	t.Helper()
	fams, err := n.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
		for _, m := range f.GetMetric() {
			label := ""
			for _, l := range m.GetLabel() {
				if l.GetName() == "type" {
					label = l.GetValue()
				}
			}
			if label == typ {
				return m.GetCounter().GetValue()
			}
		}
	}
	return 0
}
