package raftsql

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// driverlessNode is a node without a driver: the test plays the driver by
// hand on propc and donec, so it decides when a proposal is taken.
func driverlessNode() *Node {
	return &Node{
		cfg:           Config{Name: "n1", WriteTimeout: time.Hour},
		names:         map[uint64]string{},
		propc:         make(chan *proposal),
		donec:         make(chan struct{}),
		waiters:       map[[16]byte]chan *sqlexec.ApplyResult{},
		leaderChanged: make(chan struct{}),
	}
}

func sqlState(t *testing.T, err error) string {
	t.Helper()
	var se interface{ SQLState() string }
	if !errors.As(err, &se) {
		t.Fatalf("error %v carries no SQLSTATE", err)
	}
	return se.SQLState()
}

// Once the driver may have taken a proposal, a client that stops waiting
// (cancel, statement_timeout, write timeout) or a node that stops must
// answer 40003 (outcome unknown), never a "not applied" code; and only a
// proposal the driver provably never took, or the core dropped, is "not
// applied".
func TestProposeOutcomeAfterTheProposalMayHaveReachedTheLog(t *testing.T) {
	for _, tc := range []struct {
		name string
		// driver plays the driver for one Propose call; cancel ends
		// the client's context.
		driver func(n *Node, cancel context.CancelFunc)
		want   string
	}{
		{"client leaves after the driver took it", func(n *Node, cancel context.CancelFunc) {
			<-n.propc // taken, no verdict yet
			cancel()
		}, "40003"},
		{"node stops after the driver took it and the core accepted it", func(n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.errc <- nil
			close(n.donec)
			n.failWaiters(errNodeStopped) // as Close does
		}, "40003"},
		{"client leaves after the core accepted it", func(n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.errc <- nil
			cancel()
		}, "40003"},
		{"client leaves after the core dropped it", func(n *Node, cancel context.CancelFunc) {
			p := <-n.propc
			p.errc <- raft.ErrProposalDropped
			cancel() // the retry finds nobody taking proposals
		}, "57P03"},
		{"node stops before the driver took it", func(n *Node, cancel context.CancelFunc) {
			close(n.donec)
		}, "57P01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := driverlessNode()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			errc := make(chan error, 1)
			go func() {
				_, err := (*replicator)(n).Propose(ctx, &sqlexec.Command{RequestID: [16]byte{1}})
				errc <- err
			}()
			tc.driver(n, cancel)
			if got := sqlState(t, <-errc); got != tc.want {
				t.Fatalf("SQLSTATE %s, want %s", got, tc.want)
			}
		})
	}
}
