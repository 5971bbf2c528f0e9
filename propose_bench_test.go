package raftsql

import (
	"context"
	"testing"

	"github.com/raftsql/raftsql/internal/cputime"
	"github.com/raftsql/raftsql/sqlexec"
)

// BenchmarkPropose: the client side of one write, Propose's own CPU (the
// write timeout, the waiter, the hand-off to the driver, the reproposal
// timer), with a stand-in driver that accepts each proposal and answers
// its waiter at once, as apply does, without Raft or SQLite:
//
//	go test . -run '^$' -bench Propose -benchtime 200000x
func BenchmarkPropose(b *testing.B) {
	n := driverlessNode()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for {
			select {
			case p := <-n.propc:
				if p.quiet { // as handleProposal answers
					p.accepted.Store(true)
				} else {
					p.errc <- nil
				}
				// One write at a time: its waiter is the only one.
				n.waitMu.Lock()
				for id, ch := range n.waiters {
					ch <- &sqlexec.ApplyResult{RequestID: id}
				}
				n.waitMu.Unlock()
			case <-stop:
				return
			}
		}
	}()
	ctx, cancel := context.WithCancel(context.Background()) // a session's context is cancellable
	defer cancel()
	r := (*replicator)(n)
	cmd := &sqlexec.Command{Statements: []sqlexec.Statement{{SQL: "INSERT INTO bench (id, v) VALUES (1, 'x')"}}}
	b.ReportAllocs()
	b.ResetTimer()
	cputime.PerOp(b)
	for i := 0; i < b.N; i++ {
		cmd.RequestID[0], cmd.RequestID[1], cmd.RequestID[2] = byte(i), byte(i>>8), byte(i>>16)
		if _, err := r.Propose(ctx, cmd); err != nil {
			b.Fatal(err)
		}
	}
}
