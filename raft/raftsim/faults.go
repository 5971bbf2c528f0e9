package main

import (
	"fmt"
	"strconv"
	"strings"
)

// Faults is the per-step probability of each fault.
type Faults struct {
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
}

// DefaultFaults is the default mix.
var DefaultFaults = Faults{
	Drop: 0.05, Dup: 0.02, Reorder: 0.1, Partition: 0.01,
	Crash: 0.005, Member: 0.004, Transfer: 0.003,
	LeaderCrash: 0.1, CommitCrash: 0.02,
}

func (f Faults) String() string {
	return fmt.Sprintf("drop=%g,dup=%g,reorder=%g,partition=%g,crash=%g,member=%g,transfer=%g,leadercrash=%g,commitcrash=%g",
		f.Drop, f.Dup, f.Reorder, f.Partition, f.Crash, f.Member, f.Transfer, f.LeaderCrash, f.CommitCrash)
}

// ParseFaults parses "drop=0.05,dup=0.02,..." on top of base. Unknown keys
// and values outside [0,1] are errors. "none" disables every fault.
func ParseFaults(s string, base Faults) (Faults, error) {
	f := base
	s = strings.TrimSpace(s)
	if s == "" {
		return f, nil
	}
	if s == "none" {
		return Faults{}, nil
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
		default:
			return f, fmt.Errorf("unknown fault %q (want drop, dup, reorder, partition, crash, member, transfer, leadercrash, commitcrash)", k)
		}
	}
	return f, nil
}
