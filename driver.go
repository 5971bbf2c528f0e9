package raftsql

import (
	"context"
	"encoding/binary"
	"fmt"
	"time"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/sqlexec"
)

// Entry payload kinds: the first byte of a normal entry's data. An empty
// entry (a new leader's first entry) has no kind byte.
const (
	entrySQL byte = 1 // an sqlexec.Command
)

// inflightRead is one ReadIndex round this driver asked the core for.
type inflightRead struct {
	reqs  []*readRequest
	asked time.Time
}

// run is the driver: the only goroutine that touches the Raft core.
func (n *Node) run() {
	defer close(n.donec)
	ticker := time.NewTicker(n.cfg.TickInterval)
	defer ticker.Stop()

	var pendingReads []*readRequest
	inflight := map[uint64]*inflightRead{}
	var readSeq uint64

	for {
		select {
		case <-n.stopc:
			n.failReads(pendingReads, inflight, errNodeStopped)
			return
		case <-ticker.C:
			n.rn.Tick()
			// Forget read rounds whose answer never came (their leader
			// was deposed); the waiting clients retry on their own.
			for k, r := range inflight {
				if time.Since(r.asked) > 5*time.Second {
					delete(inflight, k)
				}
			}
		case m := <-n.recvc:
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
		}
		// Drain whatever else is queued so that one Ready (one fsync)
		// carries as many proposals and messages as possible.
	drain:
		for i := 0; i < 4096; i++ {
			select {
			case m := <-n.recvc:
				n.step(m)
			case p := <-n.propc:
				n.handleProposal(p)
			case r := <-n.readc:
				pendingReads = append(pendingReads, r)
			default:
				break drain
			}
		}
		if len(pendingReads) > 0 {
			readSeq++
			var rctx [8]byte
			binary.BigEndian.PutUint64(rctx[:], readSeq)
			if err := n.rn.ReadIndex(rctx[:]); err != nil {
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
// the kernel may have dropped the dirty pages) and stops the driver.
func (n *Node) fail(err error) {
	n.log.Error("fatal error: the node stops; restart it to recover from its durable state", "err", err)
	n.failErr.Store(err)
	n.failWaiters(err)
}

func (n *Node) step(m raft.Message) {
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
			n.leaderMu.Lock()
			close(n.leaderChanged)
			n.leaderChanged = make(chan struct{})
			n.leaderMu.Unlock()
			n.log.Info("leader changed", "leader", n.nameOf(rd.SoftState.Lead), "state", rd.SoftState.RaftState.String())
		}
	}
	if !rd.HardState.IsEmpty() {
		n.term.Store(rd.HardState.Term)
	}
	// Step 1 of the persistence contract: snapshot, hard state and entries
	// are durable before any message that depends on them leaves.
	switch {
	case len(rd.Entries) > 0 || !rd.Snapshot.IsEmpty() || rd.MustSync:
		if err := n.store.Save(rd.HardState, rd.Entries, rd.Snapshot); err != nil {
			return fmt.Errorf("raftsql: persist raft state: %w", err)
		}
	case !rd.HardState.IsEmpty():
		// Only the commit index moved: no fsync needed (see Start for
		// why a lost commit index is recovered from SQLite).
		if err := n.store.SaveCommit(rd.HardState); err != nil {
			return fmt.Errorf("raftsql: persist commit index: %w", err)
		}
	}
	if !rd.Snapshot.IsEmpty() {
		if err := n.installSnapshot(rd.Snapshot); err != nil {
			return err
		}
	}
	// Step 2: send.
	if len(rd.Messages) > 0 {
		n.tr.Send(rd.Messages)
	}
	// Step 3: apply committed entries (all already durable locally).
	if err := n.applyEntries(rd.CommittedEntries); err != nil {
		return err
	}
	for _, rs := range rd.ReadStates {
		if len(rs.RequestCtx) != 8 {
			continue
		}
		seq := binary.BigEndian.Uint64(rs.RequestCtx)
		if r, ok := inflight[seq]; ok {
			for _, req := range r.reqs {
				req.done <- rs.Index
			}
			delete(inflight, seq)
		}
	}
	return nil
}

func (n *Node) installSnapshot(snap raft.Snapshot) error {
	// Snapshot transfer of the SQLite file is its own piece of work; until
	// it exists the log is never compacted, so no leader sends one.
	return fmt.Errorf("raftsql: received a snapshot at index %d, but snapshot installation is not supported by this version", snap.Meta.Index)
}

func (n *Node) applyEntries(ents []raft.Entry) error {
	if len(ents) == 0 {
		return nil
	}
	// Consecutive SQL and empty entries go to SQLite in one transaction
	// (a savepoint per entry); a configuration change ends a batch.
	var batch []sqlexec.Entry
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		results := n.db.ApplyBatch(batch)
		for _, res := range results {
			n.deliver(res)
		}
		last := batch[len(batch)-1].Index
		batch = batch[:0]
		// A statement's own failure is a result; failing to record the
		// batch at all (disk full, I/O error) is not: continuing would
		// skip entries on this replica, so the node stops and replays
		// them from its log on restart.
		if got := n.db.AppliedIndex(); got < last {
			err := fmt.Errorf("raftsql: apply through %d failed (SQLite is at %d)", last, got)
			for _, res := range results {
				if res != nil && res.Err != nil {
					err = fmt.Errorf("%w: %v", err, res.Err)
					break
				}
			}
			return err
		}
		n.setApplied(last)
		return nil
	}
	for _, e := range ents {
		switch e.Type {
		case raft.EntryConfChange:
			if err := flush(); err != nil {
				return err
			}
			if e.Index <= n.db.AppliedIndex() {
				// Applied before a restart; the core's configuration
				// came from the log store, which we updated first.
				continue
			}
			cc, err := raft.DecodeChange(e.Data)
			if err != nil {
				return fmt.Errorf("raftsql: apply %d: decode configuration change: %w", e.Index, err)
			}
			cfg := n.rn.ApplyConfChange(cc)
			if err := n.store.SetConfig(cfg); err != nil {
				return fmt.Errorf("raftsql: apply %d: persist configuration: %w", e.Index, err)
			}
			if err := n.db.ApplyNoop(e.Index); err != nil {
				return fmt.Errorf("raftsql: apply %d: %w", e.Index, err)
			}
			n.setApplied(e.Index)
			n.applyMembershipChange(cc)
		default:
			if len(e.Data) == 0 {
				batch = append(batch, sqlexec.Entry{Index: e.Index})
				continue
			}
			switch e.Data[0] {
			case entrySQL:
				batch = append(batch, sqlexec.Entry{Index: e.Index, Data: e.Data[1:]})
			default:
				// An entry kind from a newer version: refuse to guess,
				// since skipping it would make this replica diverge.
				return fmt.Errorf("raftsql: apply %d: unknown entry kind %d (written by a newer raftsql?)", e.Index, e.Data[0])
			}
		}
	}
	return flush()
}

func (n *Node) applyMembershipChange(cc membership.Change) {
	// Member addresses travel in the change's context once membership
	// admin commands exist; for the initial cluster they come from flags.
	if cc.Type == membership.RemoveNode && cc.NodeID != n.id {
		n.tr.RemovePeer(cc.NodeID)
	}
}

func (n *Node) deliver(res *sqlexec.ApplyResult) {
	if res == nil || res.Duplicate {
		return
	}
	n.waitMu.Lock()
	ch, ok := n.waiters[res.RequestID]
	if ok {
		delete(n.waiters, res.RequestID)
	}
	n.waitMu.Unlock()
	if ok {
		ch <- res
	}
}

// waiterFailed marks a result that is not an apply result: the node stopped
// (or failed) before this node applied the request.
type waiterFailed struct{ err error }

func (w *waiterFailed) Error() string { return w.err.Error() }

func (n *Node) failWaiters(err error) {
	n.waitMu.Lock()
	defer n.waitMu.Unlock()
	for id, ch := range n.waiters {
		ch <- &sqlexec.ApplyResult{RequestID: id, Err: &waiterFailed{err}}
		delete(n.waiters, id)
	}
}

func (n *Node) setApplied(i uint64) {
	n.appliedMu.Lock()
	if i > n.applied {
		n.applied = i
		close(n.appliedCond)
		n.appliedCond = make(chan struct{})
	}
	n.appliedMu.Unlock()
}

// waitApplied blocks until this node has applied index i.
func (n *Node) waitApplied(ctx context.Context, i uint64) error {
	for {
		n.appliedMu.Lock()
		applied, ch := n.applied, n.appliedCond
		n.appliedMu.Unlock()
		if applied >= i {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return ctx.Err()
		case <-n.donec:
			return errNodeStopped
		}
	}
}

func (n *Node) nameOf(id uint64) string {
	if id == 0 {
		return "none"
	}
	if s, ok := n.names[id]; ok {
		return s
	}
	return fmt.Sprintf("%x", id)
}

// submit hands a proposal to the driver and returns the core's verdict.
func (n *Node) submit(ctx context.Context, p *proposal) error {
	p.errc = make(chan error, 1)
	select {
	case n.propc <- p:
	case <-ctx.Done():
		return ctx.Err()
	case <-n.donec:
		return errNodeStopped
	}
	select {
	case err := <-p.errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	case <-n.donec:
		return errNodeStopped
	}
}

func (n *Node) transfer(ctx context.Context, to uint64) error {
	st, err := n.Status(ctx)
	if err != nil {
		return err
	}
	if st.SoftState.Lead == to {
		return nil
	}
	select {
	case n.transferc <- to:
	case <-ctx.Done():
		return ctx.Err()
	case <-n.donec:
		return errNodeStopped
	}
	for {
		if n.leader.Load() == to {
			return nil
		}
		select {
		case <-time.After(10 * time.Millisecond):
		case <-ctx.Done():
			return fmt.Errorf("raftsql: leadership did not move to %s: %w", n.nameOf(to), ctx.Err())
		}
	}
}
