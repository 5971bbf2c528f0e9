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
	early, rest := sendBeforePersist(msgs)
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
	if e, r := sendBeforePersist(nil); e != nil || r != nil {
		t.Fatal("no messages: want nothing")
	}
}
