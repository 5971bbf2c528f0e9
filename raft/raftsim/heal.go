package main

// The heal phase: once faults stop, every member must converge on a
// marker write and serve a read within options.HealSteps (liveness); then
// the final durability checks run over every member's log.

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/raftsql/raftsql/raft"
)

// heal stops every fault, restarts crashed members and steps until the
// cluster converges on a marker write and serves a read, or fails with a
// liveness violation after opt.HealSteps steps.
func (s *sim) heal() {
	s.faultsOn, s.clientsOn = false, false
	s.healPartition()
	s.note("HEAL: no more faults; restarting crashed nodes")
	for _, id := range s.ids {
		n := s.nodes[id]
		n.pendingCrash = crashNone
		if !n.removed && !n.lost && !n.up() {
			s.restart(n)
			if s.v != nil {
				return
			}
		}
	}
	var marker uint64
	markerAt := 0
	var finalRead uint64
	start := s.step
	for s.step-start < s.opt.HealSteps {
		s.stepOnce()
		if s.v != nil {
			return
		}
		ld := s.leader()
		if ld == nil {
			continue
		}
		idx, applied := s.writeIdx[marker]
		if marker == 0 || (!applied && s.step-markerAt > 60) {
			marker = s.newWrite()
			markerAt = s.step
			err := ld.rn.Propose(encodeWrite(marker))
			s.note("heal: marker write %d at leader %d: %v", marker, ld.id, errText(err))
			continue
		}
		// A lost voter's replacement must complete too.
		if !applied || s.lost != nil || !s.converged(ld, idx) {
			continue
		}
		if finalRead == 0 {
			finalRead = s.read(ld)
			continue
		}
		if _, pending := s.readNode[finalRead]; pending {
			continue
		}
		s.stats.HealSteps = s.step - start
		s.fail(s.finalChecks())
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "cluster did not converge within %d heal steps (config %v, marker write %d, final read %d):", s.opt.HealSteps, s.cfg, marker, finalRead)
	for _, id := range s.ids {
		n := s.nodes[id]
		last, _ := n.st.LastIndex()
		fmt.Fprintf(&b, "\n    node %d up=%v removed=%v state=%s lead=%d hs=%+v last=%d applied=%d", id, n.up(), n.removed, n.state, n.lead, n.hs, last, n.sm.applied)
		if n.up() && n.state == raft.StateLeader {
			st := n.rn.Status()
			for _, pid := range slices.Sorted(maps.Keys(st.Progress)) {
				fmt.Fprintf(&b, "\n      progress %d: %+v", pid, st.Progress[pid])
			}
		}
	}
	s.fail(violated(propLiveness, "%s", b.String()))
}

// converged reports whether every member has applied everything the leader
// has, including the marker at index idx. A member that lost its disk is
// not waited for: it never runs again.
func (s *sim) converged(ld *node, idx uint64) bool {
	ldLast, _ := ld.st.LastIndex()
	if ld.sm.applied < idx || ld.sm.applied != ldLast {
		return false
	}
	for _, id := range members(s.cfg) {
		n := s.nodes[id]
		if n != nil && n.lost {
			continue
		}
		if n == nil || !n.up() {
			return false
		}
		last, _ := n.st.LastIndex()
		if n.sm.applied != ld.sm.applied || last != ldLast {
			return false
		}
	}
	return true
}

func (s *sim) finalChecks() *violation {
	if v := s.checkDurable(); v != nil {
		return v
	}
	maxC := s.chk.MaxCommit()
	for _, id := range members(s.cfg) {
		n := s.nodes[id]
		if v := s.fullLogCheck(n); v != nil {
			return v
		}
		if n.sm.applied < maxC {
			return violated(propDurability, "node %d applied only %d after healing, but %d was committed", id, n.sm.applied, maxC)
		}
		for i := uint64(1); i <= maxC; i++ {
			if t := s.chk.CommittedTerm(i); t != 0 && !n.holds(i, t) {
				tt, err := n.st.Term(i)
				return violated(propDurability, "node %d lost committed index %d (term %d): has term %d err %v", id, i, t, tt, err)
			}
		}
	}
	return nil
}
