package raftsql

import (
	"context"
	"testing"
	"time"

	"github.com/raftsql/raftsql/sqlexec"
)

// Propose's proposals are quiet: the driver answers only a refusal on
// errc and marks an acceptance on the proposal without waking the client.
// The outcome codes stay those of TestProposeOutcomeAfterTheProposalMay-
// HaveReachedTheLog: 40003 once the core may have accepted a copy, "not
// applied" only when no copy was taken or every one was refused.
func TestProposeQuietOutcome(t *testing.T) {
	for _, tc := range []struct {
		name    string
		timeout time.Duration // the write timeout (0: an hour)
		driver  func(t *testing.T, n *Node, cancel context.CancelFunc)
		want    string
	}{
		{"accepted, then the node stops", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.accepted.Store(true)
			close(n.donec)
		}, "40003"},
		{"accepted, then the node stops and fails its waiters", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.accepted.Store(true)
			close(n.donec)
			n.failWaiters(errNodeStopped)
		}, "40003"},
		{"accepted, then the client leaves", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.accepted.Store(true)
			cancel()
		}, "40003"},
		{"accepted, never applied: the write timeout", 50 * time.Millisecond, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.accepted.Store(true)
		}, "40003"},
		{"queued, never taken, the node stops", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			waitFor(t, "Propose to queue the proposal", func() bool { return len(n.propc) > 0 })
			close(n.donec)
		}, "57P01"},
		{"queued, never taken, the node's waiters fail before it stops", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			waitFor(t, "Propose to queue the proposal", func() bool { return len(n.propc) > 0 })
			n.failWaiters(errNodeStopped) // the driver may still take it
		}, "40003"},
		{"queued, never taken, the node stops, then fails its waiters", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			waitFor(t, "Propose to queue the proposal", func() bool { return len(n.propc) > 0 })
			close(n.donec)
			n.failWaiters(errNodeStopped)
		}, "57P01"},
		{"queued, never taken, the client leaves", 0, func(t *testing.T, n *Node, cancel context.CancelFunc) {
			waitFor(t, "Propose to queue the proposal", func() bool { return len(n.propc) > 0 })
			cancel() // the driver may still take it
		}, "40003"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := driverlessNode()
			n.propc = make(chan *proposal, 1) // as the node's: queued before taken
			if tc.timeout > 0 {
				n.cfg.WriteTimeout = tc.timeout
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			errc := make(chan error, 1)
			go func() {
				_, err := (*replicator)(n).Propose(ctx, &sqlexec.Command{RequestID: [16]byte{3}})
				errc <- err
			}()
			tc.driver(t, n, cancel)
			if got := sqlState(t, <-errc); got != tc.want {
				t.Fatalf("SQLSTATE %s, want %s", got, tc.want)
			}
		})
	}
}

// A quiet proposal that the core accepts is answered by its result alone.
func TestProposeQuietResult(t *testing.T) {
	n := driverlessNode()
	go func() {
		p := <-n.propc
		if !p.quiet {
			t.Error("Propose's proposal is not quiet")
		}
		p.accepted.Store(true)
		n.deliver(&sqlexec.ApplyResult{RequestID: [16]byte{4}})
	}()
	if _, err := (*replicator)(n).Propose(context.Background(), &sqlexec.Command{RequestID: [16]byte{4}}); err != nil {
		t.Fatal(err)
	}
}
