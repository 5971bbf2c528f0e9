package raft

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

// Tests of the asynchronous storage writes contract (Config.
// AsyncStorageWrites, package doc): a Ready's writes are visible to the
// core's Storage at once but become durable later, in order; messages
// other than a leader's MsgApp and the committed entries wait for the
// write of their Ready; a crash loses every write not yet durable.

// asyncWrite is one Ready's writes and what waits for their durability.
type asyncWrite struct {
	hs       HardState
	ents     []Entry
	msgs     []Message // sent once durable
	commit   []Entry   // applied once durable
	last     Entry     // last entry of the log this write leaves (for StableTo)
	hasEntry bool
}

type asyncNode struct {
	id      uint64
	rn      *RawNode
	visible *MemoryStorage // what the core reads: every write handed over
	durable *MemoryStorage // what survives a crash
	pending []asyncWrite
	applied []Entry
	reads   []ReadState // every ReadState its Readys carried
}

type asyncNet struct {
	t       *testing.T
	cfg     membership.Config
	nodes   map[uint64]*asyncNode
	ids     []uint64
	queue   []Message
	leaders map[uint64]uint64 // term -> leader
	applied map[uint64]Entry  // index -> first entry applied there
	rng     *rand.Rand
	// syncWrites starts the nodes without AsyncStorageWrites (the driver
	// then makes each Ready's write durable before stepping anything).
	syncWrites bool
}

func newAsyncNet(t *testing.T, voters []uint64, seed uint64) *asyncNet {
	an := &asyncNet{t: t, cfg: membership.NewConfig(voters, nil), nodes: map[uint64]*asyncNode{},
		leaders: map[uint64]uint64{}, applied: map[uint64]Entry{}, rng: rand.New(rand.NewPCG(seed, 99))}
	for _, id := range voters {
		d := NewMemoryStorage()
		d.SetConfig(an.cfg)
		an.ids = append(an.ids, id)
		an.start(id, d)
	}
	slices.Sort(an.ids)
	return an
}

// start (re)starts node id from its durable state.
func (an *asyncNet) start(id uint64, durable *MemoryStorage) {
	vis := NewMemoryStorage()
	hs, cfg, _ := durable.InitialState()
	vis.SetConfig(cfg)
	li, _ := durable.LastIndex()
	if li > 0 {
		ents, err := durable.Entries(1, li+1, 1<<62)
		if err != nil {
			an.t.Fatal(err)
		}
		_ = vis.Append(ents)
	}
	_ = vis.SetHardState(hs)
	rn, err := NewRawNode(Config{ID: id, Storage: vis, Seed: id*31 + an.rng.Uint64(), AsyncStorageWrites: !an.syncWrites})
	if err != nil {
		an.t.Fatal(err)
	}
	an.nodes[id] = &asyncNode{id: id, rn: rn, visible: vis, durable: durable}
}

// crash loses node id's writes that are not durable and restarts it.
func (an *asyncNet) crash(id uint64) { an.start(id, an.nodes[id].durable) }

// ready hands one Ready of node id to its storage (visible, not durable).
func (an *asyncNet) ready(id uint64) bool {
	n := an.nodes[id]
	if !n.rn.HasReady() {
		return false
	}
	rd := n.rn.Ready()
	if rd.SoftState != nil && rd.SoftState.RaftState == StateLeader {
		if prev, ok := an.leaders[n.rn.raft.Term]; ok && prev != id {
			an.t.Fatalf("election safety: term %d has leaders %d and %d", n.rn.raft.Term, prev, id)
		}
		an.leaders[n.rn.raft.Term] = id
	}
	w := asyncWrite{hs: rd.HardState, ents: slices.Clone(rd.Entries), commit: slices.Clone(rd.CommittedEntries)}
	n.reads = append(n.reads, rd.ReadStates...)
	if !rd.HardState.IsEmpty() {
		_ = n.visible.SetHardState(rd.HardState)
	}
	if err := n.visible.Append(rd.Entries); err != nil {
		an.t.Fatal(err)
	}
	if li, _ := n.visible.LastIndex(); li > 0 {
		t, _ := n.visible.Term(li)
		w.last, w.hasEntry = Entry{Index: li, Term: t}, true
	}
	// A leader's appends leave at once when the term they carry is
	// durable already (the driver's sendBeforePersist).
	dhs, _, _ := n.durable.InitialState()
	for _, m := range rd.Messages {
		if m.Type == MsgApp && m.Term == dhs.Term && (rd.HardState.IsEmpty() || rd.HardState.Term == dhs.Term) {
			an.queue = append(an.queue, m)
		} else {
			w.msgs = append(w.msgs, m)
		}
	}
	n.pending = append(n.pending, w)
	n.rn.Advance(rd)
	return true
}

// sync makes node id's oldest pending write durable, then releases what
// waited for it and reports it to the core.
func (an *asyncNet) sync(id uint64) bool {
	n := an.nodes[id]
	if len(n.pending) == 0 {
		return false
	}
	w := n.pending[0]
	n.pending = n.pending[1:]
	if !w.hs.IsEmpty() {
		_ = n.durable.SetHardState(w.hs)
	}
	if err := n.durable.Append(w.ents); err != nil {
		an.t.Fatal(err)
	}
	an.queue = append(an.queue, w.msgs...)
	for _, e := range w.commit {
		an.checkApply(id, e)
		n.applied = append(n.applied, e)
	}
	if w.hasEntry {
		n.rn.StableTo(w.last.Index, w.last.Term)
	}
	return true
}

// checkApply verifies state machine safety and that an entry applied
// anywhere is durable on a majority of the voters.
func (an *asyncNet) checkApply(id uint64, e Entry) {
	if prev, ok := an.applied[e.Index]; ok {
		if prev.Term != e.Term || string(prev.Data) != string(e.Data) {
			an.t.Fatalf("state machine safety: node %d applies %d/t%d, earlier t%d", id, e.Index, e.Term, prev.Term)
		}
	} else {
		an.applied[e.Index] = e
	}
	copies := 0
	for _, other := range an.ids {
		if t, err := an.nodes[other].durable.Term(e.Index); err == nil && t == e.Term {
			copies++
		}
	}
	if copies*2 <= len(an.ids) {
		an.t.Fatalf("node %d applies %d/t%d, durable on only %d of %d nodes", id, e.Index, e.Term, copies, len(an.ids))
	}
}

func (an *asyncNet) deliver(i int) {
	m := an.queue[i]
	an.queue = slices.Delete(an.queue, i, i+1)
	if n := an.nodes[m.To]; n != nil {
		_ = n.rn.Step(m)
	}
}

// settle runs every node's Readys, writes and messages until quiescent.
func (an *asyncNet) settle() {
	for range 100000 {
		progressed := false
		for _, id := range an.ids {
			for an.ready(id) {
				progressed = true
			}
			for an.sync(id) {
				progressed = true
			}
		}
		if len(an.queue) == 0 && !progressed {
			return
		}
		for len(an.queue) > 0 {
			an.deliver(0)
		}
	}
	an.t.Fatal("did not settle")
}

func (an *asyncNet) leader() *asyncNode {
	for _, id := range an.ids {
		if n := an.nodes[id]; n.rn.raft.state == StateLeader {
			return n
		}
	}
	return nil
}

func TestAsyncLeaderCountsItselfOnlyWhenDurable(t *testing.T) {
	an := newAsyncNet(t, []uint64{1}, 1)
	n := an.nodes[1]
	if err := n.rn.Campaign(); err != nil {
		t.Fatal(err)
	}
	an.settle()
	if n.rn.raft.state != StateLeader {
		t.Fatal("no leader")
	}
	if err := n.rn.Propose([]byte("x")); err != nil {
		t.Fatal(err)
	}
	an.ready(1)
	commit := n.rn.raft.log.committed
	// The write is handed over but not durable: nothing new commits.
	for an.ready(1) {
	}
	if n.rn.raft.log.committed != commit {
		t.Fatalf("committed %d before the leader's write was durable (was %d)", n.rn.raft.log.committed, commit)
	}
	an.settle()
	if got := n.applied[len(n.applied)-1]; string(got.Data) != "x" {
		t.Fatalf("last applied %q, want x", got.Data)
	}
}

func TestAsyncFollowersCommitWithoutLeaderWrite(t *testing.T) {
	an := newAsyncNet(t, []uint64{1, 2, 3}, 2)
	if err := an.nodes[1].rn.Campaign(); err != nil {
		t.Fatal(err)
	}
	an.settle()
	l := an.nodes[1]
	if l.rn.raft.state != StateLeader {
		t.Fatal("1 is not leader")
	}
	if err := l.rn.Propose([]byte("y")); err != nil {
		t.Fatal(err)
	}
	an.ready(1) // the MsgApps leave; the leader's own write stays pending
	idx := l.rn.raft.log.lastIndex()
	var to3 []Message
	for _, m := range an.queue {
		if m.To == 3 {
			to3 = append(to3, m)
		}
	}
	// Only follower 2 writes and acknowledges: leader (not durable) + 2
	// is not a quorum of durable copies.
	deliverTo := func(id uint64, msgs []Message) {
		an.queue = nil
		for _, m := range msgs {
			_ = an.nodes[id].rn.Step(m)
		}
		for an.ready(id) {
		}
		for an.sync(id) {
		}
		for len(an.queue) > 0 {
			if an.queue[0].To == 1 {
				an.deliver(0)
			} else {
				an.queue = an.queue[1:]
			}
		}
	}
	var to2 []Message
	for _, m := range an.queue {
		if m.To == 2 {
			to2 = append(to2, m)
		}
	}
	deliverTo(2, to2)
	if c := l.rn.raft.log.committed; c >= idx {
		t.Fatalf("committed %d with one durable copy of %d", c, idx)
	}
	// Follower 3's durable copy makes a quorum of durable copies without
	// the leader's.
	deliverTo(3, to3)
	if c := l.rn.raft.log.committed; c < idx {
		t.Fatalf("commit %d: two durable follower copies of %d did not commit it", c, idx)
	}
	if len(l.pending) == 0 {
		t.Fatal("the leader's write is no longer pending")
	}
	an.settle()
}

func TestAsyncStaleStableToIgnored(t *testing.T) {
	an := newAsyncNet(t, []uint64{1}, 3)
	n := an.nodes[1]
	_ = n.rn.Campaign()
	an.settle()
	_ = n.rn.Propose([]byte("z"))
	an.ready(1)
	li := n.rn.raft.log.lastIndex()
	commit := n.rn.raft.log.committed
	n.rn.StableTo(li, n.rn.raft.Term+1) // wrong term: another entry
	n.rn.StableTo(li+5, n.rn.raft.Term) // beyond the log
	if n.rn.raft.log.committed != commit {
		t.Fatalf("a stale StableTo committed %d", n.rn.raft.log.committed)
	}
	n.rn.StableTo(li, n.rn.raft.Term)
	if n.rn.raft.log.committed != li {
		t.Fatalf("committed %d after StableTo(%d), want %d", n.rn.raft.log.committed, li, li)
	}
}

func TestStableToWithoutAsyncDoesNothing(t *testing.T) {
	nw := newTestNetwork(t, []uint64{1}, nil)
	nw.elect(1)
	r := nw.raft(1)
	pr := *r.prs[1]
	nw.nodes[1].rn.StableTo(r.log.lastIndex()+1, r.Term)
	if *r.prs[1] != pr {
		t.Fatal("StableTo changed the progress of a synchronous node")
	}
}

// TestAsyncRandomized drives 3- and 5-node clusters with random
// interleavings of Readys, writes becoming durable, deliveries (in any
// order), losses, ticks, proposals and crashes that lose the writes not
// yet durable; checkApply verifies at every applied entry that it is the
// same everywhere and durable on a majority.
func TestAsyncRandomized(t *testing.T) {
	for seed := uint64(1); seed <= 40; seed++ {
		voters := []uint64{1, 2, 3}
		if seed%4 == 0 {
			voters = []uint64{1, 2, 3, 4, 5}
		}
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			an := newAsyncNet(t, voters, seed)
			props := 0
			for step := 0; step < 4000; step++ {
				id := an.ids[an.rng.IntN(len(an.ids))]
				switch k := an.rng.IntN(100); {
				case k < 25:
					an.ready(id)
				case k < 45:
					an.sync(id)
				case k < 75:
					if len(an.queue) > 0 {
						an.deliver(an.rng.IntN(len(an.queue)))
					}
				case k < 78:
					if len(an.queue) > 0 {
						i := an.rng.IntN(len(an.queue))
						an.queue = slices.Delete(an.queue, i, i+1)
					}
				case k < 88:
					an.nodes[id].rn.Tick()
				case k < 99:
					props++
					_ = an.nodes[id].rn.Propose([]byte(fmt.Sprintf("p%d", props)))
				default:
					an.crash(id)
				}
			}
			// Liveness: with every message delivered and every write made
			// durable, a leader emerges and an entry proposed to it is
			// applied everywhere (a proposal may still be lost to an
			// election: it is then proposed again).
			done := func() bool {
				for _, id := range an.ids {
					n := an.nodes[id]
					if len(n.applied) == 0 || !strings.HasPrefix(string(n.applied[len(n.applied)-1].Data), "final") {
						return false
					}
				}
				return true
			}
			for i := 0; !done(); i++ {
				if i == 500 {
					t.Fatal("the final entry was not applied everywhere")
				}
				if l := an.leader(); l != nil && l.rn.raft.committedEntryInCurrentTerm() {
					_ = l.rn.Propose([]byte(fmt.Sprintf("final%d", i)))
				}
				for _, id := range an.ids {
					an.nodes[id].rn.Tick()
				}
				an.settle()
			}
		})
	}
}

// With asynchronous storage writes a new single-voter leader counts its
// first entry only once it is durable: until an entry of its term has
// committed it gives no local read index (its commit index may lag
// entries committed before it took over), then it does, and always
// exactly when committedEntryInCurrentTerm holds.
func TestAsyncLocalReadIndexWaitsForTheTermsFirstEntry(t *testing.T) {
	an := newAsyncNet(t, []uint64{1}, 5)
	n := an.nodes[1]
	_ = n.rn.Campaign()
	r := n.rn.raft
	if r.state != StateLeader {
		t.Fatalf("state %v after Campaign of the only voter", r.state)
	}
	if _, ok := n.rn.LocalReadIndex(); ok || r.committedEntryInCurrentTerm() {
		t.Fatalf("local read index before the term's first entry is durable (committed %d, termStart %d)", r.log.committed, r.termStart)
	}
	// ReadIndex agrees: it holds the request instead of answering.
	if err := n.rn.ReadIndex([]byte("early")); err != nil {
		t.Fatal(err)
	}
	for an.ready(1) {
	}
	if len(n.reads) != 0 {
		t.Fatalf("ReadIndex answered %+v before the term's first entry was durable", n.reads)
	}
	an.settle()
	idx, ok := n.rn.LocalReadIndex()
	if !ok || idx != r.log.committed || !r.committedEntryInCurrentTerm() {
		t.Fatalf("LocalReadIndex = %d, %v once settled; committed %d", idx, ok, r.log.committed)
	}
	if len(n.reads) != 1 || n.reads[0].Index != idx {
		t.Fatalf("held ReadIndex answered %+v, LocalReadIndex %d", n.reads, idx)
	}
}
