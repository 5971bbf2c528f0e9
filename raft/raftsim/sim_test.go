package main

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// testSeeds is the number of seeds TestSeeds runs (RAFTSIM_SEEDS overrides).
func testSeeds(t *testing.T) int {
	n := 400
	if testing.Short() {
		n = 20
	}
	if s := os.Getenv("RAFTSIM_SEEDS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("RAFTSIM_SEEDS=%q: %v", s, err)
		}
		n = v
	}
	return n
}

// TestSeeds runs the default fault mix on seeds 1..400 (3 and 5 nodes) and
// requires every safety and liveness check to pass.
func TestSeeds(t *testing.T) {
	base := options{Steps: defaultSteps, HealSteps: defaultHealSteps, Faults: defaultFaults}
	requirePass(t, base, testSeeds(t))
}

// requirePass runs seeds 1..n with base, reports the first failures (with
// their replay commands) and returns the results.
func requirePass(t *testing.T, base options, n int) []result {
	t.Helper()
	var list []uint64
	for i := 1; i <= n; i++ {
		list = append(list, uint64(i))
	}
	results := runSeeds(list, base, 0)
	failed := 0
	for _, r := range results {
		if r.V == nil {
			continue
		}
		failed++
		if failed <= 5 {
			var b bytes.Buffer
			report(&b, r, base)
			t.Errorf("%s", b.String())
		}
	}
	if failed > 0 {
		t.Errorf("%d of %d seeds failed", failed, n)
	}
	return results
}

// TestDeterministic: the same seed gives the identical run; a different
// seed gives a different one.
func TestDeterministic(t *testing.T) {
	for _, seed := range []uint64{3, 8, 11} {
		o := options{Seed: seed, Steps: 400, Faults: defaultFaults}
		a, b := runSeed(o), runSeed(o)
		if a.Digest != b.Digest || a.Stats != b.Stats || (a.V == nil) != (b.V == nil) {
			t.Fatalf("seed %d not deterministic: %x %+v vs %x %+v", seed, a.Digest, a.Stats, b.Digest, b.Stats)
		}
		if a.V != nil && a.V.Detail != b.V.Detail {
			t.Fatalf("seed %d: different failures %q vs %q", seed, a.V.Detail, b.V.Detail)
		}
		o.Seed += 100
		if c := runSeed(o); c.Digest == a.Digest {
			t.Fatalf("seeds %d and %d gave the same run", seed, o.Seed)
		}
	}
}

// TestFaultsHappen guards against a simulator that silently injects
// nothing: over a few seeds every kind of fault and client operation must
// actually occur.
func TestFaultsHappen(t *testing.T) {
	var tot runStats
	for seed := uint64(1); seed <= 10; seed++ {
		r := runSeed(options{Seed: seed, Steps: 600, Faults: defaultFaults, EarlySnapshot: true, ReportUnreachable: true})
		s := r.Stats
		tot.Writes += s.Writes
		tot.Applied += s.Applied
		tot.Reads += s.Reads
		tot.ReadsDone += s.ReadsDone
		tot.Crashes += s.Crashes
		tot.Partitions += s.Partitions
		tot.ConfChanges += s.ConfChanges
		tot.Transfers += s.Transfers
		tot.Elections += s.Elections
		tot.Snapshots += s.Snapshots
	}
	for name, v := range map[string]int{
		"writes": tot.Writes, "applied writes": tot.Applied, "reads": tot.Reads, "completed reads": tot.ReadsDone,
		"crashes": tot.Crashes, "partitions": tot.Partitions, "conf changes": tot.ConfChanges,
		"transfers": tot.Transfers, "elections": tot.Elections, "snapshot installs": tot.Snapshots,
	} {
		if v == 0 {
			t.Errorf("no %s in 10 seeds: %+v", name, tot)
		}
	}
	// Without faults nothing may fail.
	for seed := uint64(1); seed <= 10; seed++ {
		if r := runSeed(options{Seed: seed, Steps: 300, Faults: faultRates{}}); r.V != nil {
			t.Errorf("seed %d without faults: %v", seed, r.V)
		}
	}
}

// TestMainOutput checks the command's contract: last line "N passed, M
// failed", exit code 1 iff something failed.
func TestMainOutput(t *testing.T) {
	var out, errb bytes.Buffer
	code := mainErr([]string{"-seeds", "3", "-faults", "none", "-steps", "200"}, &out, &errb)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "3 passed, 0 failed" || code != 0 {
		t.Fatalf("exit %d, last line %q\n%s%s", code, last, out.String(), errb.String())
	}
	out.Reset()
	code = mainErr([]string{"-seeds", "1", "-heal", "1", "-faults", "none", "-steps", "1"}, &out, &errb)
	lines = strings.Split(strings.TrimSpace(out.String()), "\n")
	if last := lines[len(lines)-1]; last != "0 passed, 1 failed" || code != 1 {
		t.Fatalf("impossible liveness bound: exit %d, last line %q", code, last)
	}
	if !strings.Contains(out.String(), "FAIL seed=1") || !strings.Contains(out.String(), "replay: go run ./raft/raftsim -seed 1") {
		t.Fatalf("failure report lacks seed or replay line:\n%s", out.String())
	}
}
