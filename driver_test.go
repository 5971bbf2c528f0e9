package raftsql

import (
	"testing"

	"github.com/raftsql/raftsql/raft"
)

// Only a leader's appends may leave before the Ready is persisted; votes,
// acknowledgements, heartbeats and snapshots wait, each group in its order.
func TestSendBeforePersist(t *testing.T) {
	msgs := []raft.Message{
		{Type: raft.MsgHeartbeat, To: 2},
		{Type: raft.MsgApp, To: 2, Index: 5},
		{Type: raft.MsgVoteResp, To: 3},
		{Type: raft.MsgApp, To: 3, Index: 7},
		{Type: raft.MsgAppResp, To: 1},
		{Type: raft.MsgSnap, To: 3},
	}
	early, rest := sendBeforePersist(msgs, 0)
	if len(early) != 2 || early[0].To != 2 || early[1].To != 3 {
		t.Fatalf("early: %+v", early)
	}
	for _, m := range early {
		if m.Type != raft.MsgApp {
			t.Fatalf("early holds %v", m.Type)
		}
	}
	want := []raft.MessageType{raft.MsgHeartbeat, raft.MsgVoteResp, raft.MsgAppResp, raft.MsgSnap}
	if len(rest) != len(want) {
		t.Fatalf("rest: %+v", rest)
	}
	for i, m := range rest {
		if m.Type != want[i] {
			t.Fatalf("rest[%d] = %v, want %v", i, m.Type, want[i])
		}
	}
	if e, r := sendBeforePersist(nil, 0); e != nil || r != nil {
		t.Fatal("no messages: want nothing")
	}
}

// With pipelined writes: an append leaves early only in the durable term
// (a new leader's first appends wait for its term and vote to be durable);
// forwarded proposals and read requests always leave early; votes and
// acknowledgements never do.
func TestSendEarly(t *testing.T) {
	for _, c := range []struct {
		m       raft.Message
		durable uint64
		early   bool
	}{
		{raft.Message{Type: raft.MsgApp, Term: 3}, 3, true},
		{raft.Message{Type: raft.MsgApp, Term: 4}, 3, false},
		{raft.Message{Type: raft.MsgProp}, 3, true},
		{raft.Message{Type: raft.MsgReadIndex}, 3, true},
		{raft.Message{Type: raft.MsgVote, Term: 4}, 3, false},
		{raft.Message{Type: raft.MsgVoteResp, Term: 3}, 3, false},
		{raft.Message{Type: raft.MsgPreVote, Term: 4}, 3, false},
		{raft.Message{Type: raft.MsgAppResp, Term: 3}, 3, false},
		{raft.Message{Type: raft.MsgHeartbeat, Term: 3}, 3, false},
		{raft.Message{Type: raft.MsgHeartbeatResp, Term: 3}, 3, false},
		{raft.Message{Type: raft.MsgSnap, Term: 3}, 3, false},
		{raft.Message{Type: raft.MsgTimeoutNow, Term: 3}, 3, false},
	} {
		if got := sendEarly(c.m, c.durable); got != c.early {
			t.Errorf("sendEarly(%v term %d, durable %d) = %v, want %v", c.m.Type, c.m.Term, c.durable, got, c.early)
		}
	}
}
