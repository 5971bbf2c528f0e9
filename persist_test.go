package raftsql

import (
	"fmt"
	"testing"

	"github.com/raftsql/raftsql/raft"
)

// gateRecorder records what a commitGate hands to apply.
type gateRecorder struct{ got []string }

func newTestGate(durable uint64) (*commitGate, *gateRecorder) {
	r := &gateRecorder{}
	g := &commitGate{durable: durable, handed: durable,
		pushEntries: func(ents []raft.Entry) {
			for _, e := range ents {
				r.got = append(r.got, fmt.Sprintf("%d/%d", e.Index, e.Term))
			}
		},
		pushSnapshot: func(s raft.Snapshot) { r.got = append(r.got, fmt.Sprintf("snap%d", s.Meta.Index)) },
	}
	return g, r
}

func gateEnts(lo, hi, term uint64) []raft.Entry {
	var out []raft.Entry
	for i := lo; i <= hi; i++ {
		out = append(out, raft.Entry{Index: i, Term: term})
	}
	return out
}

func gateWrite(ents []raft.Entry) *persistItem {
	w := &persistItem{wait: func() error { return nil }}
	if k := len(ents); k > 0 {
		w.stableIndex, w.stableTerm, w.covers = ents[k-1].Index, ents[k-1].Term, ents[k-1].Index
	}
	return w
}

func (r *gateRecorder) expect(t *testing.T, step string, want ...string) {
	t.Helper()
	if fmt.Sprint(r.got) != fmt.Sprint(want) {
		t.Fatalf("%s: applied %v, want %v", step, r.got, want)
	}
}

// A committed entry reaches apply as soon as the write holding it is
// durable, before later writes; never before its own write.
func TestCommitGateReleasesOnItsOwnWrite(t *testing.T) {
	g, r := newTestGate(0)
	w1 := gateWrite(gateEnts(1, 2, 1))
	g.handOver(w1, gateEnts(1, 2, 1), nil, true)
	w2 := gateWrite(gateEnts(3, 3, 1))
	g.handOver(w2, gateEnts(3, 3, 1), nil, true)
	// Entries 1..2 commit while both writes are in flight.
	g.handOver(&persistItem{}, nil, gateEnts(1, 2, 1), true)
	r.expect(t, "nothing durable")
	g.written(w1, nil)
	r.expect(t, "w1 durable", "1/1", "2/1")
	// Entry 3 commits: its write is not durable yet.
	g.handOver(&persistItem{}, nil, gateEnts(3, 3, 1), true)
	r.expect(t, "3 committed, w2 in flight", "1/1", "2/1")
	g.written(w2, nil)
	r.expect(t, "w2 durable", "1/1", "2/1", "3/1")
}

// A follower's durable entries replaced by a later write do not count:
// the committed replacement waits for the write that holds it.
func TestCommitGateReplacedEntriesDoNotCount(t *testing.T) {
	g, r := newTestGate(0)
	w1 := gateWrite(gateEnts(1, 5, 1))
	g.handOver(w1, gateEnts(1, 5, 1), nil, true)
	// A new leader's entries replace 4..5 before w1 is durable.
	w2 := gateWrite(gateEnts(4, 4, 2))
	g.handOver(w2, gateEnts(4, 4, 2), gateEnts(1, 3, 1), true)
	g.written(w1, nil)
	r.expect(t, "w1 durable", "1/1", "2/1", "3/1")
	g.handOver(&persistItem{}, nil, gateEnts(4, 4, 2), true)
	r.expect(t, "4 committed, w2 in flight", "1/1", "2/1", "3/1")
	g.written(w2, nil)
	r.expect(t, "w2 durable", "1/1", "2/1", "3/1", "4/2")

	// The same after the replaced write is durable: durable drops back.
	g, r = newTestGate(0)
	w1 = gateWrite(gateEnts(1, 5, 1))
	g.handOver(w1, gateEnts(1, 5, 1), nil, true)
	g.written(w1, nil)
	w2 = gateWrite(gateEnts(2, 2, 2))
	g.handOver(w2, gateEnts(2, 2, 2), gateEnts(1, 2, 2), true)
	r.expect(t, "2 replaced, in flight", "1/2")
	g.written(w2, nil)
	r.expect(t, "w2 durable", "1/2", "2/2")
}

// A snapshot goes to apply after the entries committed before it, and the
// log it replaces no longer counts.
func TestCommitGateSnapshot(t *testing.T) {
	g, r := newTestGate(0)
	w1 := gateWrite(gateEnts(1, 8, 1))
	g.handOver(w1, gateEnts(1, 8, 1), gateEnts(1, 2, 1), true)
	snap := &persistItem{wait: func() error { return nil }, snap: raft.Snapshot{Meta: raft.SnapshotMeta{Index: 5, Term: 1}}}
	g.handOver(snap, nil, nil, true)
	g.written(w1, nil)
	g.written(snap, nil)
	r.expect(t, "snapshot durable", "1/1", "2/1", "snap5")
	// Entry 6 of the old log was dropped; the new 6 is in flight.
	w3 := gateWrite(gateEnts(6, 6, 2))
	g.handOver(w3, gateEnts(6, 6, 2), gateEnts(6, 6, 2), true)
	r.expect(t, "6 in flight", "1/1", "2/1", "snap5")
	g.written(w3, nil)
	r.expect(t, "6 durable", "1/1", "2/1", "snap5", "6/2")
}
