package raft

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

func ids(n int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		out[i] = uint64(i + 1)
	}
	return out
}

func TestBasicReplication(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	if err := nw.propose(1, "a", "b"); err != nil {
		t.Fatal(err)
	}
	if err := nw.propose(2, "c"); err != nil { // forwarded
		t.Fatal(err)
	}
	nw.tick(2)
	for _, id := range ids(3) {
		if got := strings.Join(nw.appliedData(id), ","); got != "a,b,c" {
			t.Fatalf("node %d applied %q", id, got)
		}
	}
	nw.checkLogMatching()
}

func TestSingleNodeCommits(t *testing.T) {
	nw := newTestNetwork(t, ids(1), nil)
	nw.elect(1)
	if err := nw.propose(1, "x"); err != nil {
		t.Fatal(err)
	}
	if got := nw.appliedData(1); len(got) != 1 {
		t.Fatalf("applied %v", got)
	}
}

func TestElectionByTicks(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	if !nw.tickUntil(100, func() bool { return nw.leader() != 0 }) {
		t.Fatal("no leader elected")
	}
	// Randomized timeout is within [E, 2E).
	for _, id := range ids(3) {
		r := nw.raft(id)
		if r.randomizedElectionTimeout < r.electionTimeout || r.randomizedElectionTimeout >= 2*r.electionTimeout {
			t.Fatalf("randomized timeout %d out of [%d,%d)", r.randomizedElectionTimeout, r.electionTimeout, 2*r.electionTimeout)
		}
	}
}

func TestProposalDroppedNoLeader(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	err := nw.nodes[1].rn.Propose([]byte("x"))
	if !errors.Is(err, ErrProposalDropped) || !strings.Contains(err.Error(), "no leader") {
		t.Fatalf("got %v, want ErrProposalDropped (no leader)", err)
	}
	if err := nw.nodes[1].rn.ReadIndex([]byte("r")); !errors.Is(err, ErrProposalDropped) {
		t.Fatalf("ReadIndex without leader: %v", err)
	}
	// Candidate too.
	nw.isolate(1)
	_ = nw.nodes[1].rn.Campaign()
	if err := nw.nodes[1].rn.Propose([]byte("x")); !errors.Is(err, ErrProposalDropped) {
		t.Fatalf("candidate propose: %v", err)
	}
}

func TestMessageTypeCoverage(t *testing.T) {
	for i := MessageType(0); i < msgTypeCount; i++ {
		if i.String() == "MsgUnknown" {
			t.Fatalf("type %d has no name", i)
		}
	}
	_ = fmt.Sprint(membership.Config{})
}

// Truncating a committed entry is an invariant violation and panics.
func TestTruncateCommittedPanics(t *testing.T) {
	st := storageWith(t, membership.NewConfig(ids(3), nil), ents(1, 1, 1), 1)
	_ = st.SetHardState(HardState{Term: 2, Commit: 2})
	rn, err := NewRawNode(Config{ID: 2, Storage: st})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	// A MsgApp whose prev is below the commit index is answered with the
	// commit index and never truncates; call the log directly.
	_ = rn.Step(Message{Type: MsgApp, From: 1, To: 2, Term: 2, Index: 1, LogTerm: 1, Entries: []Entry{{Index: 2, Term: 2}}})
	if tm, _ := rn.raft.log.term(2); tm != 1 {
		t.Fatalf("committed entry replaced (term %d)", tm)
	}
	rn.raft.log.maybeAppend(1, 1, 0, []Entry{{Index: 2, Term: 2}})
}

// A follower rejecting a MsgApp reports the index to retry and its term
// there; the leader uses it to skip a whole term.
func TestRejectHint(t *testing.T) {
	st := storageWith(t, membership.NewConfig(ids(3), nil), ents(1, 1, 2, 2, 2, 3, 3), 3)
	rn, err := NewRawNode(Config{ID: 2, Storage: st})
	if err != nil {
		t.Fatal(err)
	}
	// Leader's prev is (index 7, term 5): follower has term 3 there.
	_ = rn.Step(Message{Type: MsgApp, From: 1, To: 2, Term: 5, Index: 7, LogTerm: 5, Commit: 0})
	rd := rn.Ready()
	m := rd.Messages[0]
	if !m.Reject || m.Index != 7 || m.RejectHint != 7 || m.LogTerm != 3 {
		t.Fatalf("reject %+v", m)
	}
	// Leader's prev is (index 5, term 1) [leader only has term 1 there]:
	// the follower points at index 2, the last with term <= 1.
	_ = rn.Step(Message{Type: MsgApp, From: 1, To: 2, Term: 5, Index: 5, LogTerm: 1})
	rd = rn.Ready()
	m = rd.Messages[len(rd.Messages)-1]
	if !m.Reject || m.RejectHint != 2 || m.LogTerm != 1 {
		t.Fatalf("reject %+v", m)
	}
}
