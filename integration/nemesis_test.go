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
	// dropped is the bytes the proxies dropped during the steps that
	// included each kind of fault; isolations counts the steps that
	// isolated the leader alone (held to the end), deposed those in which
	// the others elected another leader within the hold. A cut that drops
	// nothing, or an isolated leader that stays everyone's leader, means
	// the faults are not reaching the traffic (problems).
	dropped             map[string]int64
	isolations, deposed int
}

func newNemesis(fc *faultCluster, seed uint64, hold, quiet [2]time.Duration) *nemesis {
	return &nemesis{fc: fc, rng: rand.New(rand.NewPCG(seed, 0x6e656d)), hold: hold, quiet: quiet,
		counts: map[string]int{}, dropped: map[string]int64{}}
}

// faultKinds are the faults a step chooses from.
var faultKinds = []string{
	"kill", "kill-leader", "pause", "pause-leader", "cut-one-way", "cut-two-way",
	"isolate-leader", "partition-majority-minority", "bridge", "latency", "reset", "bandwidth",
	"transfer-leader", "checkpoint", "replace-member",
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
		before := n.fc.droppedBytes()
		var kinds []string
		isolated := -1
		for range faults {
			kind := faultKinds[n.rng.IntN(len(faultKinds))]
			kinds = append(kinds, kind)
			if i := n.apply(kind); i >= 0 {
				isolated = i
			}
		}
		if isolated >= 0 && faults == 1 {
			n.holdIsolated(ctx, isolated, n.between(n.hold))
		} else {
			sleepCtx(ctx, n.between(n.hold))
		}
		delta := n.fc.droppedBytes() - before
		for _, k := range kinds {
			n.dropped[k] += delta
		}
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

// holdIsolated holds the isolation of leader i for d, and meanwhile
// watches whether the other nodes depose it.
func (n *nemesis) holdIsolated(ctx context.Context, i int, d time.Duration) {
	end := time.Now().Add(d)
	for ctx.Err() == nil && time.Now().Before(end) {
		if ok, _, _ := n.fc.deposed(i); ok {
			n.isolations++
			n.deposed++
			sleepCtx(ctx, time.Until(end))
			return
		}
		sleepCtx(ctx, 50*time.Millisecond)
	}
	if ctx.Err() == nil {
		n.isolations++
	}
}

// apply applies one fault; for isolate-leader it returns the isolated
// node when it was the leader (else -1).
func (n *nemesis) apply(kind string) (isolatedLeader int) {
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
		l := fc.currentLeader()
		if l < 0 {
			fc.isolate(perm[0])
			return -1
		}
		fc.isolate(l)
		return l
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
	case "transfer-leader":
		if l := fc.currentLeader(); l >= 0 {
			for _, j := range perm {
				if j != l && fc.running(j) {
					fc.transferLeader(l, j)
					break
				}
			}
		}
	case "checkpoint":
		if fc.running(perm[0]) {
			fc.checkpoint(perm[0])
		}
	case "replace-member":
		// Only with every member up, through the leader, so that the
		// removal's outcome is known (see faultCluster.replace).
		l := fc.currentLeader()
		all := l >= 0
		for j := range size {
			all = all && fc.running(j)
		}
		if !all {
			fc.logf("replace a member: skipped (not every member is up)")
			n.counts[kind]-- // counted only when it happens
			break
		}
		for _, j := range perm {
			if j != l {
				fc.replace(j, l)
				break
			}
		}
	}
	return -1
}

// networkProblems are the signs that the network faults did not reach
// the peer traffic. Only faults that always cut a link some node is
// sending on are required to drop bytes: an isolated leader's
// heartbeats, a partition's traffic across (a cut between two followers
// may carry nothing).
func (n *nemesis) networkProblems() []string {
	var problems []string
	for _, k := range []string{"isolate-leader", "partition-majority-minority"} {
		if n.counts[k] > 0 && n.dropped[k] == 0 {
			problems = append(problems, fmt.Sprintf("%d %s faults dropped no peer traffic: the proxies are not in the path", n.counts[k], k))
		}
	}
	if n.isolations > 0 && n.deposed == 0 {
		problems = append(problems, fmt.Sprintf("the leader was isolated %d times and never deposed", n.isolations))
	}
	return problems
}

// report is the fault counts, for the test log and the artifacts.
func (n *nemesis) report() string {
	var s []string
	for _, k := range faultKinds {
		if n.counts[k] > 0 {
			s = append(s, fmt.Sprintf("%s=%d", k, n.counts[k]))
		}
	}
	var dropped []string
	for _, k := range faultKinds {
		if n.counts[k] > 0 {
			dropped = append(dropped, fmt.Sprintf("%s=%d", k, n.dropped[k]))
		}
	}
	return strings.Join(s, " ") + fmt.Sprintf("\nbytes dropped during the steps with each fault: %s\nisolated leaders deposed within the hold: %d of %d",
		strings.Join(dropped, " "), n.deposed, n.isolations)
}
