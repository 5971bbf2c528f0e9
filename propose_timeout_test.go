package raftsql

import (
	"context"
	"testing"
	"time"

	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// The write timeout (one timer with the reproposal wait, propose.go) ends a
// write with the same codes as the client leaving: 40003 once the driver
// may have taken a copy, 57P03 only when none was taken or every one was
// dropped. The driver here never applies anything, so each write waits
// for its timeout; the test waits for the answer, it times nothing.
func TestProposeWriteTimeoutOutcome(t *testing.T) {
	for _, tc := range []struct {
		name   string
		driver func(n *Node, stop <-chan struct{})
		want   string
	}{
		{"nobody takes it", func(n *Node, stop <-chan struct{}) {}, "57P03"},
		{"taken, no verdict", func(n *Node, stop <-chan struct{}) {
			<-n.propc
		}, "40003"},
		{"accepted, never applied", func(n *Node, stop <-chan struct{}) {
			p := <-n.propc
			p.errc <- nil
		}, "40003"},
		{"accepted, then reproposals dropped", func(n *Node, stop <-chan struct{}) {
			p := <-n.propc
			p.errc <- nil
			close(n.leaderChanged) // a new leader: Propose sends it again
			for {
				select {
				case p := <-n.propc:
					p.errc <- raft.ErrProposalDropped
				case <-stop:
					return
				}
			}
		}, "40003"},
		{"every copy dropped", func(n *Node, stop <-chan struct{}) {
			for {
				select {
				case p := <-n.propc:
					p.errc <- raft.ErrProposalDropped
				case <-stop:
					return
				}
			}
		}, "57P03"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := driverlessNode()
			n.cfg.WriteTimeout = 50 * time.Millisecond
			stop := make(chan struct{})
			done := make(chan struct{})
			go func() { defer close(done); tc.driver(n, stop) }()
			defer func() { close(stop); <-done }()
			_, err := (*replicator)(n).Propose(context.Background(), &sqlexec.Command{RequestID: [16]byte{2}})
			if got := sqlState(t, err); got != tc.want {
				t.Fatalf("SQLSTATE %s, want %s (%v)", got, tc.want, err)
			}
		})
	}
}
