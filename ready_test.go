package raftsql

import (
	"strings"
	"testing"
	"time"

	"github.com/raftsql/raftsql/membership"
)

// Each readiness rule, on a node built without Start: the first rule that
// fails is the reason.
func TestNotReadyReasons(t *testing.T) {
	const self, other = 1, 2
	newNode := func() *Node {
		n := &Node{id: self, cfg: Config{Name: "n1", ElectionTicks: 10, TickInterval: 15 * time.Millisecond, ReadyLag: 100, WriteTimeout: time.Second},
			names: map[uint64]string{self: "n1", other: "n2"}, ver: newVerifier()}
		conf := membership.Config{Voters: []uint64{self, other}}
		n.conf.Store(&conf)
		n.bornFlag.Store(true)
		return n
	}
	for _, tc := range []struct {
		name   string
		setup  func(n *Node)
		kind   string
		reason string
	}{
		{"leader, caught up", func(n *Node) { n.leader.Store(self); n.commit.Store(50); n.applied = 50 }, "", ""},
		{"no leader", func(n *Node) { n.health.leaderlessSince.Store(time.Now().UnixNano()) }, "leaderless", "no leader known"},
		{"follower, leader heard", func(n *Node) { n.leader.Store(other); n.contacts.heard(other, time.Now()) }, "", ""},
		{"follower, leader silent", func(n *Node) {
			n.leader.Store(other)
			n.contacts.heard(other, time.Now().Add(-time.Minute))
		}, "leader-silent", "no message from the leader n2"},
		{"lagging", func(n *Node) { n.leader.Store(self); n.commit.Store(1000); n.applied = 10 }, "lagging", "990 entries behind"},
		{"not a member", func(n *Node) {
			n.leader.Store(other)
			conf := membership.Config{Voters: []uint64{other}}
			n.conf.Store(&conf)
		}, "joining", "not yet a member"},
		{"diverged", func(n *Node) { n.leader.Store(self); n.ver.diverged = "check 7 differs" }, "diverged", "check 7 differs"},
		{"closing", func(n *Node) { n.leader.Store(self); n.closed = true }, "closing", "shutting down"},
		{"unborn", func(n *Node) { n.bornFlag.Store(false) }, "unborn", "waiting for the other initial members"},
	} {
		n := newNode()
		tc.setup(n)
		kind, reason := n.notReady()
		if kind != tc.kind || !strings.Contains(reason, tc.reason) {
			t.Errorf("%s: notReady() = %q, %q; want %q containing %q", tc.name, kind, reason, tc.kind, tc.reason)
		}
		if rd := n.Readiness(); rd.Ready != (tc.kind == "") || rd.Reason != reason {
			t.Errorf("%s: Readiness() = %+v", tc.name, rd)
		}
	}
}

// A node refuses clients at once only when it has been without a leader
// for longer than the write timeout: an election in progress is waited for.
func TestUnavailableAfterTheWriteTimeout(t *testing.T) {
	n := &Node{id: 1, cfg: Config{Name: "n1", WriteTimeout: time.Second}}
	n.health.leaderlessSince.Store(time.Now().UnixNano())
	if err := n.unavailable(); err != nil {
		t.Fatalf("just lost the leader: %v", err)
	}
	n.health.leaderlessSince.Store(time.Now().Add(-2 * time.Second).UnixNano())
	err := n.unavailable()
	if ne, ok := err.(*NodeError); !ok || ne.Code != "57P03" || !strings.Contains(ne.Msg, "no leader for") {
		t.Fatalf("leaderless past the write timeout: %v", err)
	}
	n.leader.Store(2)
	if err := n.unavailable(); err != nil {
		t.Fatalf("with a leader: %v", err)
	}
}
