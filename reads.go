package raftsql

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/raftsql/raftsql/raft"
)

const (
	// How long a read waits for the answer to one ReadIndex round before
	// it asks again (the round's leader may have been deposed).
	readRetryInterval = time.Second
)

// readOnlyOption is the core's way of confirming a read index: a
// heartbeat round per batch of reads (the default), or with Config.ReadLease
// the leader's lease while it is fresh (docs/design.md, "Lease reads").
func readOnlyOption(lease bool) raft.ReadOnlyOption {
	if lease {
		return raft.ReadOnlyLeaseBased
	}
	return raft.ReadOnlySafe
}

// readRequest is one linearizable read waiting for a read index; the
// driver batches the requests that arrive together into one ReadIndex round.
type readRequest struct {
	done  chan uint64 // receives the read index
	errc  chan error
	timer *time.Timer // the reader's, stopped while pooled
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
	if err := n.unavailable(); err != nil {
		return err
	}
	if breakLocalReads {
		return nil // a deliberate breakage in test builds only (breakage.go)
	}
	// On a leader that is its configuration's only voter the core would
	// answer a ReadIndex with localRead at once, so the read needs no
	// round through the driver (publishLocalRead); usually that index is
	// applied already and the read costs two loads.
	local := !breakOlderReadAnswer
	if idx := n.localRead.Load(); local && idx != 0 && n.AppliedIndex() >= idx {
		return nil
	}
	// The read gives up at deadline (ReadTimeout). The common read (the
	// driver takes its request at once; the answer's index is applied
	// already) allocates neither a context nor a timer for it: the
	// request and its timer (the retry and the deadline in one) come from
	// a pool, and a context bounded by the deadline is made only to wait
	// for a driver that is behind or an apply that lags.
	caller := ctx
	deadline := time.Now().Add(n.cfg.ReadTimeout)
	bounded := func() (context.Context, context.CancelFunc) {
		return context.WithDeadline(caller, deadline)
	}
	// unavailable reports why the read gave up: the caller's own
	// cancellation (a cancel request, statement_timeout) as itself, so the
	// client sees 57014 as for any cancelled statement; anything else as
	// the node being unable to confirm a read index.
	unavailable := func(cause error) error {
		if err := caller.Err(); err != nil {
			return fmt.Errorf("raftsql: linearizable read: %w", err)
		}
		return n.readUnavailable(cause)
	}
	waitApplied := func(idx uint64) error {
		if n.AppliedIndex() >= idx {
			return nil
		}
		ctx, cancel := bounded()
		defer cancel()
		if err := n.waitApplied(ctx, idx); err != nil {
			return unavailable(err)
		}
		return nil
	}
	if idx := n.localRead.Load(); local && idx != 0 {
		return waitApplied(idx)
	}
	for {
		if !time.Now().Before(deadline) {
			return unavailable(context.DeadlineExceeded)
		}
		leaderChanged := n.leaderChange()
		req := readRequests.Get().(*readRequest)
		select {
		case n.readc <- req:
		default:
			// The driver is behind: wait for it, within the deadline.
			ctx, cancel := bounded()
			select {
			case n.readc <- req:
				cancel()
			case <-ctx.Done():
				cancel()
				readRequests.Put(req) // the driver never saw it
				return unavailable(ctx.Err())
			case <-n.donec:
				cancel()
				readRequests.Put(req)
				return unavailable(errNodeStopped)
			}
		}
		// One timer for both: the retry after readRetryInterval and the
		// read's deadline.
		req.timer.Reset(min(readRetryInterval, time.Until(deadline)))
		select {
		case idx := <-req.done:
			req.release()
			return waitApplied(idx)
		case err := <-req.errc:
			req.release()
			if errors.Is(err, errNodeStopped) {
				return unavailable(err)
			}
			t := time.NewTimer(min(retryBackoff, time.Until(deadline)))
			select {
			case <-t.C:
			case <-caller.Done():
				t.Stop()
				return unavailable(err)
			}
		case <-req.timer.C:
			// Abandoned: the driver may still answer it, so it is not
			// reused.
		case <-leaderChanged:
			req.timer.Stop()
		case <-caller.Done():
			req.timer.Stop()
			return unavailable(caller.Err())
		}
	}
}

// readRequests pools the requests of reads answered: the driver answers a
// request once (done or errc) and drops it then, so a request whose answer
// was received can serve another read. One abandoned before its answer
// (retry, leader change, cancellation) is left to the garbage collector.
var readRequests = sync.Pool{New: func() any {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &readRequest{done: make(chan uint64, 1), errc: make(chan error, 1), timer: t}
}}

// release returns r, answered, to the pool.
func (r *readRequest) release() {
	r.timer.Stop()
	readRequests.Put(r)
}

func (n *Node) readUnavailable(cause error) error {
	return &NodeError{Code: "57P03", Msg: fmt.Sprintf("raftsql: cannot serve a linearizable read: no leader confirmed a read index (node %s sees leader %s); SET raftsql.read_consistency = 'stale' reads local data", n.cfg.Name, n.nameOf(n.leader.Load())), Err: cause}
}

// readRequestCtx is the request context of this incarnation's ReadIndex
// round seq: the incarnation (random, drawn at Start) then seq. The
// sequence restarts at every Start, so without the prefix an answer to a
// round asked before a restart (still in flight from the leader) could be
// taken for the answer to a round asked after it, and a read would run at
// an index confirmed before writes the client has since seen commit.
func (n *Node) readRequestCtx(seq uint64) []byte {
	rctx := make([]byte, 0, 16)
	rctx = append(rctx, n.incarnation[:]...)
	return binary.BigEndian.AppendUint64(rctx, seq)
}

// readRound returns the round a read state answers, or false if this
// incarnation did not ask for it.
func (n *Node) readRound(rctx []byte) (uint64, bool) {
	if len(rctx) != 16 || !bytes.Equal(rctx[:8], n.incarnation[:]) {
		return 0, false
	}
	return binary.BigEndian.Uint64(rctx[8:]), true
}

// answerReads hands each read state's index to the reads of the round it
// answers; states for rounds this incarnation did not ask for are ignored.
func (n *Node) answerReads(states []raft.ReadState, inflight map[uint64]*inflightRead) {
	for _, rs := range states {
		seq, ok := n.readRound(rs.RequestCtx)
		if !ok {
			continue
		}
		if r, ok := inflight[seq]; ok {
			for _, req := range r.reqs {
				req.done <- rs.Index
			}
			delete(inflight, seq)
		}
	}
}
