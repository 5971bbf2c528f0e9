package raftsql

import (
	"fmt"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// run is the driver: the only goroutine that touches the Raft core. It
// hands each Ready's log write to the store and what depends on it to the
// persister (persist.go), which sends and hands committed entries to the
// apply goroutine (applyLoop) once the write is durable. The driver never
// waits for SQLite, so a long apply never delays ticks, heartbeats, votes
// or appends; with pipelined log writes it does not wait for an fsync
// either.
func (n *Node) run() {
	defer close(n.donec)
	// No read is answered from a driver that has stopped.
	defer n.localRead.Store(0)
	// Deferred calls run last-in first-out: the apply goroutine has
	// stopped (its batch interrupted and rolled back) before donec closes.
	defer n.stopApplier()
	p, err := n.startPersister()
	if err != nil {
		n.fail(err)
		return
	}
	// Runs before stopApplier: every write handed over is waited for.
	defer p.stop()
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
	var fwd readForward

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
		case <-p.stablec:
			// A write is durable: the leader's own entries count now.
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
		if index, term, ok := p.takeStable(); ok {
			n.rn.StableTo(index, term)
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
		// Twice at most: the answer to a held forward (answerReads, in
		// a Ready) releases the reads held behind it, which are asked
		// for at once rather than at the next event.
		for range 2 {
			if (len(pendingReads) > 0 && !fwd.holds(n, inflight, time.Now())) || (breakOlderReadAnswer && len(inflight) == 0) {
				n.catchUpTicks(clock)
				readSeq++
				if err := n.rn.ReadIndex(n.readRequestCtx(readSeq)); err != nil {
					for _, r := range pendingReads {
						r.errc <- err
					}
				} else {
					n.msgStats.askedRound(len(pendingReads))
					now := time.Now()
					inflight[readSeq] = &inflightRead{reqs: pendingReads, asked: now}
					fwd.asked(n, readSeq, now)
				}
				pendingReads = nil
			}
			for n.rn.HasReady() {
				rd := n.rn.Ready()
				if err := n.handleReady(p, rd, inflight); err != nil {
					n.fail(err)
					n.failReads(pendingReads, inflight, err)
					return
				}
				if breakOlderReadAnswer && len(rd.ReadStates) > 0 {
					lastReadIndex = rd.ReadStates[len(rd.ReadStates)-1].Index
				}
				n.rn.Advance(rd)
			}
			if len(pendingReads) == 0 || fwd.holds(n, inflight, time.Now()) {
				break
			}
		}
		n.publishLocalRead()
	}
}

// publishLocalRead makes the core's LocalReadIndex (0 for none) what reads
// take without asking the driver (ReadBarrier). It is called at the start
// of every handleReady, before any message, committed entry or leadership
// change of that Ready leaves the driver, and after each round of the
// loop. So whenever a read loads the value, nothing the core decided after
// computing it has reached anyone yet: no entry committed since has been
// handed to apply (and so acknowledged to a client), no vote has left
// (a single voter's successor needs it: a leader of a later term cannot
// exist yet), and the index is the core's commit index as of a moment no
// earlier than the last thing this node made visible. A read at that
// index is linearizable at the moment of the load, exactly as the
// ReadState the core would have produced for a ReadIndex at that moment.
func (n *Node) publishLocalRead() {
	var v uint64
	if idx, ok := n.rn.LocalReadIndex(); ok {
		v = idx
	}
	if n.localRead.Load() != v {
		n.localRead.Store(v)
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
	if p.quiet && err == nil {
		p.accepted.Store(true)
		return
	}
	p.errc <- err
}

// handleReady hands rd's write to the log store and its dependent work
// to the persister (persist.go), which does it once the write is durable:
// at once on this goroutine after waiting for the fsync, or, with
// Config.PipelinedLogWrites, on its own goroutine while the driver goes
// on (raft's asynchronous storage writes).
func (n *Node) handleReady(p *persister, rd raft.Ready, inflight map[uint64]*inflightRead) error {
	// Before anything of this Ready leaves (publishLocalRead).
	n.publishLocalRead()
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
	// What depends on no unsynced state leaves now (sendEarly): a
	// leader's appends, so that the followers' fsyncs overlap with the
	// leader's, and forwarded proposals and reads.
	early, msgs := sendBeforePersist(rd.Messages, p.durableTerm.Load())
	if len(early) > 0 {
		n.tr.Send(early)
	}
	it := &persistItem{msgs: msgs, snap: rd.Snapshot}
	if !rd.HardState.IsEmpty() {
		n.term.Store(rd.HardState.Term)
		n.commit.Store(rd.HardState.Commit)
		if rd.MustSync {
			it.term = rd.HardState.Term
		}
	}
	// Step 2 of the persistence contract: the write is visible to the
	// core's Storage now and durable later, in order (waited for by the
	// persister).
	switch {
	case len(rd.Entries) > 0 || !rd.Snapshot.IsEmpty() || rd.MustSync:
		it.synced = n.metrics.logSynced()
		wait, err := n.store.SaveAsync(rd.HardState, rd.Entries, rd.Snapshot)
		if err != nil {
			return fmt.Errorf("raftsql: persist raft state: %w", err)
		}
		it.wait = wait
	case !rd.HardState.IsEmpty():
		// Only the commit index moved: no fsync needed (see Start for
		// why a lost commit index is recovered from SQLite).
		if err := n.store.SaveCommit(rd.HardState); err != nil {
			return fmt.Errorf("raftsql: persist commit index: %w", err)
		}
	}
	if k := len(rd.Entries); k > 0 {
		it.stableIndex, it.stableTerm = rd.Entries[k-1].Index, rd.Entries[k-1].Term
		it.covers = it.stableIndex
	} else if !rd.Snapshot.IsEmpty() {
		it.stableIndex, it.stableTerm = rd.Snapshot.Meta.Index, rd.Snapshot.Meta.Term
	}
	for _, e := range rd.CommittedEntries {
		if e.Type == raft.EntryConfChange {
			n.lastConf = e.Index
		}
	}
	if breakAckBeforeCommit && n.leader.Load() == n.id && allNormal(rd.Entries) {
		// A deliberate breakage in test builds only (breakage.go): the
		// entries just appended are applied now; their commit, later,
		// finds them applied and skips them.
		it.appended = rd.Entries
	}
	if !rd.Snapshot.IsEmpty() {
		// A snapshot replaces the log and the state machine: the driver
		// waits for it to be durable and queued before going on.
		it.done = make(chan struct{})
	}
	p.hand(it, rd.Entries, rd.CommittedEntries)
	// Reads are answered with their index; each waits until the apply
	// goroutine has applied it (waitApplied), which happens only once the
	// entries up to it are durable here.
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
