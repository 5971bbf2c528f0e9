package raftsql

import (
	"fmt"
	"testing"

	"github.com/raftsql/raftsql/raft"
)

// newEarlyGate is newTestGate with early release: each push is recorded
// with the durable mark published before it ("3/1@2": entry 3 of term 1
// reached apply while the log was durable up to 2).
func newEarlyGate(durable uint64) (*commitGate, *gateRecorder) {
	r := &gateRecorder{}
	mark := durable
	g := &commitGate{durable: durable, handed: durable, early: true,
		setDurable: func(d uint64) { mark = d },
		pushEntries: func(ents []raft.Entry) {
			for _, e := range ents {
				r.got = append(r.got, fmt.Sprintf("%d/%d@%d", e.Index, e.Term, mark))
			}
		},
		pushSnapshot: func(s raft.Snapshot) { r.got = append(r.got, fmt.Sprintf("snap%d@%d", s.Meta.Index, mark)) },
	}
	return g, r
}

func sqlEnt(index, term uint64) raft.Entry {
	return raft.Entry{Index: index, Term: term, Data: []byte{entrySQL, 'x'}}
}

// With early release, committed SQL and empty entries reach apply at once,
// with a durable mark below them (the apply COMMITs them only once the
// mark covers them); anything else, and everything after it, waits for
// the log to be durable as before.
func TestCommitGateEarlyRelease(t *testing.T) {
	g, r := newEarlyGate(0)
	ents := []raft.Entry{sqlEnt(1, 1), {Index: 2, Term: 1}, {Index: 3, Term: 1, Type: raft.EntryConfChange}, sqlEnt(4, 1),
		{Index: 5, Term: 1, Data: []byte{entryMemberInfo}}, sqlEnt(6, 1)}
	w1 := gateWrite(ents)
	g.handOver(w1, ents, ents, true)
	r.expect(t, "committed, not durable", "1/1@0", "2/1@0")
	g.written(w1, nil)
	r.expect(t, "durable", "1/1@0", "2/1@0", "3/1@6", "4/1@6", "5/1@6", "6/1@6")

	// An entry whose write is in flight goes at once; the mark rises
	// when the write is durable.
	w2 := gateWrite([]raft.Entry{sqlEnt(7, 1)})
	g.handOver(w2, []raft.Entry{sqlEnt(7, 1)}, []raft.Entry{sqlEnt(7, 1)}, true)
	r.expect(t, "7 in flight", "1/1@0", "2/1@0", "3/1@6", "4/1@6", "5/1@6", "6/1@6", "7/1@6")
	mark := -1
	g.setDurable = func(d uint64) { mark = int(d) }
	g.written(w2, nil)
	if mark != 7 {
		t.Fatalf("mark after w2 is durable: %d, want 7", mark)
	}
}

// A write that replaces durable uncommitted entries lowers the mark before
// the committed replacement reaches apply, so the apply cannot COMMIT it
// on the strength of the entry it replaced.
func TestCommitGateEarlyReplacedEntriesLowerTheMark(t *testing.T) {
	g, r := newEarlyGate(0)
	old := []raft.Entry{sqlEnt(1, 1), sqlEnt(2, 1), sqlEnt(3, 1)}
	w1 := gateWrite(old)
	g.handOver(w1, old, nil, true)
	g.written(w1, nil)
	repl := []raft.Entry{sqlEnt(2, 2)}
	w2 := gateWrite(repl)
	g.handOver(w2, repl, []raft.Entry{sqlEnt(1, 1), sqlEnt(2, 2)}, true)
	r.expect(t, "2 replaced, in flight", "1/1@1", "2/2@1")
	mark := -1
	g.setDurable = func(d uint64) { mark = int(d) }
	g.written(w2, nil)
	if mark != 2 {
		t.Fatalf("mark after w2 is durable: %d, want 2", mark)
	}
}

// The apply queue's durable mark: waitDurable returns once the mark
// covers the index, follows it down and up, and gives up when stopped.
func TestApplyQueueWaitDurable(t *testing.T) {
	q := newApplyQueue(1 << 20)
	q.setDurable(5)
	if err := q.waitDurable(5, nil); err != nil {
		t.Fatal(err)
	}
	q.setDurable(3)
	done := make(chan error, 1)
	go func() { done <- q.waitDurable(4, nil) }()
	select {
	case err := <-done:
		t.Fatalf("waitDurable(4) returned %v with the mark at 3", err)
	default:
	}
	q.setDurable(4)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	go func() { done <- q.waitDurable(9, stop) }()
	close(stop)
	if err := <-done; err != errApplyStopped {
		t.Fatalf("stopped wait: %v, want errApplyStopped", err)
	}
}

// A snapshot whose write is in flight holds back every committed entry
// after it, early or not: the entries were committed on top of the
// snapshot's state, so apply must install the snapshot first (pushed when
// its write is durable) and never run them on the state before it.
func TestCommitGateEarlyWaitsForASnapshotInFlight(t *testing.T) {
	g, r := newEarlyGate(3)
	ws := &persistItem{wait: func() error { return nil }, snap: raft.Snapshot{Meta: raft.SnapshotMeta{Index: 10, Term: 2}}}
	g.handOver(ws, nil, nil, true)
	after := []raft.Entry{sqlEnt(11, 2), sqlEnt(12, 2)}
	w := gateWrite(after)
	g.handOver(w, after, after, true)
	r.expect(t, "snapshot in flight")
	g.written(ws, nil)
	r.expect(t, "snapshot durable", "snap10@3", "11/2@10", "12/2@10")
	g.written(w, nil)
}
