package main

import (
	"bytes"
	"testing"
)

// TestDiskLossReplacedByNewMember runs seeds with the disk-loss fault on:
// every safety check and the heal phase (which waits for the replacement,
// not for the lost member) must pass, and replacements must happen.
func TestDiskLossReplacedByNewMember(t *testing.T) {
	n := testSeeds(t) / 2
	faults := defaultFaults
	faults.DiskLoss = 0.005
	base := options{Steps: defaultSteps, HealSteps: defaultHealSteps, Faults: faults}
	losses, initial, replaced := 0, 0, 0
	for _, r := range requirePass(t, base, n) {
		losses += r.DiskLosses
		initial += r.InitialDiskLosses
		replaced += r.Replaced
	}
	// Every loss is replaced by the end of the heal phase, members of the
	// initial configuration included (raftsql's births keep them from
	// coming back as themselves).
	if losses == 0 || replaced != losses || initial == 0 {
		t.Errorf("%d disk losses (%d of initial members), %d replaced over %d seeds", losses, initial, replaced, n)
	}
	t.Logf("%d seeds: %d disk losses (%d of initial members), all replaced by a new member", n, losses, initial)
}

// TestDiskLossOldIDCaught is the negative test: a wiped node that comes
// back under its old id, as the voter it was, can make a quorum that lacks
// committed entries; the checker must catch it on some seed.
func TestDiskLossOldIDCaught(t *testing.T) {
	faults := defaultFaults
	faults.DiskLoss = 0.01
	for seed := uint64(1); seed <= 200; seed++ {
		r := runSeed(options{Seed: seed, Faults: faults, DiskLossOldID: true})
		if r.V == nil {
			continue
		}
		switch r.V.Property {
		case propLiveness, propPanic, propDriver:
			t.Fatalf("seed %d: want a safety violation, got %v", seed, r.V)
		}
		t.Logf("seed %d: caught: %v", seed, r.V)
		return
	}
	t.Fatal("no seed in 1..200 caught a wiped node rejoining under its old id")
}

// TestDiskLossOldIDBreaksSafety: with the durability accounting off, the
// unsafe rejoin has real consequences the other checks observe: a leader
// without a committed entry, two leaders in one term, diverging logs.
func TestDiskLossOldIDBreaksSafety(t *testing.T) {
	faults := defaultFaults
	faults.DiskLoss = 0.01
	for seed := uint64(1); seed <= 200; seed++ {
		r := runSeed(options{Seed: seed, Faults: faults, DiskLossOldID: true, noDurableCheck: true})
		if r.V == nil {
			continue
		}
		switch r.V.Property {
		case propLeaderCompleteness, propElectionSafety, propLogMatching, propCommitSafety, propStateMachineSafety:
			t.Logf("seed %d: %v", seed, r.V)
			return
		}
	}
	t.Fatal("no seed in 1..200 showed a safety consequence of a wiped node rejoining under its old id")
}

// TestDiskLossFaultParses: the fault is off by default, and the default
// mix's text (printed in every trace) does not mention it.
func TestDiskLossFaultParses(t *testing.T) {
	if defaultFaults.DiskLoss != 0 {
		t.Fatal("disk loss must be off by default")
	}
	f, err := parseFaults("diskloss=0.01", defaultFaults)
	if err != nil || f.DiskLoss != 0.01 {
		t.Fatalf("got %+v, %v", f, err)
	}
	back, err := parseFaults(f.String(), faultRates{})
	if err != nil || back != f {
		t.Fatalf("round trip: %+v %v", back, err)
	}
	if bytes.Contains([]byte(defaultFaults.String()), []byte("diskloss")) {
		t.Fatal("default mix mentions diskloss")
	}
}
