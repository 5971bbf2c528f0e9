package main

// Faults: the per-step fault probabilities (the -faults flag) and the
// injection of each fault: crashes at chosen points of the Ready cycle,
// membership changes, leadership transfers and network partitions.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/raftsql/raftsql/membership"
)

// faultRates is the per-step probability of each fault.
type faultRates struct {
	Drop      float64 // each message is lost
	Dup       float64 // each message is delivered twice
	Reorder   float64 // each message gets an extra random delay
	Partition float64 // a network partition starts (per step)
	Crash     float64 // a node crashes (per step)
	Member    float64 // a membership change is proposed (per step)
	Transfer  float64 // a leader transfer is requested (per step)
	// Targeted crashes (x5 on "storm" seeds, half of them):
	LeaderCrash float64 // a new leader crashes before its first messages leave
	CommitCrash float64 // a leader crashes right after advancing its commit index
	// DiskLoss wipes a voter's durable state (per step; 0 by default, so
	// the default mix and every default seed's run are unchanged). The
	// simulated operator then replaces the node by a new identity
	// (diskloss.go).
	DiskLoss float64
}

// defaultFaults is the default mix.
var defaultFaults = faultRates{
	Drop: 0.05, Dup: 0.02, Reorder: 0.1, Partition: 0.01,
	Crash: 0.005, Member: 0.004, Transfer: 0.003,
	LeaderCrash: 0.1, CommitCrash: 0.02,
}

func (f faultRates) String() string {
	s := fmt.Sprintf("drop=%g,dup=%g,reorder=%g,partition=%g,crash=%g,member=%g,transfer=%g,leadercrash=%g,commitcrash=%g",
		f.Drop, f.Dup, f.Reorder, f.Partition, f.Crash, f.Member, f.Transfer, f.LeaderCrash, f.CommitCrash)
	// Only when enabled, so that default traces (which print the mix) stay
	// byte-identical.
	if f.DiskLoss != 0 {
		s += fmt.Sprintf(",diskloss=%g", f.DiskLoss)
	}
	return s
}

// parseFaults parses "drop=0.05,dup=0.02,..." on top of base. Unknown keys
// and values outside [0,1] are errors. "none" disables every fault.
func parseFaults(s string, base faultRates) (faultRates, error) {
	f := base
	s = strings.TrimSpace(s)
	if s == "" {
		return f, nil
	}
	if s == "none" {
		return faultRates{}, nil
	}
	for _, kv := range strings.Split(s, ",") {
		kv = strings.TrimSpace(kv)
		if kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return f, fmt.Errorf("fault %q: want key=probability", kv)
		}
		p, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || p < 0 || p > 1 {
			return f, fmt.Errorf("fault %q: probability must be in [0,1]", kv)
		}
		switch strings.TrimSpace(k) {
		case "drop":
			f.Drop = p
		case "dup":
			f.Dup = p
		case "reorder":
			f.Reorder = p
		case "partition":
			f.Partition = p
		case "crash":
			f.Crash = p
		case "member":
			f.Member = p
		case "transfer":
			f.Transfer = p
		case "leadercrash":
			f.LeaderCrash = p
		case "commitcrash":
			f.CommitCrash = p
		case "diskloss":
			f.DiskLoss = p
		default:
			return f, fmt.Errorf("unknown fault %q (want drop, dup, reorder, partition, crash, member, transfer, leadercrash, commitcrash, diskloss)", k)
		}
	}
	return f, nil
}

const (
	crashNone          = 0
	crashBeforePersist = 1 // Ready taken, nothing persisted
	crashAfterPersist  = 2 // persisted, messages not sent
	crashAfterSend     = 3 // persisted and sent, not applied
)

func (s *sim) crash(n *node) {
	s.stats.Crashes++
	s.stopNode(n)
	n.downUntil = s.step + 5 + s.rng.IntN(60)
	s.note("CRASH node %d (restart at %d)", n.id, n.downUntil)
	s.fail(s.checkDurable())
}

func (s *sim) faults() {
	f := s.opt.Faults
	if s.partEnd == 0 && s.rng.Float64() < f.Partition {
		s.partition()
	}
	if s.rng.Float64() < f.Crash {
		if n := s.pick(s.live()); n != nil {
			mode := s.rng.IntN(4)
			if mode == crashNone {
				s.crash(n)
			} else {
				n.pendingCrash = mode
			}
		}
	}
	if s.v != nil {
		return
	}
	// Drawn only when enabled: the default schedule is unchanged. Before
	// the membership change so that none is proposed in the same step.
	if f.DiskLoss > 0 && s.lost == nil && s.rng.Float64() < f.DiskLoss {
		s.diskLoss()
	}
	// While a lost disk is being replaced, the operator's own changes are
	// the only membership changes (the draw is kept so that the schedule
	// does not shift).
	if s.rng.Float64() < f.Member && s.lost == nil {
		s.memberChange()
	}
	if s.rng.Float64() < f.Transfer {
		if ld := s.leader(); ld != nil {
			if others := without(s.cfg.Voters, ld.id); len(others) > 0 {
				to := others[s.rng.IntN(len(others))]
				s.stats.Transfers++
				s.note("transfer leadership %d -> %d", ld.id, to)
				ld.rn.TransferLeader(to)
			}
		}
	}
}

func (s *sim) memberChange() {
	ld := s.leader()
	if ld == nil {
		return
	}
	var cc membership.Change
	voters, learners := s.cfg.Voters, s.cfg.Learners
	r := s.rng.Float64()
	switch {
	case len(learners) > 0 && r < 0.2:
		cc = membership.Change{Type: membership.RemoveNode, NodeID: learners[0]}
	case len(learners) > 0:
		cc = membership.Change{Type: membership.PromoteLearner, NodeID: learners[0]}
	case len(voters) < s.target && r < 0.15:
		cc = membership.Change{Type: membership.AddVoter, NodeID: s.nextID}
		s.nextID++
	case len(voters) < s.target:
		cc = membership.Change{Type: membership.AddLearner, NodeID: s.nextID}
		s.nextID++
	case len(voters) >= 3:
		cc = membership.Change{Type: membership.RemoveNode, NodeID: voters[s.rng.IntN(len(voters))]}
	default:
		return
	}
	err := ld.rn.ProposeConfChange(cc)
	s.note("propose conf change %v node %d at leader %d: %v", cc.Type, cc.NodeID, ld.id, errText(err))
}

func (s *sim) partition() {
	var ids []uint64
	for _, n := range s.live() {
		ids = append(ids, n.id)
	}
	for _, id := range s.ids {
		if n := s.nodes[id]; !n.removed && !n.up() {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	if len(ids) < 2 {
		return
	}
	s.rng.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	cut := func(a, b []uint64, oneWay bool) {
		for _, x := range a {
			for _, y := range b {
				s.blocked[[2]uint64{x, y}] = true
				if !oneWay {
					s.blocked[[2]uint64{y, x}] = true
				}
			}
		}
	}
	kind := s.rng.IntN(6)
	var desc string
	switch kind {
	case 0: // random symmetric split
		k := 1 + s.rng.IntN(len(ids)-1)
		cut(ids[:k], ids[k:], false)
		desc = fmt.Sprintf("symmetric %v | %v", ids[:k], ids[k:])
	case 1: // one-way: a node cannot send to (some of) the others
		k := 1 + s.rng.IntN(len(ids)-1)
		cut(ids[:1], ids[1:1+k], true)
		desc = fmt.Sprintf("one-way %v -/-> %v", ids[:1], ids[1:1+k])
	case 2: // isolate the leader
		ld := s.leader()
		if ld == nil {
			return
		}
		cut([]uint64{ld.id}, without(ids, ld.id), false)
		desc = fmt.Sprintf("isolate leader %d", ld.id)
	case 3: // majority / minority
		k := len(ids) / 2
		if k == 0 {
			k = 1
		}
		cut(ids[:k], ids[k:], false)
		desc = fmt.Sprintf("minority %v | majority %v", ids[:k], ids[k:])
	case 4: // bridge: two sides that only talk through one node
		if len(ids) < 3 {
			return
		}
		b := ids[0]
		rest := ids[1:]
		k := 1 + s.rng.IntN(len(rest)-1)
		cut(rest[:k], rest[k:], false)
		desc = fmt.Sprintf("bridge %d between %v and %v", b, rest[:k], rest[k:])
	case 5: // leader can send but not receive (one-way into the leader)
		ld := s.leader()
		if ld == nil {
			return
		}
		cut(without(ids, ld.id), []uint64{ld.id}, true)
		desc = fmt.Sprintf("leader %d deaf (one-way)", ld.id)
	}
	s.partEnd = s.step + 10 + s.rng.IntN(90)
	s.stats.Partitions++
	s.note("PARTITION %s until %d", desc, s.partEnd)
}

func (s *sim) healPartition() {
	if len(s.blocked) > 0 {
		s.note("partition healed")
	}
	clear(s.blocked)
	s.partEnd = 0
}

// without returns ids except id, in order.
func without(ids []uint64, id uint64) []uint64 {
	var out []uint64
	for _, x := range ids {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}
