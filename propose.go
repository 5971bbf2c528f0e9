package raftsql

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// replicator is the node as sqlexec sees it: the way to get a command
// through the log (Propose, here) and a read barrier (ReadBarrier, in
// reads.go).
type replicator Node

const (
	// How long a follower waits for its forwarded proposal to be applied
	// before it proposes the same command again. The request id makes the
	// second copy harmless: the state machine applies an id at most once.
	reproposeInterval = 2 * time.Second
	retryBackoff      = 20 * time.Millisecond
	// maxEntryBytes bounds one log entry well below the transport's frame
	// limit (64 MiB) and the leader's uncommitted-bytes limit.
	maxEntryBytes = 32 << 20
)

// proposal is a write (or configuration change) a client goroutine hands to
// the driver; errc receives the core's verdict on accepting it.
type proposal struct {
	data  []byte
	errc  chan error
	isCfg bool
	cc    membership.Change
	// quiet: the driver sends on errc only a refusal; an acceptance
	// sets accepted instead, without waking the submitter (Propose,
	// whose next wake-up is its result).
	quiet    bool
	accepted atomic.Bool
	// answered and refused: the submitter took the driver's answer from
	// errc, and it was an error (the submitter's goroutine only).
	answered, refused bool
}

// takeAnswer takes the driver's answer from errc if it is there.
func (p *proposal) takeAnswer() {
	if p.answered {
		return
	}
	select {
	case err := <-p.errc:
		p.answered, p.refused = true, err != nil
	default:
	}
}

// mayBeTaken reports whether this copy may reach the log: unless the core
// refused it, a queued proposal may be taken (or may have been accepted
// quietly). Its submitter is leaving or proposing again.
func (p *proposal) mayBeTaken() bool {
	p.takeAnswer()
	return !p.refused
}

// tookAndAccepted reports whether the core accepted this copy, once the
// driver has stopped (every answer it gave is visible then; a proposal it
// never took has none and never will).
func (p *proposal) tookAndAccepted() bool {
	if p.accepted.Load() {
		return true
	}
	p.takeAnswer()
	return p.answered && !p.refused
}

// Propose replicates cmd through the Raft log and returns the result of
// this node's own apply of it.
func (r *replicator) Propose(ctx context.Context, cmd *sqlexec.Command) (*sqlexec.ApplyResult, error) {
	n := (*Node)(r)
	if why := n.divergedReason(); why != "" {
		// Not proposed: this node's own result of the write would come
		// from its diverged data.
		return nil, n.errDiverged(why)
	}
	if err := n.unavailable(); err != nil {
		return nil, err
	}
	// The entry is its type byte then the command, encoded in place.
	data := sqlexec.AppendCommand([]byte{entrySQL}, cmd)
	if enc := len(data) - 1; enc > maxEntryBytes {
		// A larger entry could not cross the peer transport in one frame
		// and would stall replication to every follower.
		return nil, &NodeError{Code: "54000", Msg: fmt.Sprintf("raftsql: this write is %d bytes once encoded; one log entry holds at most %d bytes (split it into smaller statements or transactions)", enc, maxEntryBytes)}
	}

	resc := make(chan *sqlexec.ApplyResult, 1)
	n.waitMu.Lock()
	n.waiters[cmd.RequestID] = resc
	n.waitMu.Unlock()
	defer func() {
		n.waitMu.Lock()
		if n.waiters[cmd.RequestID] == resc {
			delete(n.waiters, cmd.RequestID)
		}
		n.waitMu.Unlock()
	}()

	accepted := false // some copy reached the core of a node with a leader
	defer n.metrics.proposed()()
	// One timer serves both the write timeout and the reproposal wait: it
	// is armed for whichever comes first, and its firing is the timeout
	// once the deadline has passed. The write timeout's cause is
	// context.DeadlineExceeded, as a context.WithTimeout's would be; a
	// derived context and a second timer per write cost a third of
	// Propose's own CPU (BenchmarkPropose, docs/benchmarks.md round 6).
	deadline := time.Now().Add(n.cfg.WriteTimeout)
	t := time.NewTimer(n.cfg.WriteTimeout)
	defer t.Stop()
	for first := true; ; first = false {
		if !first {
			// The timer fired or was stopped in the last round: armed
			// again for the write timeout while the proposal is handed
			// over.
			t.Reset(time.Until(deadline))
		}
		leaderChanged := n.leaderChange()
		// A quiet proposal: the driver answers only a refusal, so the
		// client goroutine is woken once per write (by its result), not
		// also for the core's acceptance (docs/benchmarks.md, round 7).
		p := &proposal{data: data, quiet: true, errc: make(chan error, 1)}
		if err := n.enqueue(ctx, t.C, p); err != nil {
			// Not queued, so never taken: only earlier copies count.
			return nil, n.unknownOrUnavailable(accepted, err)
		}
		// Queued: the driver may take it from now on.
		expiring := n.armWait(t, deadline, reproposeInterval)
	waiting:
		for {
			select {
			case res := <-resc:
				return n.proposeResult(res, p, accepted)
			case err := <-p.errc:
				p.answered, p.refused = true, err != nil
				if err == nil {
					// An explicit acceptance (tests playing the driver).
					accepted = true
					continue
				}
				if !errors.Is(err, raft.ErrProposalDropped) {
					return nil, &NodeError{Code: "XX000", Msg: "raftsql: propose", Err: err}
				}
				// Not appended anywhere by this copy: waiting for a
				// leader and trying again is safe.
				t.Stop()
				expiring = n.armWait(t, deadline, retryBackoff)
			case <-t.C:
				accepted = accepted || p.mayBeTaken()
				if expiring {
					return nil, n.unknownOrUnavailable(accepted, context.DeadlineExceeded)
				}
				break waiting
			case <-leaderChanged:
				// A proposal forwarded to a deposed leader may be lost:
				// send it again to the new one (the request id makes a
				// second copy harmless).
				t.Stop()
				accepted = accepted || p.mayBeTaken()
				break waiting
			case <-ctx.Done():
				return nil, n.unknownOrUnavailable(accepted || p.mayBeTaken(), ctx.Err())
			case <-n.donec:
				// The driver has stopped, and the apply goroutine before
				// it: a result it gave is queued already; a copy the
				// driver never took never will be.
				select {
				case res := <-resc:
					return n.proposeResult(res, p, accepted)
				default:
				}
				return nil, n.unknownOrUnavailable(accepted || p.tookAndAccepted(), errNodeStopped)
			}
		}
	}
}

// armWait arms t for d or, when less of the write timeout is left, for
// what is left (expiring: this arming ends at the write timeout).
func (n *Node) armWait(t *time.Timer, deadline time.Time, d time.Duration) (expiring bool) {
	if left := time.Until(deadline); left <= d {
		d, expiring = left, true
	}
	t.Reset(d)
	return expiring
}

// proposeResult is Propose's answer for its own apply's result res; p is
// its latest copy, accepted whether an earlier one may have been accepted.
func (n *Node) proposeResult(res *sqlexec.ApplyResult, p *proposal, accepted bool) (*sqlexec.ApplyResult, error) {
	var wf *waiterFailed
	if errors.As(res.Err, &wf) {
		// The node stopped or failed before applying it: whether the
		// cluster committed it is unknown here, unless the driver has
		// stopped and provably never accepted a copy (while it runs, a
		// queued copy may still be taken).
		maybe := true
		select {
		case <-n.donec:
			maybe = accepted || p.tookAndAccepted()
		default:
		}
		return nil, n.unknownOrUnavailable(maybe, wf.err)
	}
	return res, nil
}

func (n *Node) unknownOrUnavailable(accepted bool, cause error) error {
	if errors.Is(cause, errNodeStopped) && !accepted {
		return &NodeError{Code: "57P01", Msg: fmt.Sprintf("raftsql: node %s is shutting down; the write was not applied", n.cfg.Name)}
	}
	if accepted {
		return &NodeError{Code: "40003", Msg: "raftsql: the outcome of this write is unknown (the cluster did not confirm it in time, e.g. the leader changed); it may or may not have been applied", Err: cause}
	}
	return &NodeError{Code: "57P03", Msg: fmt.Sprintf("raftsql: no leader could take the write (node %s sees leader %s); the write was not applied", n.cfg.Name, n.nameOf(n.leader.Load())), Err: cause}
}

// maybeProposed is submit's error when the caller stopped waiting after the
// driver may have taken the proposal: it may reach the log, so the write's
// outcome is unknown, never "not applied".
type maybeProposed struct{ cause error }

func (e *maybeProposed) Error() string { return e.cause.Error() }
func (e *maybeProposed) Unwrap() error { return e.cause }

// submit hands a proposal to the driver and returns the core's verdict.
// Once the proposal is in the driver's queue, the driver may take it and
// propose it even after this caller leaves, so leaving before the verdict
// (ctx ended) returns a *maybeProposed. When the driver has stopped, the
// verdict is final: the driver answers a proposal as soon as it takes it,
// so no answer means it never took it.
func (n *Node) submit(ctx context.Context, p *proposal) error {
	return n.submitBy(ctx, nil, p)
}

// submitBy is submit that also gives up when expire fires (nil: never),
// with context.DeadlineExceeded: Propose's write timeout without a
// derived context.
func (n *Node) submitBy(ctx context.Context, expire <-chan time.Time, p *proposal) error {
	p.errc = make(chan error, 1)
	if err := n.enqueue(ctx, expire, p); err != nil {
		return err
	}
	select {
	case err := <-p.errc:
		return err
	case <-ctx.Done():
		return leftEarly(p, ctx.Err(), true)
	case <-expire:
		return leftEarly(p, context.DeadlineExceeded, true)
	case <-n.donec:
		return leftEarly(p, errNodeStopped, false)
	}
}

// enqueue puts p in the driver's queue; an error means it is not queued
// (so never taken): ctx's error, context.DeadlineExceeded when expire
// fires, errNodeStopped.
func (n *Node) enqueue(ctx context.Context, expire <-chan time.Time, p *proposal) error {
	select {
	case n.propc <- p:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-expire:
		return context.DeadlineExceeded
	case <-n.donec:
		return errNodeStopped
	}
}

// leftEarly is submit's answer when it stops waiting for the verdict on p
// because of cause: a verdict already given stands; without one, the
// proposal may still be taken and proposed unless the driver has stopped.
func leftEarly(p *proposal, cause error, mayStillBeTaken bool) error {
	select {
	case err := <-p.errc:
		if err != nil {
			return err
		}
		return &maybeProposed{cause: cause}
	default:
		if mayStillBeTaken {
			return &maybeProposed{cause: cause}
		}
		return cause
	}
}
