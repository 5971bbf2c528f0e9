package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"sort"
	"strings"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// Defaults for Options.Steps and Options.HealSteps.
const (
	DefaultSteps     = 1000
	DefaultHealSteps = 500
)

// Options configures one simulated run.
type Options struct {
	Seed      uint64
	Nodes     int // 3 or 5; 0 alternates by seed (odd: 3, even: 5)
	Steps     int // fault-injection steps before the heal phase
	HealSteps int // bound on the heal phase (liveness)
	Faults    Faults
	Verbose   io.Writer // stream every trace event (nil: only keep the tail)
	TraceLen  int       // events in the failure trace
	Logger    *slog.Logger
	// ReportUnreachable makes the simulated transport report every lost
	// message to its sender (RawNode.ReportUnreachable), as a transport
	// that detects failed sends would. Off by default: a lossy network that
	// never reports must not stall the core (see BUGS.md, BUG-1).
	ReportUnreachable bool
	// EarlySnapshot makes every driver snapshot and compact its log as soon
	// as it has applied an entry, so a joining node always gets a snapshot
	// (with the configuration) rather than replaying the log from index 1,
	// which lacks the bootstrap configuration. Workaround for BUG-2.
	EarlySnapshot bool
	// LeaseReads runs every node with ReadOnlyLeaseBased (and check-quorum)
	// instead of the default ReadOnlySafe.
	LeaseReads bool
}

// Stats summarises a run.
type Stats struct {
	Writes, Applied, Reads, ReadsDone, Crashes, Partitions int
	ConfChanges, Transfers, Elections, Snapshots           int
	MaxTerm                                                uint64
	HealSteps                                              int
}

// Result is the outcome of one run.
type Result struct {
	Seed   uint64
	Nodes  int
	V      *Violation
	Trace  []string
	Digest uint64
	Stats  Stats
}

// NodesFor returns the cluster size used for seed when nodes is 0.
func NodesFor(seed uint64, nodes int) int {
	if nodes != 0 {
		return nodes
	}
	if seed%2 == 1 {
		return 3
	}
	return 5
}

const (
	crashNone          = 0
	crashBeforePersist = 1 // Ready taken, nothing persisted
	crashAfterPersist  = 2 // persisted, messages not sent
	crashAfterSend     = 3 // persisted and sent, not applied
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

func encodeWrite(v uint64) []byte {
	b := make([]byte, 9)
	b[0] = 'w'
	binary.BigEndian.PutUint64(b[1:], v)
	return b
}

func decodeWrite(b []byte) (uint64, bool) {
	if len(b) != 9 || b[0] != 'w' {
		return 0, false
	}
	return binary.BigEndian.Uint64(b[1:]), true
}

type readWait struct{ id, index uint64 }

type node struct {
	id           uint64
	st           *raft.MemoryStorage // durable
	rn           *raft.RawNode       // nil while down or removed
	inc          int
	downUntil    int
	removed      bool
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

type envelope struct {
	at   int
	seq  uint64
	m    raft.Message
	lost bool
	inc  int // sender incarnation (for snapshot reports)
}

type sim struct {
	opt    Options
	rng    *rand.Rand
	step   int
	nodes  map[uint64]*node
	ids    []uint64 // every node ever created, sorted
	nextID uint64
	target int
	chk    *Checker
	tr     *tracer
	v      *Violation

	net     []envelope
	seq     uint64
	blocked map[[2]uint64]bool
	partEnd int

	cfg      membership.Config // latest configuration applied anywhere
	cfgIndex uint64

	faultsOn  bool
	clientsOn bool
	proposed  map[uint64]bool
	writeIdx  map[uint64]uint64 // value -> index where first applied
	nextWrite uint64
	nextRead  uint64
	readNode  map[uint64]uint64 // pending read -> node

	storm                float64 // multiplier of the targeted crash rates
	preVote, checkQuorum bool
	maxSize              uint64
	maxInflight          int
	stats                Stats
}

// Run executes one seeded simulation and checks it.
func Run(opt Options) (res Result) {
	opt.Nodes = NodesFor(opt.Seed, opt.Nodes)
	if opt.Steps <= 0 {
		opt.Steps = DefaultSteps
	}
	if opt.HealSteps <= 0 {
		opt.HealSteps = DefaultHealSteps
	}
	s := &sim{
		opt:      opt,
		rng:      rand.New(rand.NewPCG(opt.Seed, 0x5eed5eed^opt.Seed*0x9e3779b97f4a7c15)),
		nodes:    make(map[uint64]*node),
		chk:      NewChecker(),
		tr:       newTracer(opt.TraceLen, opt.Verbose),
		blocked:  make(map[[2]uint64]bool),
		proposed: make(map[uint64]bool),
		writeIdx: make(map[uint64]uint64),
		readNode: make(map[uint64]uint64),
		target:   opt.Nodes,
	}
	res.Seed, res.Nodes = opt.Seed, opt.Nodes
	defer func() {
		if r := recover(); r != nil {
			st := string(debug.Stack())
			if len(st) > 3000 {
				st = st[:3000]
			}
			s.v = violation(PropPanic, "%v\n%s", r, st)
		}
		res.V = s.v
		res.Digest = s.tr.digest
		res.Stats = s.stats
		if s.v != nil {
			res.Trace = s.tr.lines()
		}
	}()
	s.run()
	return res
}

func (s *sim) note(format string, args ...any) {
	s.tr.add(event{step: s.step, what: fmt.Sprintf(format, args...)})
}

func (s *sim) fail(v *Violation) bool {
	if v != nil && s.v == nil {
		s.v = v
		s.note("VIOLATION %s: %s", v.Property, v.Detail)
	}
	return s.v != nil
}

func (s *sim) run() {
	mode := s.rng.IntN(4)
	s.preVote = mode != 1
	s.checkQuorum = mode != 2 || s.opt.LeaseReads
	s.storm = []float64{1, 5}[s.rng.IntN(2)]
	s.maxSize = []uint64{1, 64, 512, 1 << 20}[s.rng.IntN(4)]
	s.maxInflight = []int{2, 8, 256}[s.rng.IntN(3)]
	var voters []uint64
	for i := 1; i <= s.opt.Nodes; i++ {
		voters = append(voters, uint64(i))
	}
	s.nextID = uint64(s.opt.Nodes) + 1
	s.cfg = membership.Config{Voters: voters}
	s.note("start seed=%d nodes=%d prevote=%v checkquorum=%v maxsize=%d inflight=%d storm=%g faults=%s",
		s.opt.Seed, s.opt.Nodes, s.preVote, s.checkQuorum, s.maxSize, s.maxInflight, s.storm, s.opt.Faults)
	for _, id := range voters {
		st := raft.NewMemoryStorage()
		st.SetConfig(membership.Config{Voters: slices.Clone(voters)})
		s.addNode(id, st)
	}
	if s.v != nil {
		return
	}
	s.faultsOn, s.clientsOn = true, true
	for s.step < s.opt.Steps && s.v == nil {
		s.stepOnce()
	}
	if s.v != nil {
		return
	}
	s.heal()
}

func (s *sim) addNode(id uint64, st *raft.MemoryStorage) {
	n := &node{id: id, st: st, snapEvery: uint64(20 + s.rng.IntN(60)), tickRate: 1}
	if s.rng.IntN(2) == 0 {
		n.tickRate = 0.8 + 0.2*s.rng.Float64()
	}
	s.nodes[id] = n
	s.ids = append(s.ids, id)
	slices.Sort(s.ids)
	s.start(n)
}

// start (re)creates the RawNode from durable state only.
func (s *sim) start(n *node) {
	hs, cfg, err := n.st.InitialState()
	if err != nil {
		s.fail(violation(PropDriver, "node %d InitialState: %v", n.id, err))
		return
	}
	snap, _ := n.st.Snapshot()
	if snap.Meta.Index > n.sm.applied {
		sm, ok := decodeSM(snap.Data)
		if !ok || sm.applied != snap.Meta.Index {
			s.fail(violation(PropDriver, "node %d: bad snapshot data at index %d", n.id, snap.Meta.Index))
			return
		}
		n.sm = sm
		if s.fail(s.chk.CheckSnapshotState(n.id, snap.Meta.Index, snap.Meta.Term, sm.count)) {
			return
		}
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
		s.fail(violation(PropDriver, "node %d NewRawNode (applied %d, hs %+v): %v", n.id, n.sm.applied, hs, err))
		return
	}
	n.rn = rn
	n.lead, n.state, n.leaderTerm = 0, raft.StateFollower, 0
	n.pendingCrash = crashNone
	n.waits = nil
	s.note("start node %d inc=%d hs=%+v applied=%d cfg=%v", n.id, n.inc, hs, n.sm.applied, cfg)
}

func readOpt(lease bool) raft.ReadOnlyOption {
	if lease {
		return raft.ReadOnlyLeaseBased
	}
	return raft.ReadOnlySafe
}

// fullLogCheck re-validates a node's whole durable log against the
// log-matching registry.
func (s *sim) fullLogCheck(n *node) *Violation {
	first, _ := n.st.FirstIndex()
	last, _ := n.st.LastIndex()
	if last < first {
		return nil
	}
	ents, err := n.st.Entries(first, last+1, 1<<62)
	if err != nil {
		return violation(PropDriver, "node %d: Entries(%d,%d): %v", n.id, first, last+1, err)
	}
	prev, _ := n.st.Term(first - 1)
	for _, e := range ents {
		if v := s.chk.ObserveEntry(n.id, e, prev); v != nil {
			return v
		}
		prev = e.Term
	}
	return nil
}

func (s *sim) live() []*node {
	var out []*node
	for _, id := range s.ids {
		if n := s.nodes[id]; n.up() {
			out = append(out, n)
		}
	}
	return out
}

func (s *sim) leader() *node {
	var best *node
	for _, id := range s.ids {
		n := s.nodes[id]
		if n.up() && n.state == raft.StateLeader && (best == nil || n.hs.Term > best.hs.Term) {
			best = n
		}
	}
	return best
}

func (s *sim) stepOnce() {
	s.step++
	if s.partEnd != 0 && s.step >= s.partEnd {
		s.healPartition()
	}
	for _, id := range s.ids {
		n := s.nodes[id]
		if !n.removed && !n.up() && s.step >= n.downUntil {
			n.inc++
			s.start(n)
			if s.v != nil {
				return
			}
		}
	}
	if s.faultsOn {
		s.faults()
		if s.v != nil {
			return
		}
	}
	if s.clientsOn {
		s.clients()
	}
	s.deliver()
	if s.v != nil {
		return
	}
	if s.step%50 == 0 && s.fail(s.checkDurable()) {
		return
	}
	for _, n := range s.live() {
		// Clocks run at slightly different rates (not with lease reads,
		// which assume bounded drift).
		if s.opt.LeaseReads || n.tickRate >= 1 || s.rng.Float64() < n.tickRate {
			n.rn.Tick()
		}
	}
	order := s.live()
	s.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	for _, n := range order {
		if !n.up() {
			continue
		}
		if n.rn.HasReady() {
			s.handleReady(n)
		} else if n.pendingCrash != crashNone {
			s.crash(n)
		}
		if s.v != nil {
			return
		}
		s.reapRemoved()
	}
}

func (s *sim) reapRemoved() {
	for _, id := range s.ids {
		if n := s.nodes[id]; n.removed && n.up() {
			s.stopNode(n)
		}
	}
}

// ---- network ----

func copyMsg(m raft.Message) raft.Message {
	if len(m.Entries) > 0 {
		ents := make([]raft.Entry, len(m.Entries))
		for i, e := range m.Entries {
			e.Data = slices.Clone(e.Data)
			ents[i] = e
		}
		m.Entries = ents
	}
	if m.Snapshot != nil {
		snap := *m.Snapshot
		snap.Data = slices.Clone(snap.Data)
		snap.Meta.Config = membership.Config{Voters: slices.Clone(snap.Meta.Config.Voters), Learners: slices.Clone(snap.Meta.Config.Learners)}
		m.Snapshot = &snap
	}
	m.Context = slices.Clone(m.Context)
	return m
}

func (s *sim) send(from *node, m raft.Message) {
	if m.To == from.id {
		s.fail(violation(PropDriver, "node %d sent %s to itself", from.id, m.Type))
		return
	}
	f := s.opt.Faults
	delay := 1
	lost := false
	if s.faultsOn {
		lost = s.rng.Float64() < f.Drop
		if s.rng.Float64() < f.Reorder {
			delay += 1 + s.rng.IntN(8)
		}
	}
	s.seq++
	s.net = append(s.net, envelope{at: s.step + delay, seq: s.seq, m: copyMsg(m), lost: lost, inc: from.inc})
	if s.faultsOn && s.rng.Float64() < f.Dup {
		s.seq++
		s.net = append(s.net, envelope{at: s.step + 1 + s.rng.IntN(10), seq: s.seq, m: copyMsg(m), inc: from.inc})
	}
}

func (s *sim) msgEvent(what string, m raft.Message) event {
	return event{step: s.step, msg: true, what: what, typ: m.Type, from: m.From, to: m.To,
		term: m.Term, logTerm: m.LogTerm, index: m.Index, commit: m.Commit, nents: len(m.Entries), reject: m.Reject}
}

func (s *sim) deliver() {
	var due, rest []envelope
	for _, e := range s.net {
		if e.at <= s.step {
			due = append(due, e)
		} else {
			rest = append(rest, e)
		}
	}
	s.net = rest
	sort.Slice(due, func(i, j int) bool {
		if due[i].at != due[j].at {
			return due[i].at < due[j].at
		}
		return due[i].seq < due[j].seq
	})
	for _, e := range due {
		m := e.m
		to := s.nodes[m.To]
		ok := !e.lost && to != nil && to.up() && !s.blocked[[2]uint64{m.From, m.To}]
		if !ok {
			s.tr.add(s.msgEvent("drop", m))
		} else {
			s.tr.add(s.msgEvent("deliver", m))
			_ = to.rn.Step(m)
		}
		from := s.nodes[m.From]
		if from == nil || !from.up() || from.inc != e.inc {
			continue
		}
		if m.Type == raft.MsgSnap {
			from.rn.ReportSnapshot(m.To, ok)
		} else if !ok && s.opt.ReportUnreachable {
			from.rn.ReportUnreachable(m.To)
		}
	}
}

// ---- driver ----

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
				s.fail(violation(PropDriver, "node %d: Ready entries start at %d but storage has no term for %d: %v", n.id, e0, e0-1, err))
				return
			}
			prev = t
		}
		for i, e := range rd.Entries {
			if e.Index != e0+uint64(i) {
				s.fail(violation(PropLogMatching, "node %d: Ready entries not contiguous at %d", n.id, e.Index))
				return
			}
			if s.fail(s.chk.ObserveEntry(n.id, e, prev)) {
				return
			}
			prev = e.Term
		}
	}
	if mode == crashBeforePersist {
		s.crash(n)
		return
	}
	// Persist: snapshot, entries, hard state (one synced batch).
	if !rd.Snapshot.IsEmpty() {
		if err := n.st.ApplySnapshot(rd.Snapshot); err != nil {
			s.fail(violation(PropDriver, "node %d ApplySnapshot(index %d): %v", n.id, rd.Snapshot.Meta.Index, err))
			return
		}
		s.stats.Snapshots++
		s.note("node %d installs snapshot index=%d term=%d cfg=%v", n.id, rd.Snapshot.Meta.Index, rd.Snapshot.Meta.Term, rd.Snapshot.Meta.Config)
	}
	if err := n.st.Append(rd.Entries); err != nil {
		s.fail(violation(PropDriver, "node %d Append: %v", n.id, err))
		return
	}
	if !rd.HardState.IsEmpty() {
		if err := n.st.SetHardState(rd.HardState); err != nil {
			s.fail(violation(PropDriver, "node %d SetHardState: %v", n.id, err))
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
			s.fail(violation(PropDriver, "node %d: commit %d beyond its persisted last index %d", n.id, n.hs.Commit, last))
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
		sm, ok := decodeSM(rd.Snapshot.Data)
		if !ok || sm.applied != rd.Snapshot.Meta.Index {
			s.fail(violation(PropDriver, "node %d: snapshot data does not match index %d", n.id, rd.Snapshot.Meta.Index))
			return
		}
		n.sm = sm
		n.cfg = rd.Snapshot.Meta.Config
		n.lastSnap = sm.applied
		if s.fail(s.chk.CheckSnapshotState(n.id, rd.Snapshot.Meta.Index, rd.Snapshot.Meta.Term, sm.count)) {
			return
		}
	}
	for _, e := range rd.CommittedEntries {
		if e.Index <= n.sm.applied && !rd.Snapshot.IsEmpty() {
			continue
		}
		if e.Index != n.sm.applied+1 {
			s.fail(violation(PropApplyOrder, "node %d applied index %d after %d", n.id, e.Index, n.sm.applied))
			return
		}
		s.apply(n, e)
		if s.v != nil {
			return
		}
	}
	for _, rs := range rd.ReadStates {
		if len(rs.RequestCtx) != 8 {
			s.fail(violation(PropDriver, "node %d: ReadState with unknown context %x", n.id, rs.RequestCtx))
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

func (s *sim) checkLeaderLog(n *node) *Violation {
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
				s.fail(violation(PropIntegrity, "node %d applied index %d with data %x that no client proposed", n.id, e.Index, e.Data))
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
			s.fail(violation(PropIntegrity, "node %d: undecodable conf change at %d: %v", n.id, e.Index, err))
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
		s.fail(violation(PropIntegrity, "node %d: unknown entry type %d at %d", n.id, e.Type, e.Index))
		return
	}
	n.sm.applied = e.Index
	s.fail(s.chk.ObserveApply(n.id, e, n.sm.count, n.hs.Commit))
}

// setConfig tracks the newest committed configuration: it starts nodes that
// joined and stops (for good) nodes that were removed, as an operator would.
func (s *sim) setConfig(cfg membership.Config) {
	s.cfg = membership.Config{Voters: slices.Clone(cfg.Voters), Learners: slices.Clone(cfg.Learners)}
	members := append(slices.Clone(cfg.Voters), cfg.Learners...)
	for _, id := range members {
		if _, ok := s.nodes[id]; !ok {
			s.note("operator starts new node %d", id)
			s.addNode(id, raft.NewMemoryStorage())
		}
	}
	for _, id := range s.ids {
		n := s.nodes[id]
		if !n.removed && !slices.Contains(members, id) {
			// Stopped by reapRemoved once the current Ready is done.
			s.note("operator stops removed node %d", id)
			n.removed = true
			s.chk.ForgetNode(id)
		}
	}
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
	n.waits = nil
	n.rn = nil
	n.lead, n.state, n.leaderTerm = 0, raft.StateFollower, 0
	n.pendingCrash = crashNone
}

func (s *sim) crash(n *node) {
	s.stats.Crashes++
	s.stopNode(n)
	n.downUntil = s.step + 5 + s.rng.IntN(60)
	s.note("CRASH node %d (restart at %d)", n.id, n.downUntil)
	s.fail(s.checkDurable())
}

func (s *sim) checkDurable() *Violation {
	return s.chk.CheckDurable(s.cfg.Voters, func(id, i, t uint64) bool {
		n := s.nodes[id]
		if n == nil {
			return false
		}
		snap, _ := n.st.Snapshot()
		if snap.Meta.Index >= i {
			return true
		}
		tt, err := n.st.Term(i)
		return err == nil && tt == t
	})
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

// ---- clients and faults ----

func (s *sim) pick(ns []*node) *node {
	if len(ns) == 0 {
		return nil
	}
	return ns[s.rng.IntN(len(ns))]
}

func (s *sim) clients() {
	if s.rng.Float64() < 0.3 {
		if n := s.pick(s.live()); n != nil {
			s.propose(n)
		}
	}
	if s.rng.Float64() < 0.1 {
		if n := s.pick(s.live()); n != nil {
			s.read(n)
		}
	}
}

func (s *sim) propose(n *node) {
	s.nextWrite++
	v := s.nextWrite
	s.proposed[v] = true
	s.stats.Writes++
	err := n.rn.Propose(encodeWrite(v))
	s.note("client write %d at node %d: %v", v, n.id, errText(err))
}

func (s *sim) read(n *node) uint64 {
	s.nextRead++
	id := s.nextRead
	s.chk.ReadStart(id, n.id)
	ctx := make([]byte, 8)
	binary.BigEndian.PutUint64(ctx, id)
	err := n.rn.ReadIndex(ctx)
	s.note("client read %d at node %d: %v", id, n.id, errText(err))
	if err != nil {
		s.chk.AbandonRead(id)
		return 0
	}
	s.stats.Reads++
	s.readNode[id] = n.id
	return id
}

func errText(err error) string {
	if err == nil {
		return "ok"
	}
	return err.Error()
}

func (s *sim) faults() {
	f := s.opt.Faults
	if s.partEnd == 0 && s.rng.Float64() < f.Partition {
		s.partition()
	}
	if s.rng.Float64() < f.Crash {
		if n := s.pick(s.live()); n != nil {
			mode := s.rng.IntN(4)
			if mode == crashNone {
				s.crash(n)
			} else {
				n.pendingCrash = mode
			}
		}
	}
	if s.v != nil {
		return
	}
	if s.rng.Float64() < f.Member {
		s.memberChange()
	}
	if s.rng.Float64() < f.Transfer {
		if ld := s.leader(); ld != nil {
			var others []uint64
			for _, id := range s.cfg.Voters {
				if id != ld.id {
					others = append(others, id)
				}
			}
			if len(others) > 0 {
				to := others[s.rng.IntN(len(others))]
				s.stats.Transfers++
				s.note("transfer leadership %d -> %d", ld.id, to)
				ld.rn.TransferLeader(to)
			}
		}
	}
}

func (s *sim) memberChange() {
	ld := s.leader()
	if ld == nil {
		return
	}
	var cc membership.Change
	voters, learners := s.cfg.Voters, s.cfg.Learners
	r := s.rng.Float64()
	switch {
	case len(learners) > 0 && r < 0.2:
		cc = membership.Change{Type: membership.RemoveNode, NodeID: learners[0]}
	case len(learners) > 0:
		cc = membership.Change{Type: membership.PromoteLearner, NodeID: learners[0]}
	case len(voters) < s.target && r < 0.15:
		cc = membership.Change{Type: membership.AddVoter, NodeID: s.nextID}
		s.nextID++
	case len(voters) < s.target:
		cc = membership.Change{Type: membership.AddLearner, NodeID: s.nextID}
		s.nextID++
	case len(voters) >= 3:
		cc = membership.Change{Type: membership.RemoveNode, NodeID: voters[s.rng.IntN(len(voters))]}
	default:
		return
	}
	err := ld.rn.ProposeConfChange(cc)
	s.note("propose conf change %v node %d at leader %d: %v", cc.Type, cc.NodeID, ld.id, errText(err))
}

func (s *sim) partition() {
	var ids []uint64
	for _, n := range s.live() {
		ids = append(ids, n.id)
	}
	for _, id := range s.ids {
		if n := s.nodes[id]; !n.removed && !n.up() {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if len(ids) < 2 {
		return
	}
	s.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	cut := func(a, b []uint64, oneWay bool) {
		for _, x := range a {
			for _, y := range b {
				s.blocked[[2]uint64{x, y}] = true
				if !oneWay {
					s.blocked[[2]uint64{y, x}] = true
				}
			}
		}
	}
	kind := s.rng.IntN(6)
	var desc string
	switch kind {
	case 0: // random symmetric split
		k := 1 + s.rng.IntN(len(ids)-1)
		cut(ids[:k], ids[k:], false)
		desc = fmt.Sprintf("symmetric %v | %v", ids[:k], ids[k:])
	case 1: // one-way: a node cannot send to (some of) the others
		k := 1 + s.rng.IntN(len(ids)-1)
		cut(ids[:1], ids[1:1+k], true)
		desc = fmt.Sprintf("one-way %v -/-> %v", ids[:1], ids[1:1+k])
	case 2: // isolate the leader
		ld := s.leader()
		if ld == nil {
			return
		}
		var rest []uint64
		for _, id := range ids {
			if id != ld.id {
				rest = append(rest, id)
			}
		}
		cut([]uint64{ld.id}, rest, false)
		desc = fmt.Sprintf("isolate leader %d", ld.id)
	case 3: // majority / minority
		k := len(ids) / 2
		if k == 0 {
			k = 1
		}
		cut(ids[:k], ids[k:], false)
		desc = fmt.Sprintf("minority %v | majority %v", ids[:k], ids[k:])
	case 4: // bridge: two sides that only talk through one node
		if len(ids) < 3 {
			return
		}
		b := ids[0]
		rest := ids[1:]
		k := 1 + s.rng.IntN(len(rest)-1)
		cut(rest[:k], rest[k:], false)
		desc = fmt.Sprintf("bridge %d between %v and %v", b, rest[:k], rest[k:])
	case 5: // leader can send but not receive (one-way into the leader)
		ld := s.leader()
		if ld == nil {
			return
		}
		var rest []uint64
		for _, id := range ids {
			if id != ld.id {
				rest = append(rest, id)
			}
		}
		cut(rest, []uint64{ld.id}, true)
		desc = fmt.Sprintf("leader %d deaf (one-way)", ld.id)
	}
	s.partEnd = s.step + 10 + s.rng.IntN(90)
	s.stats.Partitions++
	s.note("PARTITION %s until %d", desc, s.partEnd)
}

func (s *sim) healPartition() {
	if len(s.blocked) > 0 {
		s.note("partition healed")
	}
	clear(s.blocked)
	s.partEnd = 0
}

// ---- heal phase: liveness ----

func (s *sim) heal() {
	s.faultsOn, s.clientsOn = false, false
	s.healPartition()
	s.note("HEAL: no more faults; restarting crashed nodes")
	for _, id := range s.ids {
		n := s.nodes[id]
		n.pendingCrash = crashNone
		if !n.removed && !n.up() {
			n.inc++
			s.start(n)
			if s.v != nil {
				return
			}
		}
	}
	var marker uint64
	markerAt := 0
	var finalRead uint64
	start := s.step
	for s.step-start < s.opt.HealSteps {
		s.stepOnce()
		if s.v != nil {
			return
		}
		ld := s.leader()
		if ld == nil {
			continue
		}
		idx, applied := s.writeIdx[marker]
		if marker == 0 || (!applied && s.step-markerAt > 60) {
			s.nextWrite++
			marker = s.nextWrite
			s.proposed[marker] = true
			markerAt = s.step
			err := ld.rn.Propose(encodeWrite(marker))
			s.note("heal: marker write %d at leader %d: %v", marker, ld.id, errText(err))
			continue
		}
		if !applied || !s.converged(ld, idx) {
			continue
		}
		if finalRead == 0 {
			finalRead = s.read(ld)
			continue
		}
		if _, pending := s.readNode[finalRead]; pending {
			continue
		}
		s.stats.HealSteps = s.step - start
		s.fail(s.finalChecks())
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cluster did not converge within %d heal steps (config %v, marker write %d, final read %d):", s.opt.HealSteps, s.cfg, marker, finalRead)
	for _, id := range s.ids {
		n := s.nodes[id]
		last, _ := n.st.LastIndex()
		fmt.Fprintf(&b, "\n    node %d up=%v removed=%v state=%s lead=%d hs=%+v last=%d applied=%d", id, n.up(), n.removed, n.state, n.lead, n.hs, last, n.sm.applied)
		if n.up() && n.state == raft.StateLeader {
			st := n.rn.Status()
			for _, pid := range slices.Sorted(maps.Keys(st.Progress)) {
				fmt.Fprintf(&b, "\n      progress %d: %+v", pid, st.Progress[pid])
			}
		}
	}
	s.fail(violation(PropLiveness, "%s", b.String()))
}

// converged reports whether every member has applied everything the leader
// has, including the marker at index idx.
func (s *sim) converged(ld *node, idx uint64) bool {
	ldLast, _ := ld.st.LastIndex()
	if ld.sm.applied < idx || ld.sm.applied != ldLast {
		return false
	}
	for _, id := range append(slices.Clone(s.cfg.Voters), s.cfg.Learners...) {
		n := s.nodes[id]
		if n == nil || !n.up() {
			return false
		}
		last, _ := n.st.LastIndex()
		if n.sm.applied != ld.sm.applied || last != ldLast {
			return false
		}
	}
	return true
}

func (s *sim) finalChecks() *Violation {
	if v := s.checkDurable(); v != nil {
		return v
	}
	maxC := s.chk.MaxCommit()
	for _, id := range append(slices.Clone(s.cfg.Voters), s.cfg.Learners...) {
		n := s.nodes[id]
		if v := s.fullLogCheck(n); v != nil {
			return v
		}
		if n.sm.applied < maxC {
			return violation(PropDurability, "node %d applied only %d after healing, but %d was committed", id, n.sm.applied, maxC)
		}
		for i := uint64(1); i <= maxC; i++ {
			if t := s.chk.CommittedTerm(i); t != 0 {
				snap, _ := n.st.Snapshot()
				if i <= snap.Meta.Index {
					continue
				}
				tt, err := n.st.Term(i)
				if err != nil || tt != t {
					return violation(PropDurability, "node %d lost committed index %d (term %d): has term %d err %v", id, i, t, tt, err)
				}
			}
		}
	}
	return nil
}

var _ = errors.Is
