package raftsql

import (
	"testing"

	"github.com/raftsql/raftsql/raft"
)

// The transport's reader answers a forwarded round's reads itself when
// the leader's answer is in this node's term and for this incarnation's
// round; the driver still sees the answer when reads are held behind the
// round (it must ask for them), when the term differs or when the round is
// not out; and a round is answered once whoever takes it first.
func TestAnswerForwardedRead(t *testing.T) {
	n := &Node{incarnation: [8]byte{3, 3, 3, 3, 3, 3, 3, 3}}
	n.term.Store(4)
	resp := func(term, seq, idx uint64) raft.Message {
		return raft.Message{Type: raft.MsgReadIndexResp, Term: term, Index: idx, Entries: []raft.Entry{{Data: n.readRequestCtx(seq)}}}
	}
	newReq := func() *readRequest { return &readRequest{done: make(chan uint64, 1)} }
	answered := func(r *readRequest) (uint64, bool) {
		select {
		case idx := <-r.done:
			return idx, true
		default:
			return 0, false
		}
	}

	r1 := newReq()
	n.reads.add(1, &inflightRead{reqs: []*readRequest{r1}})
	if !n.answerForwardedRead(resp(4, 1, 42)) {
		t.Fatal("an answer with no reads held behind it went to the driver")
	}
	if idx, ok := answered(r1); !ok || idx != 42 {
		t.Fatalf("read answered %v at %d; want at 42", ok, idx)
	}
	// The core's ReadState for the same round, later: nothing to answer
	// (a second answer would block the driver on the read's full channel).
	n.answerReads([]raft.ReadState{{Index: 42, RequestCtx: n.readRequestCtx(1)}})
	if _, ok := answered(r1); ok {
		t.Fatal("a round answered twice")
	}

	// Reads held behind the round: answered here, and the driver sees the
	// answer too.
	r2 := newReq()
	n.reads.add(2, &inflightRead{reqs: []*readRequest{r2}})
	if !n.reads.holdFor(2) {
		t.Fatal("round 2 is out")
	}
	if n.answerForwardedRead(resp(4, 2, 50)) {
		t.Fatal("the driver would not learn that the reads held behind the round can be asked for")
	}
	if idx, ok := answered(r2); !ok || idx != 50 {
		t.Fatalf("held round's read answered %v at %d; want at 50", ok, idx)
	}

	// Another term than this node's, another incarnation's round, a round
	// not out: left to the driver (the core), nothing answered here.
	r3 := newReq()
	n.reads.add(3, &inflightRead{reqs: []*readRequest{r3}})
	other := &Node{incarnation: [8]byte{9, 9, 9, 9, 9, 9, 9, 9}}
	for _, m := range []raft.Message{
		resp(3, 3, 60),
		resp(5, 3, 60),
		{Type: raft.MsgReadIndexResp, Term: 4, Index: 60, Entries: []raft.Entry{{Data: other.readRequestCtx(3)}}},
		resp(4, 9, 60),
	} {
		if n.answerForwardedRead(m) {
			t.Errorf("answer %+v taken from the driver", m)
		}
		if idx, ok := answered(r3); ok {
			t.Fatalf("answer %+v released round 3 at %d", m, idx)
		}
	}
	if n.reads.len() != 1 {
		t.Fatalf("%d rounds out; want round 3", n.reads.len())
	}
	if d := n.msgStats.direct.Load(); d != 1 {
		t.Fatalf("%d answers counted as handed over without the driver; want 1", d)
	}
	// Other messages are the driver's.
	if n.answerForwardedRead(raft.Message{Type: raft.MsgHeartbeat, Term: 4}) {
		t.Fatal("a heartbeat taken from the driver")
	}
}
