package raftsql

import (
	"testing"
	"time"
)

// A follower holds new reads only while its forwarded round is out, to
// the same leader, and for at most readHoldLimit; a leader never holds.
func TestReadForwardHolds(t *testing.T) {
	n := &Node{id: 1}
	n.leader.Store(2)
	t0 := time.Unix(1000, 0)
	inflight := map[uint64]*inflightRead{}
	var f readForward
	if f.holds(n, inflight, t0) {
		t.Fatal("holds with no round forwarded")
	}
	inflight[7] = &inflightRead{}
	f.asked(n, 7, t0)
	if !f.holds(n, inflight, t0.Add(readHoldLimit)) {
		t.Fatal("does not hold while the forwarded round is out")
	}
	if f.holds(n, inflight, t0.Add(readHoldLimit+time.Nanosecond)) {
		t.Fatal("holds past readHoldLimit")
	}
	f.asked(n, 7, t0)
	delete(inflight, 7) // answered
	if f.holds(n, inflight, t0) {
		t.Fatal("holds after the round's answer")
	}
	inflight[8] = &inflightRead{}
	f.asked(n, 8, t0)
	n.leader.Store(3)
	if f.holds(n, inflight, t0) {
		t.Fatal("holds after a leader change")
	}
	n.leader.Store(1) // this node leads: the core batches its rounds
	f.asked(n, 8, t0)
	if f.holds(n, inflight, t0) {
		t.Fatal("a leader holds its reads")
	}
}
