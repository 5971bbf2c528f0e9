package main

import (
	"fmt"
	"hash/fnv"

	"github.com/raftsql/raftsql/raft"
)

// Property names reported by the checker.
const (
	propElectionSafety     = "election safety"
	propLogMatching        = "log matching"
	propLeaderCompleteness = "leader completeness"
	propStateMachineSafety = "state machine safety"
	propCommitSafety       = "commit safety"
	propCommitRule         = "leader commit rule"
	propDurability         = "committed entry durability"
	propHardState          = "hard state monotonicity"
	propApplyOrder         = "apply order"
	propIntegrity          = "data integrity"
	propLinearizableRead   = "linearizable read"
	propLiveness           = "liveness"
	propPanic              = "panic"
	propDriver             = "driver contract"
)

// violation is one safety or liveness property that failed.
type violation struct {
	Property string
	Detail   string
}

func (v *violation) Error() string { return v.Property + ": " + v.Detail }

func violated(prop, format string, args ...any) *violation {
	return &violation{Property: prop, Detail: fmt.Sprintf(format, args...)}
}

// entryHash identifies an entry's payload (type and data).
func entryHash(typ raft.EntryType, data []byte) uint64 {
	h := fnv.New64a()
	h.Write([]byte{byte(typ)})
	h.Write(data)
	return h.Sum64()
}

type logKey struct{ index, term uint64 }

type logInfo struct {
	hash     uint64
	prevTerm uint64
	node     uint64 // first node seen with it
}

type commitRec struct {
	term       uint64
	commitTerm uint64 // smallest current term of a node that observed it committed
	node       uint64
}

type applyRec struct {
	term  uint64
	hash  uint64
	count uint64 // writes (non-empty normal entries) applied up to and including this index
	node  uint64
}

type readRec struct {
	node       uint64
	lowerCount uint64 // count at the highest index applied anywhere when the read started
	lowerIndex uint64 // highest index observed committed anywhere when the read started
	done       bool
}

// checker accumulates the observed history of a run and checks the Raft
// safety properties incrementally. Every method returns a non-nil
// *violation when the history it has seen so far violates a property. It
// knows nothing about the simulator, so tests can feed it fabricated
// histories.
type checker struct {
	leaders    map[uint64]uint64 // term -> leader
	logReg     map[logKey]logInfo
	committed  []commitRec // by index; term 0 = unknown
	applied    []applyRec  // by index; term 0 = unknown
	maxCommit  uint64      // highest index observed committed
	maxApplied uint64      // highest index applied anywhere
	hs         map[uint64]raft.HardState
	reads      map[uint64]*readRec
}

// newChecker returns an empty checker.
func newChecker() *checker {
	return &checker{
		leaders: make(map[uint64]uint64),
		logReg:  make(map[logKey]logInfo),
		hs:      make(map[uint64]raft.HardState),
		reads:   make(map[uint64]*readRec),
	}
}

// ObserveLeader records that node is leader in term (election safety).
func (c *checker) ObserveLeader(node, term uint64) *violation {
	if l, ok := c.leaders[term]; ok && l != node {
		return violated(propElectionSafety, "two leaders in term %d: %d and %d", term, l, node)
	}
	c.leaders[term] = node
	return nil
}

// ObserveEntry records that node's log holds entry e whose predecessor has
// term prevTerm. Log matching holds iff every (index, term) pair always
// comes with the same payload and the same predecessor term (by induction
// the logs are then identical up to that entry).
func (c *checker) ObserveEntry(node uint64, e raft.Entry, prevTerm uint64) *violation {
	k := logKey{e.Index, e.Term}
	h := entryHash(e.Type, e.Data)
	if info, ok := c.logReg[k]; ok {
		if info.hash != h {
			return violated(propLogMatching, "entry (index %d, term %d) has different data on node %d and node %d", e.Index, e.Term, info.node, node)
		}
		if info.prevTerm != prevTerm {
			return violated(propLogMatching, "entry (index %d, term %d) follows term %d on node %d but term %d on node %d", e.Index, e.Term, info.prevTerm, info.node, prevTerm, node)
		}
		return nil
	}
	if prevTerm > e.Term {
		return violated(propLogMatching, "node %d: entry (index %d, term %d) follows an entry of higher term %d", node, e.Index, e.Term, prevTerm)
	}
	c.logReg[k] = logInfo{hash: h, prevTerm: prevTerm, node: node}
	return nil
}

// ObserveCommit records that node, in currentTerm, considers index
// committed with entry term entryTerm (entryTerm 0: entry compacted,
// unknown).
func (c *checker) ObserveCommit(node, index, entryTerm, currentTerm uint64) *violation {
	for uint64(len(c.committed)) <= index {
		c.committed = append(c.committed, commitRec{})
	}
	r := &c.committed[index]
	if entryTerm != 0 {
		if r.term != 0 && r.term != entryTerm {
			return violated(propCommitSafety, "index %d committed with term %d (node %d) and term %d (node %d)", index, r.term, r.node, entryTerm, node)
		}
		if r.term == 0 {
			r.term = entryTerm
			r.node = node
		}
	}
	if r.commitTerm == 0 || currentTerm < r.commitTerm {
		r.commitTerm = currentTerm
	}
	if index > c.maxCommit {
		c.maxCommit = index
	}
	return nil
}

// ObserveLeaderCommit checks the Figure 8 rule: a leader of term advances
// its commit index only to an entry of its own term (older entries commit
// only indirectly). entryTerm is the term of the entry at the new commit
// index (0: unknown, compacted).
func (c *checker) ObserveLeaderCommit(node, term, index, entryTerm uint64) *violation {
	if entryTerm != 0 && entryTerm != term {
		return violated(propCommitRule, "leader %d of term %d advanced its commit index to %d, an entry of term %d", node, term, index, entryTerm)
	}
	return nil
}

// CheckLeaderLog checks leader completeness for a node that became leader
// of term: every entry observed committed in an earlier term must be in its
// log. termAt returns the term of entry i in the leader's log, ok=false if
// missing; compacted reports whether i is covered by its snapshot.
func (c *checker) CheckLeaderLog(node, term uint64, termAt func(i uint64) (uint64, bool), compacted func(i uint64) bool) *violation {
	for i := uint64(1); i < uint64(len(c.committed)); i++ {
		r := c.committed[i]
		if r.commitTerm == 0 || r.commitTerm >= term {
			continue
		}
		if compacted(i) {
			continue
		}
		t, ok := termAt(i)
		if !ok {
			return violated(propLeaderCompleteness, "leader %d of term %d lacks index %d committed by term %d", node, term, i, r.commitTerm)
		}
		if r.term != 0 && t != r.term {
			return violated(propLeaderCompleteness, "leader %d of term %d has term %d at index %d, committed with term %d", node, term, t, i, r.term)
		}
	}
	return nil
}

// ObserveApply records that node applied e; count is the node's write count
// after applying it, commit the node's durable commit index.
func (c *checker) ObserveApply(node uint64, e raft.Entry, count, commit uint64) *violation {
	if e.Index > commit {
		return violated(propStateMachineSafety, "node %d applied index %d beyond its commit index %d", node, e.Index, commit)
	}
	for uint64(len(c.applied)) <= e.Index {
		c.applied = append(c.applied, applyRec{})
	}
	h := entryHash(e.Type, e.Data)
	r := &c.applied[e.Index]
	if r.term != 0 {
		if r.term != e.Term || r.hash != h {
			return violated(propStateMachineSafety, "index %d applied as (term %d, hash %x) on node %d and (term %d, hash %x) on node %d", e.Index, r.term, r.hash, r.node, e.Term, h, node)
		}
		if r.count != count {
			return violated(propStateMachineSafety, "index %d: state machine count %d on node %d, %d on node %d", e.Index, r.count, r.node, count, node)
		}
		return nil
	}
	*r = applyRec{term: e.Term, hash: h, count: count, node: node}
	if cr := c.committedAt(e.Index); cr.term != 0 && cr.term != e.Term {
		return violated(propStateMachineSafety, "node %d applied index %d term %d but term %d was committed", node, e.Index, e.Term, cr.term)
	}
	if e.Index > c.maxApplied {
		c.maxApplied = e.Index
	}
	return nil
}

// CheckSnapshotState checks a state machine image restored from a snapshot
// at index against what was applied there.
func (c *checker) CheckSnapshotState(node, index, term, count uint64) *violation {
	if cr := c.committedAt(index); cr.term != 0 && cr.term != term {
		return violated(propStateMachineSafety, "node %d installed snapshot (index %d, term %d) but term %d was committed there", node, index, term, cr.term)
	}
	if index < uint64(len(c.applied)) {
		if r := c.applied[index]; r.term != 0 && (r.term != term || r.count != count) {
			return violated(propStateMachineSafety, "node %d snapshot at index %d: term %d count %d, applied elsewhere as term %d count %d", node, index, term, count, r.term, r.count)
		}
	}
	return nil
}

func (c *checker) committedAt(i uint64) commitRec {
	if i < uint64(len(c.committed)) {
		return c.committed[i]
	}
	return commitRec{}
}

// CommittedTerm returns the term committed at index i (0 if unknown).
func (c *checker) CommittedTerm(i uint64) uint64 { return c.committedAt(i).term }

// MaxCommit is the highest index observed committed.
func (c *checker) MaxCommit() uint64 { return c.maxCommit }

// ObserveHardState checks that a node's durable HardState only moves
// forward: term and commit never decrease and the vote of a term never
// changes once cast.
func (c *checker) ObserveHardState(node uint64, hs raft.HardState) *violation {
	prev, ok := c.hs[node]
	c.hs[node] = hs
	if !ok {
		return nil
	}
	if hs.Term < prev.Term {
		return violated(propHardState, "node %d term went from %d to %d", node, prev.Term, hs.Term)
	}
	if hs.Commit < prev.Commit {
		return violated(propHardState, "node %d commit went from %d to %d", node, prev.Commit, hs.Commit)
	}
	if hs.Term == prev.Term && prev.Vote != 0 && hs.Vote != prev.Vote {
		return violated(propHardState, "node %d changed its vote in term %d from %d to %d", node, hs.Term, prev.Vote, hs.Vote)
	}
	return nil
}

// ForgetNode drops per-node state (a node removed for good).
func (c *checker) ForgetNode(node uint64) { delete(c.hs, node) }

// CheckDurable checks that every committed entry is durably held by enough
// voters that every quorum of voters contains a holder (otherwise an
// election could lose it). holds reports whether node durably holds index i
// with term t (in its log or covered by its snapshot).
func (c *checker) CheckDurable(voters []uint64, holds func(node, i, t uint64) bool) *violation {
	if len(voters) == 0 {
		return nil
	}
	quorum := len(voters)/2 + 1
	for i := uint64(1); i < uint64(len(c.committed)); i++ {
		t := c.committed[i].term
		if t == 0 {
			continue
		}
		missing := 0
		var without []uint64
		for _, v := range voters {
			if !holds(v, i, t) {
				missing++
				without = append(without, v)
			}
		}
		if missing >= quorum {
			return violated(propDurability, "committed index %d (term %d) is missing from the durable logs of %v, a quorum of voters %v", i, t, without, voters)
		}
	}
	return nil
}

// ReadStart records the invocation of linearizable read id on node.
func (c *checker) ReadStart(id, node uint64) {
	var lower uint64
	if c.maxApplied > 0 {
		lower = c.applied[c.maxApplied].count
	}
	c.reads[id] = &readRec{node: node, lowerCount: lower, lowerIndex: c.maxCommit}
}

// ReadIndex checks the read index the leader granted read id: it must cover
// every entry committed before the read started.
func (c *checker) ReadIndex(id, index uint64) *violation {
	r, ok := c.reads[id]
	if !ok || r.done {
		return nil
	}
	if index < r.lowerIndex {
		return violated(propLinearizableRead, "read %d on node %d got read index %d below index %d committed before it started", id, r.node, index, r.lowerIndex)
	}
	return nil
}

// ReadDone checks the value (write count) read id returned: at least the
// count applied anywhere when it started, at most what has been applied
// anywhere now.
func (c *checker) ReadDone(id, value uint64) *violation {
	r, ok := c.reads[id]
	if !ok {
		return violated(propLinearizableRead, "read %d completed but was never started", id)
	}
	if r.done {
		return nil
	}
	r.done = true
	if value < r.lowerCount {
		return violated(propLinearizableRead, "stale read %d on node %d: returned %d writes, but %d were applied before it started", id, r.node, value, r.lowerCount)
	}
	var upper uint64
	if c.maxApplied > 0 {
		upper = c.applied[c.maxApplied].count
	}
	if value > upper {
		return violated(propLinearizableRead, "read %d on node %d returned %d writes, but only %d were ever applied", id, r.node, value, upper)
	}
	return nil
}

// AbandonRead forgets a read that will never complete (its node crashed).
func (c *checker) AbandonRead(id uint64) { delete(c.reads, id) }
