package raft

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

// testNode is one in-memory node driven by the harness.
type testNode struct {
	id      uint64
	rn      *RawNode
	st      *MemoryStorage
	applied []Entry // every committed entry applied, in order
	reads   []ReadState
	cfg     membership.Config
}

// network is a deterministic in-memory network driving RawNodes through
// the persistence contract (persist, send, apply, Advance).
type network struct {
	t        testing.TB
	nodes    map[uint64]*testNode
	ids      []uint64
	queue    []Message
	isolated map[uint64]bool
	cut      map[[2]uint64]bool
	down     map[uint64]bool
	drop     func(m Message) bool // extra filter; true = drop
	rng      *rand.Rand
	loss     float64 // probability of dropping a message
	sent     map[MessageType]int
	leaders  map[uint64]uint64 // term -> leader (election safety check)
	// committed records, per index, the first committed entry seen
	// (state machine safety check).
	committed map[uint64]Entry
	onMsg     func(m Message)
}

type cfgOpt func(*Config)

func newTestNetwork(t testing.TB, voters []uint64, learners []uint64, opts ...cfgOpt) *network {
	nw := &network{
		t: t, nodes: map[uint64]*testNode{}, isolated: map[uint64]bool{}, cut: map[[2]uint64]bool{},
		down: map[uint64]bool{}, rng: rand.New(rand.NewPCG(1, 2)), sent: map[MessageType]int{},
		leaders: map[uint64]uint64{}, committed: map[uint64]Entry{},
	}
	cfg := membership.NewConfig(voters, learners)
	for _, id := range cfg.IDs() {
		st := NewMemoryStorage()
		st.SetConfig(cfg)
		nw.addNode(id, st, opts...)
	}
	return nw
}

func (nw *network) addNode(id uint64, st *MemoryStorage, opts ...cfgOpt) *testNode {
	c := Config{ID: id, Storage: st, Seed: id * 7919}
	for _, o := range opts {
		o(&c)
	}
	rn, err := NewRawNode(c)
	if err != nil {
		nw.t.Fatalf("NewRawNode(%d): %v", id, err)
	}
	_, cfg, _ := st.InitialState()
	n := &testNode{id: id, rn: rn, st: st, cfg: cfg}
	nw.nodes[id] = n
	if !slices.Contains(nw.ids, id) {
		nw.ids = append(nw.ids, id)
		slices.Sort(nw.ids)
	}
	return n
}

func (nw *network) raft(id uint64) *raft { return nw.nodes[id].rn.raft }

func (nw *network) dropped(m Message) bool {
	if nw.down[m.From] || nw.down[m.To] || nw.isolated[m.From] || nw.isolated[m.To] {
		return true
	}
	if nw.cut[[2]uint64{m.From, m.To}] {
		return true
	}
	if nw.drop != nil && nw.drop(m) {
		return true
	}
	return nw.loss > 0 && nw.rng.Float64() < nw.loss
}

func (nw *network) isolate(id uint64) { nw.isolated[id] = true }
func (nw *network) heal() {
	nw.isolated = map[uint64]bool{}
	nw.cut = map[[2]uint64]bool{}
	nw.drop = nil
}

// partition cuts all links between the two groups.
func (nw *network) partition(a, b []uint64) {
	for _, x := range a {
		for _, y := range b {
			nw.cut[[2]uint64{x, y}] = true
			nw.cut[[2]uint64{y, x}] = true
		}
	}
}

// handleReady processes one Ready of node id following the persistence
// contract. It reports whether there was one.
func (nw *network) handleReady(id uint64) bool {
	n := nw.nodes[id]
	if n == nil || nw.down[id] || !n.rn.HasReady() {
		return false
	}
	rd := n.rn.Ready()
	// 1. persist
	if !rd.Snapshot.IsEmpty() {
		if err := n.st.ApplySnapshot(rd.Snapshot); err != nil {
			nw.t.Fatalf("node %d ApplySnapshot: %v", id, err)
		}
		n.cfg = rd.Snapshot.Meta.Config.Clone()
		n.applied = nil // state machine replaced by the snapshot image
	}
	if !rd.HardState.IsEmpty() {
		_ = n.st.SetHardState(rd.HardState)
	}
	if err := n.st.Append(rd.Entries); err != nil {
		nw.t.Fatalf("node %d Append: %v", id, err)
	}
	if rd.SoftState != nil && rd.SoftState.RaftState == StateLeader {
		term := n.rn.raft.Term
		if prev, ok := nw.leaders[term]; ok && prev != id {
			nw.t.Fatalf("election safety violated: term %d has leaders %d and %d", term, prev, id)
		}
		nw.leaders[term] = id
	}
	// 2. send
	for _, m := range rd.Messages {
		nw.sent[m.Type]++
		nw.queue = append(nw.queue, m)
	}
	// 3. apply
	for _, e := range rd.CommittedEntries {
		if prev, ok := nw.committed[e.Index]; ok {
			if prev.Term != e.Term || string(prev.Data) != string(e.Data) {
				nw.t.Fatalf("state machine safety violated at index %d: node %d applies term %d, earlier term %d", e.Index, id, e.Term, prev.Term)
			}
		} else {
			nw.committed[e.Index] = e
		}
		if e.Type == EntryConfChange {
			cc, err := DecodeChange(e.Data)
			if err != nil {
				nw.t.Fatalf("DecodeChange: %v", err)
			}
			n.cfg = n.rn.ApplyConfChange(cc)
			n.st.SetConfig(n.cfg)
		}
		n.applied = append(n.applied, e)
	}
	n.reads = append(n.reads, rd.ReadStates...)
	n.rn.Advance(rd)
	return true
}

// deliver delivers one message (or drops it).
func (nw *network) deliver(m Message) {
	if nw.onMsg != nil {
		nw.onMsg(m)
	}
	lost := nw.dropped(m)
	if m.Type == MsgSnap {
		if s := nw.nodes[m.From]; s != nil && !nw.down[m.From] {
			defer s.rn.ReportSnapshot(m.To, !lost)
		}
	}
	if lost {
		return
	}
	if n := nw.nodes[m.To]; n != nil {
		_ = n.rn.Step(m)
	}
}

// stabilize runs Ready loops and delivers messages until quiescent.
func (nw *network) stabilize() {
	for i := 0; i < 100000; i++ {
		progressed := false
		for _, id := range nw.ids {
			for nw.handleReady(id) {
				progressed = true
			}
		}
		if len(nw.queue) == 0 && !progressed {
			return
		}
		q := nw.queue
		nw.queue = nil
		for _, m := range q {
			nw.deliver(m)
		}
	}
	nw.t.Fatalf("network did not stabilize")
}

// tick ticks every live node once and stabilizes, k times.
func (nw *network) tick(k int) {
	for range k {
		for _, id := range nw.ids {
			if !nw.down[id] {
				nw.nodes[id].rn.Tick()
			}
		}
		nw.stabilize()
	}
}

// tickUntil ticks until cond holds, at most max ticks.
func (nw *network) tickUntil(max int, cond func() bool) bool {
	for range max {
		if cond() {
			return true
		}
		nw.tick(1)
	}
	return cond()
}

// leader returns the live leader with the highest term, or 0.
func (nw *network) leader() uint64 {
	var best uint64
	var bestTerm uint64
	for _, id := range nw.ids {
		r := nw.raft(id)
		if !nw.down[id] && r.state == StateLeader && r.Term >= bestTerm {
			best, bestTerm = id, r.Term
		}
	}
	return best
}

func (nw *network) campaign(id uint64) {
	if err := nw.nodes[id].rn.Campaign(); err != nil {
		nw.t.Fatalf("campaign %d: %v", id, err)
	}
	nw.stabilize()
}

// elect makes id the leader and checks it.
func (nw *network) elect(id uint64) {
	nw.t.Helper()
	nw.campaign(id)
	if st := nw.raft(id).state; st != StateLeader {
		nw.t.Fatalf("node %d is %s after campaign, want leader", id, st)
	}
}

func (nw *network) propose(id uint64, data ...string) error {
	bs := make([][]byte, len(data))
	for i, d := range data {
		bs[i] = []byte(d)
	}
	err := nw.nodes[id].rn.Propose(bs...)
	nw.stabilize()
	return err
}

// appliedData returns the non-empty normal entries node id applied.
func (nw *network) appliedData(id uint64) []string {
	var out []string
	for _, e := range nw.nodes[id].applied {
		if e.Type == EntryNormal && len(e.Data) > 0 {
			out = append(out, string(e.Data))
		}
	}
	return out
}

// logOf returns the persisted log of node id (after the snapshot).
func (nw *network) logOf(id uint64) []Entry {
	st := nw.nodes[id].st
	fi, _ := st.FirstIndex()
	li, _ := st.LastIndex()
	ents, err := st.Entries(fi, li+1, 1<<62)
	if err != nil {
		nw.t.Fatalf("entries of %d: %v", id, err)
	}
	return ents
}

// checkLogMatching verifies §5.3 over the persisted logs: if two logs have
// an entry with the same index and term, they are identical up to it.
func (nw *network) checkLogMatching() {
	for i, a := range nw.ids {
		for _, b := range nw.ids[i+1:] {
			la, lb := nw.logOf(a), nw.logOf(b)
			byIdx := map[uint64]Entry{}
			for _, e := range lb {
				byIdx[e.Index] = e
			}
			highest := uint64(0)
			for _, e := range la {
				if o, ok := byIdx[e.Index]; ok && o.Term == e.Term {
					highest = e.Index
				}
			}
			for _, e := range la {
				if e.Index > highest {
					break
				}
				o, ok := byIdx[e.Index]
				if !ok {
					continue // compacted on b
				}
				if o.Term != e.Term || string(o.Data) != string(e.Data) || o.Type != e.Type {
					nw.t.Fatalf("log matching violated between %d and %d at index %d (match up to %d)", a, b, e.Index, highest)
				}
			}
		}
	}
}

func ents(terms ...uint64) []Entry {
	out := make([]Entry, len(terms))
	for i, t := range terms {
		out[i] = Entry{Index: uint64(i + 1), Term: t, Data: []byte(fmt.Sprintf("e%d/t%d", i+1, t))}
	}
	return out
}

// storageWith returns a MemoryStorage holding the given log and term.
func storageWith(t testing.TB, cfg membership.Config, log []Entry, term uint64) *MemoryStorage {
	st := NewMemoryStorage()
	st.SetConfig(cfg)
	if err := st.Append(log); err != nil {
		t.Fatal(err)
	}
	_ = st.SetHardState(HardState{Term: term})
	return st
}
