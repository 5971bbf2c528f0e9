package raftsql

import (
	"sync"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// inflightRead is one ReadIndex round this driver asked the core for.
type inflightRead struct {
	reqs  []*readRequest
	asked time.Time
}

// readRounds are the ReadIndex rounds this node's driver asked for whose
// answers have not come, by sequence number. The driver adds, expires and
// fails them; an answer is taken once, by whichever sees it first: the
// driver (a ReadState in a Ready) or, for a follower's forwarded round, the
// transport's reader goroutine that receives the leader's MsgReadIndexResp
// (answerForwardedRead), which hands the index to the waiting reads
// without a turn of the driver in between.
//
// The zero value has no rounds.
type readRounds struct {
	mu sync.Mutex
	m  map[uint64]*inflightRead
	// held: the driver holds reads behind a forwarded round (readForward)
	// that was still out when it last looked; the answer to that round
	// must then reach the driver too, which asks for the held reads on it.
	held bool
}

// add records round seq; the reads held behind the previous round are in
// it or were released by it, so none is held now.
func (rs *readRounds) add(seq uint64, r *inflightRead) {
	rs.mu.Lock()
	if rs.m == nil {
		rs.m = map[uint64]*inflightRead{}
	}
	rs.m[seq] = r
	rs.held = false
	rs.mu.Unlock()
}

// take removes round seq and returns it (nil if it is not out: answered,
// expired or never asked), with whether the driver holds reads behind it.
func (rs *readRounds) take(seq uint64) (r *inflightRead, held bool) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	r = rs.m[seq]
	if r != nil {
		delete(rs.m, seq)
	}
	return r, rs.held
}

// holdFor reports whether round seq is still out; if so the driver holds
// reads behind it from now on, and the round's answer will be passed to
// the driver whoever takes it.
func (rs *readRounds) holdFor(seq uint64) bool {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	_, out := rs.m[seq]
	if out {
		rs.held = true
	}
	return out
}

func (rs *readRounds) len() int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return len(rs.m)
}

// expire forgets the rounds asked longer than limit before now: their
// leader was deposed or their answer lost; the waiting reads retry on
// their own.
func (rs *readRounds) expire(now time.Time, limit time.Duration) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	for k, r := range rs.m {
		if now.Sub(r.asked) > limit {
			delete(rs.m, k)
		}
	}
}

// fail answers every round's reads with err and forgets them.
func (rs *readRounds) fail(err error) {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	for k, r := range rs.m {
		for _, req := range r.reqs {
			req.errc <- err
		}
		delete(rs.m, k)
	}
}

// answer hands idx to the reads of round seq of this incarnation, if it
// is out, and reports whether it was and whether reads are held behind it.
func (rs *readRounds) answer(n *Node, rctx []byte, idx uint64) (answered, held bool) {
	seq, ok := n.readRound(rctx)
	if !ok {
		return false, false
	}
	r, held := rs.take(seq)
	if r == nil {
		return false, held
	}
	for _, req := range r.reqs {
		req.done <- idx
	}
	return true, held
}

// answerForwardedRead answers a follower's forwarded round from the
// transport's reader goroutine that received the leader's answer m, and
// reports whether the driver need not see m at all: the reads waiting for
// the round get their index one goroutine hand-off sooner, and unless
// reads are held behind the round the driver is not woken for it.
//
// Taking the index here instead of after the core's Step is as safe: the
// core does nothing with a MsgReadIndexResp but turn it into a ReadState
// (raft.stepFollower), and the leader's answer is a read index confirmed
// after the round's reads began, whatever this node's term is when it
// arrives. The core would drop an answer from an older term than its own;
// one whose term is not this node's last published term goes to the core
// as before. The answer's context names the incarnation and the round, so
// only this incarnation's own rounds are answered (readRequestCtx).
func (n *Node) answerForwardedRead(m raft.Message) bool {
	if breakOlderReadAnswer || m.Type != raft.MsgReadIndexResp || len(m.Entries) != 1 || m.Term != n.term.Load() {
		return false
	}
	answered, held := n.reads.answer(n, m.Entries[0].Data, m.Index)
	if answered && !held {
		n.msgStats.direct.Add(1)
		return true
	}
	return false
}
