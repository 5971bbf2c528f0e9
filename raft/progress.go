package raft

import "fmt"

// inflights is a ring buffer of the last indices of the MsgApps sent to a
// follower in replicate state and not yet acknowledged.
type inflights struct {
	start, count int
	buffer       []uint64
	size         int
}

func newInflights(size int) *inflights { return &inflights{size: size} }

func (in *inflights) full() bool { return in.count == in.size }

func (in *inflights) add(last uint64) {
	if in.full() {
		panic("raft: cannot add into a full inflights window")
	}
	next := in.start + in.count
	if next >= in.size {
		next -= in.size
	}
	if next >= len(in.buffer) {
		// Grow lazily up to size.
		n := max(1, 2*len(in.buffer))
		if n > in.size {
			n = in.size
		}
		nb := make([]uint64, n)
		copy(nb, in.buffer)
		in.buffer = nb
	}
	in.buffer[next] = last
	in.count++
}

// freeLE frees all inflight MsgApps whose last index is <= to.
func (in *inflights) freeLE(to uint64) {
	if in.count == 0 || to < in.buffer[in.start] {
		return
	}
	idx := in.start
	var i int
	for i = 0; i < in.count; i++ {
		if to < in.buffer[idx] {
			break
		}
		idx++
		if idx >= in.size {
			idx -= in.size
		}
	}
	in.count -= i
	in.start = idx
	if in.count == 0 {
		in.start = 0
	}
}

func (in *inflights) freeFirst() {
	if in.count > 0 {
		in.freeLE(in.buffer[in.start])
	}
}

func (in *inflights) reset() { in.count, in.start = 0, 0 }

// progress is the leader's view of a follower.
type progress struct {
	Match, Next     uint64
	State           ProgressState
	PendingSnapshot uint64
	RecentActive    bool
	// MsgAppFlowPaused: in probe state, one MsgApp was sent and the leader
	// waits for its response (or a heartbeat response) before the next.
	MsgAppFlowPaused bool
	Inflights        *inflights
	IsLearner        bool
	// leaseAck is 1 + the leader tick at which the newest heartbeat this
	// follower acknowledged was sent (0 = none this term).
	leaseAck uint64
}

func (pr *progress) resetState(s ProgressState) {
	pr.MsgAppFlowPaused = false
	pr.PendingSnapshot = 0
	pr.State = s
	pr.Inflights.reset()
}

func (pr *progress) becomeProbe() {
	if pr.State == ProgressSnapshot {
		pending := pr.PendingSnapshot
		pr.resetState(ProgressProbe)
		pr.Next = max(pr.Match+1, pending+1)
	} else {
		pr.resetState(ProgressProbe)
		pr.Next = pr.Match + 1
	}
}

func (pr *progress) becomeReplicate() {
	pr.resetState(ProgressReplicate)
	pr.Next = pr.Match + 1
}

func (pr *progress) becomeSnapshot(snapi uint64) {
	pr.resetState(ProgressSnapshot)
	pr.PendingSnapshot = snapi
}

// sentEntries records that a MsgApp with entries up to last was sent.
func (pr *progress) sentEntries(n int, last uint64) {
	switch pr.State {
	case ProgressReplicate:
		if n > 0 {
			pr.Next = last + 1
			pr.Inflights.add(last)
		}
	case ProgressProbe:
		pr.MsgAppFlowPaused = true
	default:
		panic(fmt.Sprintf("raft: sending append in unhandled state %s", pr.State))
	}
}

// maybeUpdate records an acknowledgement of index n.
func (pr *progress) maybeUpdate(n uint64) bool {
	updated := false
	if pr.Match < n {
		pr.Match = n
		updated = true
		pr.MsgAppFlowPaused = false
	}
	pr.Next = max(pr.Next, n+1)
	return updated
}

// maybeDecrTo handles a rejection of the MsgApp whose prev index was
// rejected; matchHint is the leader's guess of the next prev index to try.
// Returns false for a stale rejection.
func (pr *progress) maybeDecrTo(rejected, matchHint uint64) bool {
	if pr.State == ProgressReplicate {
		if rejected <= pr.Match {
			return false
		}
		pr.Next = pr.Match + 1
		return true
	}
	if pr.Next-1 != rejected {
		return false
	}
	pr.Next = max(min(rejected, matchHint+1), pr.Match+1)
	pr.MsgAppFlowPaused = false
	return true
}

func (pr *progress) isPaused() bool {
	switch pr.State {
	case ProgressProbe:
		return pr.MsgAppFlowPaused
	case ProgressReplicate:
		return pr.Inflights.full()
	case ProgressSnapshot:
		return true
	}
	panic("raft: unexpected progress state")
}

func (pr *progress) export() Progress {
	return Progress{
		Match: pr.Match, Next: pr.Next, State: pr.State, PendingSnapshot: pr.PendingSnapshot,
		RecentActive: pr.RecentActive, IsLearner: pr.IsLearner, Inflight: pr.Inflights.count,
	}
}
