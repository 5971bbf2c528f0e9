package integration

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// nemesis applies a seeded schedule of faults until ctx ends, then heals
// everything. Each step applies one or two faults, holds them, heals, and
// lets the cluster recover for a moment. The schedule (which fault, which
// nodes, how long) is a function of the seed; the interleaving with the
// clients' operations is not, so the seed reproduces the faults, not the
// history.
type nemesis struct {
	fc     *faultCluster
	rng    *rand.Rand
	hold   [2]time.Duration // how long a fault lasts: [min, max)
	quiet  [2]time.Duration // how long the cluster runs healed between faults
	counts map[string]int
}

func newNemesis(fc *faultCluster, seed uint64, hold, quiet [2]time.Duration) *nemesis {
	return &nemesis{fc: fc, rng: rand.New(rand.NewPCG(seed, 0x6e656d)), hold: hold, quiet: quiet, counts: map[string]int{}}
}

// faultKinds are the faults a step chooses from.
var faultKinds = []string{
	"kill", "kill-leader", "pause", "pause-leader", "cut-one-way", "cut-two-way",
	"isolate-leader", "partition-majority-minority", "bridge", "latency", "reset", "bandwidth",
}

func (n *nemesis) between(r [2]time.Duration) time.Duration {
	if r[1] <= r[0] {
		return r[0]
	}
	return r[0] + time.Duration(n.rng.Int64N(int64(r[1]-r[0])))
}

func (n *nemesis) run(ctx context.Context) {
	defer n.fc.healAll()
	for ctx.Err() == nil {
		faults := 1 + n.rng.IntN(2)
		for range faults {
			n.apply(faultKinds[n.rng.IntN(len(faultKinds))])
		}
		sleepCtx(ctx, n.between(n.hold))
		n.fc.healAll()
		sleepCtx(ctx, n.between(n.quiet))
	}
}

// sleepCtx waits d or until ctx ends: the nemesis holds a fault for a
// span of time, which is the fault, not a test waiting for a condition.
func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

func (n *nemesis) apply(kind string) {
	fc := n.fc
	size := fc.size()
	perm := n.rng.Perm(size)
	// Leader-directed faults ask the cluster; with no leader known they
	// fall back to a node the seed chose.
	leaderOr := func(fallback int) int {
		if l := fc.currentLeader(); l >= 0 {
			return l
		}
		return fallback
	}
	n.counts[kind]++
	switch kind {
	case "kill":
		if !fc.down[perm[0]] {
			fc.sigkill(perm[0])
		}
	case "kill-leader":
		if l := leaderOr(perm[0]); !fc.down[l] {
			fc.sigkill(l)
		}
	case "pause":
		fc.pause(perm[0])
	case "pause-leader":
		fc.pause(leaderOr(perm[0]))
	case "cut-one-way":
		fc.logf("cut %s -> %s (one way)", fc.nodes[perm[0]].name, fc.nodes[perm[1]].name)
		fc.cut(perm[0], perm[1])
	case "cut-two-way":
		fc.logf("cut %s <-> %s", fc.nodes[perm[0]].name, fc.nodes[perm[1]].name)
		fc.cutBoth(perm[0], perm[1])
	case "isolate-leader":
		fc.isolate(leaderOr(perm[0]))
	case "partition-majority-minority":
		minority := 1 + n.rng.IntN((size-1)/2)
		fc.partition(perm[:minority], perm[minority:])
	case "bridge":
		// perm[0] sees both sides; the others split as evenly as they can.
		rest := perm[1:]
		fc.logf("bridge %s", fc.nodes[perm[0]].name)
		fc.partition(rest[:len(rest)/2], rest[len(rest)/2:])
	case "latency":
		fc.latency(time.Duration(5+n.rng.IntN(60))*time.Millisecond, time.Duration(1+n.rng.IntN(40))*time.Millisecond)
	case "reset":
		fc.resetLinks(perm[0])
	case "bandwidth":
		fc.bandwidth((16 + n.rng.IntN(240)) << 10)
	}
}

// report is the fault counts, for the test log and the artifacts.
func (n *nemesis) report() string {
	var s []string
	for _, k := range faultKinds {
		if n.counts[k] > 0 {
			s = append(s, fmt.Sprintf("%s=%d", k, n.counts[k]))
		}
	}
	return strings.Join(s, " ")
}
