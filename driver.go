package raftsql

import (
	"fmt"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// run is the driver: the only goroutine that touches the Raft core. It
// persists, sends and hands committed entries to the apply goroutine
// (applyLoop) without waiting for SQLite, so a long apply never delays
// ticks, heartbeats, votes or appends.
func (n *Node) run() {
	defer close(n.donec)
	// Deferred calls run last-in first-out: the apply goroutine has
	// stopped (its batch interrupted and rolled back) before donec closes.
	defer n.stopApplier()
	ticker := time.NewTicker(n.cfg.TickInterval)
	defer ticker.Stop()

	// In lease mode ticks follow the monotonic clock (leaseclock.go).
	var clock *tickClock
	if n.cfg.ReadLease {
		clock = newTickClock(n.cfg.TickInterval, n.cfg.ElectionTicks, time.Now())
	}

	var pendingReads []*readRequest
	inflight := map[uint64]*inflightRead{}
	var readSeq uint64
	var lastReadIndex uint64 // breakOlderReadAnswer only

	for {
		select {
		case <-n.haltc:
			// Closing (Close), or the apply goroutine failed.
			err := errNodeStopped
			if e := n.Err(); e != nil {
				err = e
			}
			n.failReads(pendingReads, inflight, err)
			return
		case <-ticker.C:
			if clock == nil {
				n.tick()
			}
			// Forget read rounds whose answer never came (their leader
			// was deposed); the waiting clients retry on their own.
			for k, r := range inflight {
				if time.Since(r.asked) > 5*time.Second {
					delete(inflight, k)
				}
			}
		case m := <-n.recvc:
			n.catchUpTicks(clock) // before a forwarded read meets the lease
			n.step(m)
		case p := <-n.propc:
			n.handleProposal(p)
		case r := <-n.readc:
			pendingReads = append(pendingReads, r)
		case ch := <-n.statusc:
			ch <- n.rn.Status()
		case id := <-n.unreachc:
			n.rn.ReportUnreachable(id)
		case s := <-n.snapc:
			n.rn.ReportSnapshot(s.id, s.ok)
		case to := <-n.transferc:
			n.rn.TransferLeader(to)
		case req := <-n.confc:
			// The apply goroutine reached a configuration change: every
			// earlier entry is applied; the core learns it now.
			cfg := n.rn.ApplyConfChange(req.cc)
			req.cfg = cfg
			var err error
			if err = n.store.SetConfig(cfg); err != nil {
				err = fmt.Errorf("persist configuration: %w", err)
			} else {
				n.conf.Store(&cfg)
			}
			req.done <- err
		}
		n.catchUpTicks(clock)
		// Drain whatever else is queued so that one Ready (one fsync)
		// carries as many proposals and messages as possible.
	drain:
		for i := 0; i < 4096; i++ {
			select {
			case m := <-n.recvc:
				n.catchUpTicks(clock)
				n.step(m)
			case p := <-n.propc:
				n.handleProposal(p)
			case r := <-n.readc:
				pendingReads = append(pendingReads, r)
			default:
				break drain
			}
		}
		if breakOlderReadAnswer && len(pendingReads) > 0 && lastReadIndex > 0 {
			// A deliberate breakage in test builds only (breakage.go):
			// the reads take the previous round's answer; the round
			// asked below (for nobody) refreshes it.
			for _, r := range pendingReads {
				r.done <- lastReadIndex
			}
			pendingReads = pendingReads[:0]
		}
		if len(pendingReads) > 0 || (breakOlderReadAnswer && len(inflight) == 0) {
			n.catchUpTicks(clock)
			readSeq++
			if err := n.rn.ReadIndex(n.readRequestCtx(readSeq)); err != nil {
				for _, r := range pendingReads {
					r.errc <- err
				}
			} else {
				inflight[readSeq] = &inflightRead{reqs: pendingReads, asked: time.Now()}
			}
			pendingReads = nil
		}
		for n.rn.HasReady() {
			rd := n.rn.Ready()
			if err := n.handleReady(rd, inflight); err != nil {
				n.fail(err)
				n.failReads(pendingReads, inflight, err)
				return
			}
			if breakOlderReadAnswer && len(rd.ReadStates) > 0 {
				lastReadIndex = rd.ReadStates[len(rd.ReadStates)-1].Index
			}
			n.rn.Advance(rd)
		}
	}
}

func (n *Node) failReads(pending []*readRequest, inflight map[uint64]*inflightRead, err error) {
	for _, r := range pending {
		r.errc <- err
	}
	for k, r := range inflight {
		for _, req := range r.reqs {
			req.errc <- err
		}
		delete(inflight, k)
	}
}

// fail records a fatal error (e.g. a failed fsync: never retried, because
// the kernel may have dropped the dirty pages) and stops the driver and the
// apply goroutine. The first error is the one Err reports.
func (n *Node) fail(err error) {
	n.log.Error("fatal error: the node stops; restart it to recover from its durable state", "err", err)
	n.failErr.CompareAndSwap(nil, failure{err})
	n.failWaiters(err)
	n.halt()
}

// failure wraps the error in failErr (an atomic.Value needs one type).
type failure struct{ err error }

// tick advances the core's clock, except on a follower or candidate whose
// apply goroutine holds a committed configuration change the core has not
// applied yet. Advance marks entries applied when they are handed to the
// apply goroutine, so the core's own guard (no campaign while a committed
// change is unapplied) cannot see such a change; not ticking keeps this
// node from campaigning on the old configuration until the change reaches
// the core (as etcd's raft loop waits for the apply of a Ready holding a
// configuration change). A leader always ticks (heartbeats, check-quorum).
func (n *Node) tick() {
	if !n.born() {
		// An initial member not yet born never campaigns (birth.go).
		return
	}
	if n.confPending() && n.leader.Load() != n.id {
		return
	}
	n.rn.Tick()
}

// confPending reports whether a configuration change handed to the apply
// goroutine is not yet applied (it reaches the core just before that).
func (n *Node) confPending() bool {
	return n.lastConf > n.AppliedIndex()
}

func (n *Node) step(m raft.Message) {
	if !n.born() {
		// Nor votes nor acknowledges: it may be an earlier self's
		// successor with an empty log (birth.go).
		return
	}
	n.contacts.heard(m.From, time.Now())
	n.checkLostLog(m)
	if m.Type == raft.MsgTimeoutNow && n.confPending() {
		// Same reason as in tick: a leadership transfer would make this
		// node campaign on a configuration it has not applied yet; the
		// leader aborts the transfer after an election timeout.
		n.log.Info("leadership transfer refused: a committed configuration change is still being applied")
		return
	}
	if err := n.rn.Step(m); err != nil {
		n.log.Debug("step", "type", m.Type.String(), "from", m.From, "err", err)
	}
}

func (n *Node) handleProposal(p *proposal) {
	var err error
	if p.isCfg {
		err = n.rn.ProposeConfChange(p.cc)
	} else {
		err = n.rn.Propose(p.data)
	}
	p.errc <- err
}

func (n *Node) handleReady(rd raft.Ready, inflight map[uint64]*inflightRead) error {
	if rd.SoftState != nil {
		prev := n.leader.Swap(rd.SoftState.Lead)
		if prev != rd.SoftState.Lead {
			n.noteLeader(rd.SoftState.Lead)
			n.leaderMu.Lock()
			close(n.leaderChanged)
			n.leaderChanged = make(chan struct{})
			n.leaderMu.Unlock()
			n.log.Info("leader changed", "leader", n.nameOf(rd.SoftState.Lead), "state", rd.SoftState.RaftState.String())
		}
	}
	msgs := rd.Messages
	if rd.HardState.IsEmpty() || rd.HardState.Term == n.term.Load() {
		// A leader's appends leave before its own log write, so that the
		// followers' fsyncs overlap with the leader's instead of following
		// it (see sendBeforePersist for why that is safe).
		var early []raft.Message
		early, msgs = sendBeforePersist(msgs)
		if len(early) > 0 {
			n.tr.Send(early)
		}
	}
	if !rd.HardState.IsEmpty() {
		n.term.Store(rd.HardState.Term)
		n.commit.Store(rd.HardState.Commit)
	}
	// Step 1 of the persistence contract: snapshot, hard state and entries
	// are durable before any message that depends on them leaves.
	switch {
	case len(rd.Entries) > 0 || !rd.Snapshot.IsEmpty() || rd.MustSync:
		synced := n.metrics.logSynced()
		if err := n.store.Save(rd.HardState, rd.Entries, rd.Snapshot); err != nil {
			return fmt.Errorf("raftsql: persist raft state: %w", err)
		}
		synced()
	case !rd.HardState.IsEmpty():
		// Only the commit index moved: no fsync needed (see Start for
		// why a lost commit index is recovered from SQLite).
		if err := n.store.SaveCommit(rd.HardState); err != nil {
			return fmt.Errorf("raftsql: persist commit index: %w", err)
		}
	}
	// Step 2: send.
	if msgs := n.streamSnapshots(msgs); len(msgs) > 0 {
		n.tr.Send(msgs)
	}
	// Step 3: hand the snapshot and the committed entries (all already
	// durable locally) to the apply goroutine, in log order. Reads are
	// answered with their index; each waits until the apply goroutine has
	// applied it (waitApplied).
	if !rd.Snapshot.IsEmpty() {
		n.applyq.pushSnapshot(rd.Snapshot)
	}
	for _, e := range rd.CommittedEntries {
		if e.Type == raft.EntryConfChange {
			n.lastConf = e.Index
		}
	}
	n.applyq.pushEntries(rd.CommittedEntries)
	if breakAckBeforeCommit && n.leader.Load() == n.id && allNormal(rd.Entries) {
		// A deliberate breakage in test builds only (breakage.go): the
		// entries just appended are applied now; their commit, later,
		// finds them applied and skips them.
		n.applyq.pushEntries(rd.Entries)
	}
	n.answerReads(rd.ReadStates, inflight)
	return nil
}

// allNormal reports whether ents holds no configuration change (those are
// never applied early by breakAckBeforeCommit: the core must learn them
// in log order).
func allNormal(ents []raft.Entry) bool {
	for _, e := range ents {
		if e.Type != raft.EntryNormal {
			return false
		}
	}
	return true
}

// sendBeforePersist splits a Ready's messages into the leader's appends
// (MsgApp), which may be sent before the Ready is persisted, and the rest,
// which must wait for it (votes, append acknowledgements, snapshots). The
// caller sends early only when the Ready does not change the persisted
// term, so the only hard state a MsgApp depends on (the leader's term, and
// its vote for itself in that term) is durable already.
//
// Sending a leader's entries before its own fsync is the optimization of
// the Raft thesis (section 10.2.1) and etcd-io/raft (messages may be sent
// while entries of the same batch are being persisted). It is safe here
// because the leader cannot act on an acknowledgement before its own write
// is durable: the core counts the leader's own entries as soon as they are
// appended, but this driver is the only goroutine that steps the core, and
// it persists the Ready before it steps any message again, so no commit
// decision (and no committed entry, read index or commit index sent to a
// follower) is made until the leader's copy is on disk too. If the leader
// crashes before its write completes, the followers hold uncommitted
// entries, which Raft resolves like any other uncommitted entries.
func sendBeforePersist(msgs []raft.Message) (early, rest []raft.Message) {
	for _, m := range msgs {
		if m.Type == raft.MsgApp {
			early = append(early, m)
		} else {
			rest = append(rest, m)
		}
	}
	return early, rest
}
