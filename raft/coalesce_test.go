package raft

import (
	"strings"
	"testing"
)

// msgsTo returns the messages of type t to node to among ms.
func msgsTo(ms []Message, t MessageType, to uint64) []Message {
	var out []Message
	for _, m := range ms {
		if m.Type == t && m.To == to {
			out = append(out, m)
		}
	}
	return out
}

// Several proposals stepped between two Readys leave as one append per
// follower, and a commit advance stepped in the same turn as a proposal
// rides on that proposal's append.
func TestAppendsCoalesce(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil)
	nw.elect(1)
	nw.stabilize()
	leader := nw.nodes[1].rn
	for _, d := range []string{"a", "b", "c", "d", "e"} {
		if err := leader.Propose([]byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	nw.handleReady(1)
	sent := nw.queue
	nw.queue = nil
	for _, to := range []uint64{2, 3} {
		apps := msgsTo(sent, MsgApp, to)
		if len(apps) != 1 || len(apps[0].Entries) != 5 {
			t.Fatalf("to %d: %d appends (%+v), want one carrying the 5 entries", to, len(apps), apps)
		}
		for i, e := range apps[0].Entries {
			if e.Index != apps[0].Index+1+uint64(i) || string(e.Data) != string("abcde"[i]) {
				t.Fatalf("to %d: entry %d is %d %q", to, i, e.Index, e.Data)
			}
		}
	}
	// The followers append and answer; their answers commit the entries,
	// and a proposal stepped in the same turn leaves in one append that
	// also carries the new commit index.
	committed := nw.raft(1).log.committed
	for _, to := range []uint64{2, 3} {
		nw.deliver(msgsTo(sent, MsgApp, to)[0])
		nw.handleReady(to)
	}
	answers := nw.queue
	nw.queue = nil
	for _, m := range answers {
		nw.deliver(m)
	}
	if nw.raft(1).log.committed <= committed {
		t.Fatalf("commit index %d did not advance past %d", nw.raft(1).log.committed, committed)
	}
	if err := leader.Propose([]byte("f")); err != nil {
		t.Fatal(err)
	}
	nw.handleReady(1)
	for _, to := range []uint64{2, 3} {
		apps := msgsTo(nw.queue, MsgApp, to)
		if len(apps) != 1 || len(apps[0].Entries) != 1 || apps[0].Commit != nw.raft(1).log.committed {
			t.Fatalf("to %d: appends %+v, want one carrying the new entry and commit %d", to, apps, nw.raft(1).log.committed)
		}
	}
	nw.stabilize()
	for _, id := range ids(3) {
		if got := strings.Join(nw.appliedData(id), ","); got != "a,b,c,d,e,f" {
			t.Fatalf("node %d applied %q", id, got)
		}
	}
	nw.checkLogMatching()
}

// Appends are not folded beyond the message size limit, and a follower
// that steps several appends in one turn answers once, with the highest
// index.
func TestAppendsCoalesceWithinSizeLimit(t *testing.T) {
	nw := newTestNetwork(t, ids(3), nil, func(c *Config) { c.MaxSizePerMsg = 1 })
	nw.elect(1)
	nw.stabilize()
	leader := nw.nodes[1].rn
	for _, d := range []string{"a", "b", "c"} {
		if err := leader.Propose([]byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	rd := leader.Ready()
	apps := msgsTo(rd.Messages, MsgApp, 2)
	if len(apps) != 3 {
		t.Fatalf("%d appends to node 2 with a 1-byte limit, want 3 (one entry each)", len(apps))
	}
	nw.nodes[1].st.Append(rd.Entries)
	leader.Advance(rd)
	f := nw.nodes[2].rn
	for _, m := range apps {
		if err := f.Step(m); err != nil {
			t.Fatal(err)
		}
	}
	frd := f.Ready()
	resps := msgsTo(frd.Messages, MsgAppResp, 1)
	if len(resps) != 1 || resps[0].Reject || resps[0].Index != apps[2].Entries[0].Index {
		t.Fatalf("acknowledgements %+v, want one up to index %d", resps, apps[2].Entries[0].Index)
	}
}
