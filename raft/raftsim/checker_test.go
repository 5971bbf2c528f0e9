package main

import (
	"testing"

	"github.com/raftsql/raftsql/raft"
)

// Each checker must fire on a fabricated violating history and stay quiet
// on the matching legal one.

func wantViolation(t *testing.T, v *violation, prop string) {
	t.Helper()
	if v == nil {
		t.Fatalf("checker missed a %q violation", prop)
	}
	if v.Property != prop {
		t.Fatalf("got property %q (%s), want %q", v.Property, v.Detail, prop)
	}
}

func wantOK(t *testing.T, v *violation) {
	t.Helper()
	if v != nil {
		t.Fatalf("unexpected violation: %v", v)
	}
}

func ent(index, term uint64, data string) raft.Entry {
	return raft.Entry{Index: index, Term: term, Data: []byte(data)}
}

func TestCheckerTwoLeadersOneTerm(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveLeader(1, 5))
	wantOK(t, c.ObserveLeader(1, 5)) // same leader observed again
	wantOK(t, c.ObserveLeader(2, 6)) // another term
	wantViolation(t, c.ObserveLeader(3, 5), propElectionSafety)
}

func TestCheckerLogMatching(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveEntry(1, ent(1, 1, "a"), 0))
	wantOK(t, c.ObserveEntry(1, ent(2, 1, "b"), 1))
	wantOK(t, c.ObserveEntry(2, ent(2, 1, "b"), 1))
	wantOK(t, c.ObserveEntry(2, ent(2, 2, "x"), 1)) // a different term at 2 is legal
	// Same (index, term), different data.
	wantViolation(t, c.ObserveEntry(3, ent(2, 1, "c"), 1), propLogMatching)
	// Same (index, term) and data, but different history before it.
	c2 := newChecker()
	wantOK(t, c2.ObserveEntry(1, ent(3, 3, "z"), 2))
	wantViolation(t, c2.ObserveEntry(2, ent(3, 3, "z"), 1), propLogMatching)
	// Terms must not decrease along a log.
	wantViolation(t, newChecker().ObserveEntry(1, ent(4, 2, "q"), 3), propLogMatching)
}

func TestCheckerDivergentApply(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveApply(1, ent(1, 1, "a"), 1, 1))
	wantOK(t, c.ObserveApply(2, ent(1, 1, "a"), 1, 3))
	wantViolation(t, c.ObserveApply(3, ent(1, 1, "b"), 1, 1), propStateMachineSafety)

	c = newChecker()
	wantOK(t, c.ObserveApply(1, ent(2, 1, "a"), 1, 2))
	wantViolation(t, c.ObserveApply(2, ent(2, 2, "a"), 1, 2), propStateMachineSafety)

	// Applying beyond the commit index.
	wantViolation(t, newChecker().ObserveApply(1, ent(5, 1, "a"), 1, 4), propStateMachineSafety)

	// Applying an entry other than the one committed at that index.
	c = newChecker()
	wantOK(t, c.ObserveCommit(1, 3, 2, 2))
	wantViolation(t, c.ObserveApply(1, ent(3, 1, "a"), 1, 3), propStateMachineSafety)
}

func TestCheckerCommitSafety(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveCommit(1, 4, 2, 2))
	wantOK(t, c.ObserveCommit(2, 4, 2, 3))
	wantOK(t, c.ObserveCommit(3, 4, 0, 3)) // compacted: term unknown
	wantViolation(t, c.ObserveCommit(3, 4, 3, 3), propCommitSafety)
}

func TestCheckerLeaderCommitRule(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveLeaderCommit(1, 4, 7, 4))
	wantOK(t, c.ObserveLeaderCommit(1, 4, 8, 0)) // compacted: unknown
	wantViolation(t, c.ObserveLeaderCommit(1, 4, 6, 2), propCommitRule)
}

func TestCheckerLeaderCompleteness(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveCommit(1, 1, 1, 1))
	wantOK(t, c.ObserveCommit(1, 2, 1, 1))
	log := map[uint64]uint64{1: 1} // lacks index 2
	termAt := func(i uint64) (uint64, bool) { t, ok := log[i]; return t, ok }
	never := func(uint64) bool { return false }
	// A leader of term 1 itself may lag (a stale leader): not checked.
	wantOK(t, c.CheckLeaderLog(2, 1, termAt, never))
	wantViolation(t, c.CheckLeaderLog(2, 2, termAt, never), propLeaderCompleteness)
	// Wrong term at a committed index.
	log[2] = 2
	wantViolation(t, c.CheckLeaderLog(2, 3, termAt, never), propLeaderCompleteness)
	log[2] = 1
	wantOK(t, c.CheckLeaderLog(2, 3, termAt, never))
	// Compacted entries are covered by the snapshot.
	delete(log, 1)
	wantOK(t, c.CheckLeaderLog(2, 3, termAt, func(i uint64) bool { return i <= 1 }))
}

func TestCheckerDurability(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveCommit(1, 1, 1, 1))
	held := map[uint64]bool{1: true, 2: true}
	holds := func(n, i, t uint64) bool { return held[n] }
	wantOK(t, c.CheckDurable([]uint64{1, 2, 3}, holds))
	wantOK(t, c.CheckDurable([]uint64{1, 2, 3, 4}, holds)) // every quorum of 4 still meets a holder
	delete(held, 2)
	wantViolation(t, c.CheckDurable([]uint64{1, 2, 3}, holds), propDurability)
}

func TestCheckerHardState(t *testing.T) {
	c := newChecker()
	wantOK(t, c.ObserveHardState(1, raft.HardState{Term: 2, Vote: 0, Commit: 3}))
	wantOK(t, c.ObserveHardState(1, raft.HardState{Term: 2, Vote: 3, Commit: 3}))
	wantViolation(t, c.ObserveHardState(1, raft.HardState{Term: 2, Vote: 2, Commit: 3}), propHardState)
	wantViolation(t, c.ObserveHardState(1, raft.HardState{Term: 1, Vote: 2, Commit: 3}), propHardState)
	wantViolation(t, c.ObserveHardState(1, raft.HardState{Term: 5, Vote: 2, Commit: 2}), propHardState)
}

func TestCheckerStaleRead(t *testing.T) {
	c := newChecker()
	// Five writes applied (count 1..5 at indexes 1..5).
	for i := uint64(1); i <= 5; i++ {
		wantOK(t, c.ObserveApply(1, ent(i, 1, "w"+string(rune('0'+i))), i, i))
		wantOK(t, c.ObserveCommit(1, i, 1, 1))
	}
	c.ReadStart(1, 2)
	wantOK(t, c.ReadIndex(1, 5))
	wantViolation(t, c.ReadDone(1, 3), propLinearizableRead) // stale: misses acknowledged writes

	c.ReadStart(2, 2)
	wantViolation(t, c.ReadIndex(2, 4), propLinearizableRead) // read index below the commit index

	c.ReadStart(3, 2)
	wantViolation(t, c.ReadDone(3, 9), propLinearizableRead) // value nobody applied yet

	c.ReadStart(4, 2)
	wantOK(t, c.ObserveApply(1, ent(6, 1, "w6"), 6, 6))
	wantOK(t, c.ReadDone(4, 6)) // a newer value is fine
	c.ReadStart(5, 3)
	wantOK(t, c.ReadDone(5, 6))

	wantViolation(t, c.ReadDone(99, 1), propLinearizableRead) // never started
}

func TestParseFaults(t *testing.T) {
	f, err := parseFaults("drop=0.5, crash=0", defaultFaults)
	if err != nil || f.Drop != 0.5 || f.Crash != 0 || f.Dup != defaultFaults.Dup {
		t.Fatalf("got %+v, %v", f, err)
	}
	if f, err := parseFaults("none", defaultFaults); err != nil || f != (faultRates{}) {
		t.Fatalf("none: %+v %v", f, err)
	}
	for _, bad := range []string{"drop", "drop=2", "bogus=0.1", "dup=x"} {
		if _, err := parseFaults(bad, defaultFaults); err == nil {
			t.Errorf("parseFaults(%q) accepted", bad)
		}
	}
	back, err := parseFaults(defaultFaults.String(), faultRates{})
	if err != nil || back != defaultFaults {
		t.Fatalf("round trip: %+v %v", back, err)
	}
}
