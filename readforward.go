package raftsql

import "time"

// readForward is a follower's forwarded ReadIndex round in flight. While
// one is out, the reads that arrive are held in the driver and asked for
// together once its answer comes: under load one MsgReadIndex and one
// answer carry every read that arrived during a round trip, instead of
// one pair per driver turn (each pair is a driver wake-up on both nodes,
// a socket write and read each way). The cost is latency at low load: a
// read arriving during a round waits for it to end before its own starts.
//
// Holding never makes a read less fresh: a held read is asked for after
// it arrived, as any read. It never holds a read for long either: not
// once the forwarded round's answer is in, the leader has changed or the
// round is older than readHoldLimit (its answer may be lost), and the
// driver's ticker checks that at every tick.
type readForward struct {
	seq    uint64 // the round forwarded; 0: none held for
	leader uint64 // the leader it went to
	at     time.Time
}

// readHoldLimit bounds how long reads wait behind a forwarded round whose
// answer has not come: a round trip takes well under a millisecond
// unless the answer was lost (a leader change) or the machine is starved.
const readHoldLimit = 20 * time.Millisecond

// asked records round seq, asked at now, if it went to another node (a
// leader's own reads are batched by the core: one heartbeat round in
// flight).
func (f *readForward) asked(n *Node, seq uint64, now time.Time) {
	lead := n.leader.Load()
	if lead == 0 || lead == n.id {
		f.seq = 0
		return
	}
	f.seq, f.leader, f.at = seq, lead, now
}

// holds reports whether new reads wait, at now, for the forwarded round
// in flight.
func (f *readForward) holds(n *Node, inflight map[uint64]*inflightRead, now time.Time) bool {
	if f.seq == 0 {
		return false
	}
	if _, out := inflight[f.seq]; !out || n.leader.Load() != f.leader || now.Sub(f.at) > readHoldLimit {
		f.seq = 0
		return false
	}
	return true
}
