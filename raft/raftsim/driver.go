package main

// The node driver: what raftsql's node does with a RawNode, in miniature.
// It persists each Ready (snapshot, entries, hard state), sends its
// messages, applies committed entries to a tiny durable state machine,
// serves read-index reads, snapshots and compacts the log, and restarts a
// node from durable state only. The checker observes every step.

import (
	"encoding/binary"
	"log/slog"
	"sort"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// smState is a node's state machine: it counts writes and remembers the
// last value. The driver keeps it "durable" with its applied index, as the
// real node does with SQLite.
type smState struct {
	applied uint64
	count   uint64
	last    uint64
}

func (s smState) encode() []byte {
	b := make([]byte, 24)
	binary.BigEndian.PutUint64(b, s.applied)
	binary.BigEndian.PutUint64(b[8:], s.count)
	binary.BigEndian.PutUint64(b[16:], s.last)
	return b
}

func decodeSM(b []byte) (smState, bool) {
	if len(b) != 24 {
		return smState{}, false
	}
	return smState{
		applied: binary.BigEndian.Uint64(b),
		count:   binary.BigEndian.Uint64(b[8:]),
		last:    binary.BigEndian.Uint64(b[16:]),
	}, true
}

type readWait struct{ id, index uint64 }

type node struct {
	id           uint64
	st           *raft.MemoryStorage // durable
	rn           *raft.RawNode       // nil while down or removed
	inc          int
	downUntil    int
	removed      bool
	lost         bool              // its disk was lost: this identity never runs again
	sm           smState           // durable
	cfg          membership.Config // applied configuration (mirrors storage)
	hs           raft.HardState    // durable
	commitSeen   uint64
	lead         uint64
	state        raft.StateType
	leaderTerm   uint64
	waits        []readWait
	snapEvery    uint64
	lastSnap     uint64
	pendingCrash int
	tickRate     float64 // probability of ticking in a step
}

func (n *node) up() bool { return n.rn != nil }

// holds reports whether the node's durable state still has index i of term
// t: in its log, or covered by its snapshot.
func (n *node) holds(i, t uint64) bool {
	snap, _ := n.st.Snapshot()
	if snap.Meta.Index >= i {
		return true
	}
	tt, err := n.st.Term(i)
	return err == nil && tt == t
}

// resetVolatile forgets what a node knew only in memory: its role, its
// pending reads and a scheduled crash.
func (n *node) resetVolatile() {
	n.lead, n.state, n.leaderTerm = 0, raft.StateFollower, 0
	n.pendingCrash = crashNone
	n.waits = nil
}

// start (re)creates the RawNode from durable state only.
func (s *sim) start(n *node) {
	hs, cfg, err := n.st.InitialState()
	if err != nil {
		s.fail(violated(propDriver, "node %d InitialState: %v", n.id, err))
		return
	}
	snap, _ := n.st.Snapshot()
	if snap.Meta.Index > n.sm.applied && !s.restoreSnapshot(n, snap) {
		return
	}
	if s.fail(s.fullLogCheck(n)) {
		return
	}
	n.cfg = cfg
	n.hs = hs
	n.commitSeen = hs.Commit
	if n.lastSnap < snap.Meta.Index {
		n.lastSnap = snap.Meta.Index
	}
	logger := s.opt.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	rn, err := raft.NewRawNode(raft.Config{
		ID:                 n.id,
		ElectionTick:       10,
		HeartbeatTick:      1,
		Storage:            n.st,
		Applied:            n.sm.applied,
		MaxSizePerMsg:      s.maxSize,
		MaxInflightMsgs:    s.maxInflight,
		DisablePreVote:     !s.preVote,
		DisableCheckQuorum: !s.checkQuorum,
		ReadOnlyOption:     readOpt(s.opt.LeaseReads),
		Seed:               s.rng.Uint64(),
		Logger:             logger,
	})
	if err != nil {
		s.fail(violated(propDriver, "node %d NewRawNode (applied %d, hs %+v): %v", n.id, n.sm.applied, hs, err))
		return
	}
	n.rn = rn
	n.resetVolatile()
	s.note("start node %d inc=%d hs=%+v applied=%d cfg=%v", n.id, n.inc, hs, n.sm.applied, cfg)
}

// restart brings a crashed node back as a new incarnation (messages its
// previous incarnation sent no longer report back to it).
func (s *sim) restart(n *node) {
	n.inc++
	s.start(n)
}

func readOpt(lease bool) raft.ReadOnlyOption {
	if lease {
		return raft.ReadOnlyLeaseBased
	}
	return raft.ReadOnlySafe
}

// fullLogCheck re-validates a node's whole durable log against the
// log-matching registry.
func (s *sim) fullLogCheck(n *node) *violation {
	first, _ := n.st.FirstIndex()
	last, _ := n.st.LastIndex()
	if last < first {
		return nil
	}
	ents, err := n.st.Entries(first, last+1, 1<<62)
	if err != nil {
		return violated(propDriver, "node %d: Entries(%d,%d): %v", n.id, first, last+1, err)
	}
	prev, _ := n.st.Term(first - 1)
	return s.observeLog(n, ents, prev)
}

// observeLog feeds a run of a node's log, whose predecessor has term prev,
// to the log-matching check; the run must be contiguous.
func (s *sim) observeLog(n *node, ents []raft.Entry, prev uint64) *violation {
	for i, e := range ents {
		if e.Index != ents[0].Index+uint64(i) {
			return violated(propLogMatching, "node %d: entries not contiguous at %d", n.id, e.Index)
		}
		if v := s.chk.ObserveEntry(n.id, e, prev); v != nil {
			return v
		}
		prev = e.Term
	}
	return nil
}

// restoreSnapshot loads the state machine from snap, which is newer than
// what the node has applied, and checks it against what was applied
// elsewhere. It reports whether the run goes on.
func (s *sim) restoreSnapshot(n *node, snap raft.Snapshot) bool {
	sm, ok := decodeSM(snap.Data)
	if !ok || sm.applied != snap.Meta.Index {
		s.fail(violated(propDriver, "node %d: snapshot data does not match index %d", n.id, snap.Meta.Index))
		return false
	}
	n.sm = sm
	return !s.fail(s.chk.CheckSnapshotState(n.id, snap.Meta.Index, snap.Meta.Term, sm.count))
}

func (s *sim) handleReady(n *node) {
	mode := n.pendingCrash
	n.pendingCrash = crashNone
	rd := n.rn.Ready()
	// Messages to different peers may come in any order; keep the order per
	// destination and make the global order deterministic.
	sort.SliceStable(rd.Messages, func(i, j int) bool { return rd.Messages[i].To < rd.Messages[j].To })

	// Log matching on the entries about to be persisted (the unstable tail).
	if len(rd.Entries) > 0 {
		e0 := rd.Entries[0].Index
		var prev uint64
		switch {
		case !rd.Snapshot.IsEmpty() && e0 == rd.Snapshot.Meta.Index+1:
			prev = rd.Snapshot.Meta.Term
		case e0 > 1:
			t, err := n.st.Term(e0 - 1)
			if err != nil {
				s.fail(violated(propDriver, "node %d: Ready entries start at %d but storage has no term for %d: %v", n.id, e0, e0-1, err))
				return
			}
			prev = t
		}
		if s.fail(s.observeLog(n, rd.Entries, prev)) {
			return
		}
	}
	if mode == crashBeforePersist {
		s.crash(n)
		return
	}
	// Persist: snapshot, entries, hard state (one synced batch).
	if !rd.Snapshot.IsEmpty() {
		if err := n.st.ApplySnapshot(rd.Snapshot); err != nil {
			s.fail(violated(propDriver, "node %d ApplySnapshot(index %d): %v", n.id, rd.Snapshot.Meta.Index, err))
			return
		}
		s.stats.Snapshots++
		s.note("node %d installs snapshot index=%d term=%d cfg=%v", n.id, rd.Snapshot.Meta.Index, rd.Snapshot.Meta.Term, rd.Snapshot.Meta.Config)
	}
	if err := n.st.Append(rd.Entries); err != nil {
		s.fail(violated(propDriver, "node %d Append: %v", n.id, err))
		return
	}
	if !rd.HardState.IsEmpty() {
		if err := n.st.SetHardState(rd.HardState); err != nil {
			s.fail(violated(propDriver, "node %d SetHardState: %v", n.id, err))
			return
		}
		n.hs = rd.HardState
		if n.hs.Term > s.stats.MaxTerm {
			s.stats.MaxTerm = n.hs.Term
		}
		if s.fail(s.chk.ObserveHardState(n.id, n.hs)) {
			return
		}
	}
	if n.hs.Commit > n.commitSeen {
		last, _ := n.st.LastIndex()
		if n.hs.Commit > last {
			s.fail(violated(propDriver, "node %d: commit %d beyond its persisted last index %d", n.id, n.hs.Commit, last))
			return
		}
		for i := n.commitSeen + 1; i <= n.hs.Commit; i++ {
			t, err := n.st.Term(i)
			if err != nil {
				t = 0 // compacted: covered by a snapshot
			}
			if s.fail(s.chk.ObserveCommit(n.id, i, t, n.hs.Term)) {
				return
			}
		}
		if n.state == raft.StateLeader && rd.SoftState == nil && n.leaderTerm == n.hs.Term {
			t, _ := n.st.Term(n.hs.Commit)
			if s.fail(s.chk.ObserveLeaderCommit(n.id, n.hs.Term, n.hs.Commit, t)) {
				return
			}
		}
		n.commitSeen = n.hs.Commit
		// Targeted fault: a leader that just advanced its commit index
		// crashes before its messages (which would spread the commit and
		// the rest of its log) leave: the Figure 8 window.
		if s.faultsOn && mode == crashNone && n.state == raft.StateLeader && rd.SoftState == nil &&
			s.rng.Float64() < s.opt.Faults.CommitCrash*s.storm {
			mode = crashAfterPersist
			s.note("targeted crash of leader %d after commit %d", n.id, n.hs.Commit)
		}
	}
	if rd.SoftState != nil {
		if rd.SoftState.RaftState != n.state || rd.SoftState.Lead != n.lead {
			s.note("node %d is %s lead=%d term=%d", n.id, rd.SoftState.RaftState, rd.SoftState.Lead, n.hs.Term)
		}
		n.lead, n.state = rd.SoftState.Lead, rd.SoftState.RaftState
	}
	if n.state == raft.StateLeader && n.leaderTerm != n.hs.Term {
		n.leaderTerm = n.hs.Term
		s.stats.Elections++
		if s.fail(s.chk.ObserveLeader(n.id, n.hs.Term)) {
			return
		}
		if s.fail(s.checkLeaderLog(n)) {
			return
		}
		// Targeted fault: a new leader dies before its first entry leaves,
		// leaving logs that diverge at the same index in different terms.
		if s.faultsOn && mode == crashNone && s.rng.Float64() < s.opt.Faults.LeaderCrash*s.storm {
			mode = crashAfterPersist
			s.note("targeted crash of new leader %d", n.id)
		}
	}
	if mode == crashAfterPersist {
		s.crash(n)
		return
	}
	for _, m := range rd.Messages {
		s.send(n, m)
	}
	if s.v != nil {
		return
	}
	if mode == crashAfterSend {
		s.crash(n)
		return
	}
	// Apply.
	if !rd.Snapshot.IsEmpty() && rd.Snapshot.Meta.Index > n.sm.applied {
		if !s.restoreSnapshot(n, rd.Snapshot) {
			return
		}
		n.cfg = rd.Snapshot.Meta.Config
		n.lastSnap = n.sm.applied
	}
	for _, e := range rd.CommittedEntries {
		if e.Index <= n.sm.applied && !rd.Snapshot.IsEmpty() {
			continue
		}
		if e.Index != n.sm.applied+1 {
			s.fail(violated(propApplyOrder, "node %d applied index %d after %d", n.id, e.Index, n.sm.applied))
			return
		}
		s.apply(n, e)
		if s.v != nil {
			return
		}
	}
	for _, rs := range rd.ReadStates {
		if len(rs.RequestCtx) != 8 {
			s.fail(violated(propDriver, "node %d: ReadState with unknown context %x", n.id, rs.RequestCtx))
			return
		}
		id := binary.BigEndian.Uint64(rs.RequestCtx)
		if s.readNode[id] != n.id {
			continue // not ours, or already served / abandoned
		}
		if s.fail(s.chk.ReadIndex(id, rs.Index)) {
			return
		}
		n.waits = append(n.waits, readWait{id: id, index: rs.Index})
	}
	n.rn.Advance(rd)
	s.maybeSnapshot(n)
	s.serveReads(n)
}

func (s *sim) checkLeaderLog(n *node) *violation {
	snap, _ := n.st.Snapshot()
	return s.chk.CheckLeaderLog(n.id, n.hs.Term,
		func(i uint64) (uint64, bool) {
			t, err := n.st.Term(i)
			return t, err == nil
		},
		func(i uint64) bool { return i <= snap.Meta.Index })
}

func (s *sim) apply(n *node, e raft.Entry) {
	switch e.Type {
	case raft.EntryNormal:
		if len(e.Data) > 0 {
			v, ok := decodeWrite(e.Data)
			if !ok || !s.proposed[v] {
				s.fail(violated(propIntegrity, "node %d applied index %d with data %x that no client proposed", n.id, e.Index, e.Data))
				return
			}
			n.sm.count++
			n.sm.last = v
			if _, seen := s.writeIdx[v]; !seen {
				s.writeIdx[v] = e.Index
				s.stats.Applied++
			}
		}
	case raft.EntryConfChange:
		cc, err := raft.DecodeChange(e.Data)
		if err != nil {
			s.fail(violated(propIntegrity, "node %d: undecodable conf change at %d: %v", n.id, e.Index, err))
			return
		}
		cfg := n.rn.ApplyConfChange(cc)
		n.st.SetConfig(cfg)
		n.cfg = cfg
		if e.Index > s.cfgIndex {
			s.cfgIndex = e.Index
			s.stats.ConfChanges++
			s.note("node %d applies conf change %v node %d at %d -> %v", n.id, cc.Type, cc.NodeID, e.Index, cfg)
			s.setConfig(cfg)
		}
	default:
		s.fail(violated(propIntegrity, "node %d: unknown entry type %d at %d", n.id, e.Type, e.Index))
		return
	}
	n.sm.applied = e.Index
	s.fail(s.chk.ObserveApply(n.id, e, n.sm.count, n.hs.Commit))
}

func (s *sim) stopNode(n *node) {
	for _, w := range n.waits {
		s.chk.AbandonRead(w.id)
		delete(s.readNode, w.id)
	}
	for id, nid := range s.readNode {
		if nid == n.id {
			s.chk.AbandonRead(id)
			delete(s.readNode, id)
		}
	}
	n.rn = nil
	n.resetVolatile()
}

func (s *sim) maybeSnapshot(n *node) {
	early := s.opt.EarlySnapshot && n.lastSnap == 0 && n.sm.applied > 0
	if n.sm.applied < n.lastSnap+n.snapEvery && !early {
		return
	}
	if _, err := n.st.CreateSnapshot(n.sm.applied, n.cfg, n.sm.encode()); err != nil {
		return
	}
	n.lastSnap = n.sm.applied
	keep := uint64(s.rng.IntN(10))
	if early {
		keep = 0
	}
	if n.sm.applied > keep {
		first, _ := n.st.FirstIndex()
		if n.sm.applied-keep >= first {
			_ = n.st.Compact(n.sm.applied - keep)
		}
	}
}

func (s *sim) serveReads(n *node) {
	if len(n.waits) == 0 {
		return
	}
	rest := n.waits[:0]
	for _, w := range n.waits {
		if n.sm.applied >= w.index {
			s.stats.ReadsDone++
			s.note("read %d on node %d returns count=%d (read index %d, applied %d)", w.id, n.id, n.sm.count, w.index, n.sm.applied)
			delete(s.readNode, w.id)
			if s.fail(s.chk.ReadDone(w.id, n.sm.count)) {
				return
			}
		} else {
			rest = append(rest, w)
		}
	}
	n.waits = rest
}
