package raftsql

import (
	"context"
	"errors"
	"fmt"
	"time"
)

const (
	// How long a read waits for the answer to one ReadIndex round before
	// it asks again (the round's leader may have been deposed).
	readRetryInterval = time.Second
)

// readRequest is one linearizable read waiting for a read index; the
// driver batches the requests that arrive together into one ReadIndex round.
type readRequest struct {
	done  chan uint64 // receives the read index
	errc  chan error
	start time.Time
}

// inflightRead is one ReadIndex round this driver asked the core for.
type inflightRead struct {
	reqs  []*readRequest
	asked time.Time
}

// ReadBarrier returns once this node has applied every write that committed
// before the call: the leader confirms its leadership for a read index (one
// round shared by all reads that arrive meanwhile) and this node waits until
// it has applied that index.
func (r *replicator) ReadBarrier(ctx context.Context) error {
	n := (*Node)(r)
	ctx, cancel := context.WithTimeout(ctx, n.cfg.ReadTimeout)
	defer cancel()
	for {
		leaderChanged := n.leaderChange()
		req := &readRequest{done: make(chan uint64, 1), errc: make(chan error, 1), start: time.Now()}
		select {
		case n.readc <- req:
		case <-ctx.Done():
			return n.readUnavailable(ctx.Err())
		case <-n.donec:
			return n.readUnavailable(errNodeStopped)
		}
		t := time.NewTimer(readRetryInterval)
		select {
		case idx := <-req.done:
			t.Stop()
			if err := n.waitApplied(ctx, idx); err != nil {
				return n.readUnavailable(err)
			}
			return nil
		case err := <-req.errc:
			t.Stop()
			if errors.Is(err, errNodeStopped) {
				return n.readUnavailable(err)
			}
			select {
			case <-time.After(retryBackoff):
			case <-ctx.Done():
				return n.readUnavailable(err)
			}
		case <-t.C:
		case <-leaderChanged:
			t.Stop()
		case <-ctx.Done():
			t.Stop()
			return n.readUnavailable(ctx.Err())
		}
	}
}

func (n *Node) readUnavailable(cause error) error {
	return &NodeError{Code: "57P03", Msg: fmt.Sprintf("raftsql: cannot serve a linearizable read: no leader confirmed a read index (node %s sees leader %s); SET raftsql.read_consistency = 'stale' reads local data", n.cfg.Name, n.nameOf(n.leader.Load())), Err: cause}
}
