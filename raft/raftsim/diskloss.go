package main

// Disk loss: a fault that wipes a voter's durable state (log, hard state,
// snapshot, state machine) and the simulated operator that replaces it.
//
// Why a new identity: a node that lost its disk has forgotten its votes
// and the entries it acknowledged. Were it to come back as the voter it
// was, a quorum counting it could elect a leader that lacks a committed
// entry (options.DiskLossOldID demonstrates this; the checker catches it).
// So, as in raftsql, the lost identity never runs again: the operator
// removes it (a single-server change), adds the wiped machine back as a
// new learner under a new id, and promotes the learner once the leader has
// replicated the committed log to it. One replacement runs at a time and,
// while it runs, the random membership changes wait (a second change could
// leave a quorum that depends on the lost voter).
//
// Invariant for the durability check: a lost identity never votes again,
// so no electing quorum contains it; a committed entry is safe while the
// voters that are not lost and lack it are fewer than a quorum of the
// configuration. checkDurable therefore counts a lost voter as no threat
// (it is counted against the remaining quorum), not as a holder of data.

import (
	"slices"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// replacement is the operator's progress in replacing a lost voter.
type replacement struct {
	old     uint64 // the identity whose disk was lost
	new     uint64 // its successor (0 until the add is first proposed)
	nextTry int    // step from which the operator (re)proposes its change
}

// operatorRetry is how many steps the operator waits for a proposed change
// to commit before proposing it again (a proposal can be lost with its
// leader).
const operatorRetry = 20

// diskLoss wipes the durable state of a random voter, if the configuration
// can lose one and still form a quorum without it: at least 3 voters and no
// membership change pending (one that removed another voter would leave
// the lost one in a 2-voter configuration that can never commit again, a
// loss no operator procedure recovers from).
func (s *sim) diskLoss() {
	voters := s.cfg.Voters
	if len(voters) < 3 || s.confChangePending() {
		return
	}
	id := voters[s.rng.IntN(len(voters))]
	n := s.nodes[id]
	if n == nil || n.removed {
		return
	}
	s.diskLosses++
	if id <= uint64(s.opt.Nodes) {
		s.initialDiskLosses++
	}
	if n.up() {
		s.stopNode(n)
	}
	n.st = raft.NewMemoryStorage()
	n.sm, n.hs, n.cfg = smState{}, raft.HardState{}, membership.Config{}
	n.commitSeen, n.lastSnap = 0, 0
	n.pendingCrash = crashNone
	if s.opt.DiskLossOldID {
		// The unsafe variant: the wiped node restarts as the voter it was.
		// Its hard state restarts from zero, which is not what the checks
		// are about here.
		s.chk.ForgetNode(id)
		n.downUntil = s.step + 5 + s.rng.IntN(60)
		s.note("DISK LOSS node %d: durable state wiped; restarts under its old id at %d (unsafe variant)", id, n.downUntil)
		s.fail(s.checkDurable())
		return
	}
	n.lost = true
	s.lost = &replacement{old: id, nextTry: s.step}
	s.note("DISK LOSS node %d: durable state wiped; the operator replaces it by a new member", id)
	s.fail(s.checkDurable())
}

// confChangePending reports whether some durable log holds a configuration
// change newer than the newest one applied anywhere (s.cfgIndex): it may
// still commit. A change proposed in an earlier step is durable at its
// leader by now, or lost with it.
func (s *sim) confChangePending() bool {
	for _, id := range s.ids {
		n := s.nodes[id]
		if n.removed {
			continue
		}
		last, _ := n.st.LastIndex()
		first, _ := n.st.FirstIndex()
		lo := max(first, s.cfgIndex+1)
		if last < lo {
			continue
		}
		ents, err := n.st.Entries(lo, last+1, 1<<62)
		if err != nil {
			return true // cannot tell: be safe
		}
		for _, e := range ents {
			if e.Type == raft.EntryConfChange {
				return true
			}
		}
	}
	return false
}

// replaceLost drives the replacement of a lost voter one change at a time:
// remove the old id, add the new id as a learner, promote it once caught
// up. It runs in every step, faults or heal, and draws no randomness.
func (s *sim) replaceLost() {
	r := s.lost
	if r == nil || s.step < r.nextTry {
		return
	}
	ld := s.leader()
	if ld == nil {
		return
	}
	var cc membership.Change
	switch ms := members(s.cfg); {
	case slices.Contains(ms, r.old):
		cc = membership.Change{Type: membership.RemoveNode, NodeID: r.old}
	case r.new == 0 || !slices.Contains(ms, r.new):
		if r.new == 0 {
			r.new = s.nextID
			s.nextID++
			s.note("operator: the wiped machine of node %d rejoins as node %d", r.old, r.new)
		}
		cc = membership.Change{Type: membership.AddLearner, NodeID: r.new}
	case slices.Contains(s.cfg.Learners, r.new):
		pr, ok := ld.rn.Status().Progress[r.new]
		if !ok || pr.Match < ld.hs.Commit {
			return // not caught up yet: promoting it now could stall commits
		}
		cc = membership.Change{Type: membership.PromoteLearner, NodeID: r.new}
	default:
		s.note("operator: node %d replaced node %d (lost disk) as a voter", r.new, r.old)
		s.lost = nil
		s.replaced++
		return
	}
	r.nextTry = s.step + operatorRetry
	err := ld.rn.ProposeConfChange(cc)
	s.note("operator proposes conf change %v node %d at leader %d: %v", cc.Type, cc.NodeID, ld.id, errText(err))
}
