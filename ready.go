package raftsql

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/adminhttp"
)

// Readiness: whether clients should be sent to this node (/readyz, the
// status page, the "raftsql is ready" log line). A node is ready when it
// runs (not stopped, not closing, not removed), is not diverged, is a
// member of its applied configuration, knows a leader it heard from
// recently (or is the leader), and has applied within Config.ReadyLag
// entries of its commit index.
//
// Honest failure: a node that cannot take part in its cluster (its peers
// refuse it, e.g. a cluster id mismatch; or no leader for longer than the
// write timeout, which means no quorum is reachable) refuses writes and
// linearizable reads at once with 57P03 and the reason (unavailable),
// instead of making every client wait out the write timeout. Nothing has
// been proposed when it refuses, so "not applied" is the truth.

// health is the node's readiness bookkeeping.
type health struct {
	// leaderlessSince is when the node last lost (or, at start, had no)
	// leader, in Unix nanoseconds; 0 while it knows one.
	leaderlessSince atomic.Int64
	changes         atomic.Uint64 // leader changes seen (a metric)
	// lastKind is the kind of the last readiness logged (watchReadiness).
	lastKind string
	ready    chan struct{} // closed the first time the node is ready
	once     atomicOnce
}

// atomicOnce closes a channel once, from whichever goroutine gets there.
type atomicOnce struct{ done atomic.Bool }

func (o *atomicOnce) do(f func()) {
	if o.done.CompareAndSwap(false, true) {
		f()
	}
}

// readinessPoll is how often the node re-evaluates its readiness to log
// changes.
const readinessPoll = 250 * time.Millisecond

// noteLeader records a change of the known leader (driver).
func (n *Node) noteLeader(lead uint64) {
	n.health.changes.Add(1)
	if lead == 0 {
		n.health.leaderlessSince.CompareAndSwap(0, time.Now().UnixNano())
	} else {
		n.health.leaderlessSince.Store(0)
	}
}

// leaderless returns how long the node has known no leader (0: it knows one).
func (n *Node) leaderless() time.Duration {
	since := n.health.leaderlessSince.Load()
	if since == 0 || n.leader.Load() != 0 {
		return 0
	}
	return time.Since(time.Unix(0, since))
}

func (n *Node) electionTimeout() time.Duration {
	return time.Duration(n.cfg.ElectionTicks) * n.cfg.TickInterval
}

// notReady says why the node is not ready: kind is a stable key (one log
// line per kind), reason the line for people. Both are "" when ready.
func (n *Node) notReady() (kind, reason string) {
	if err := n.Err(); err != nil {
		return "stopped", "the node stopped: " + err.Error()
	}
	if n.isClosed() {
		return "closing", "the node is shutting down"
	}
	if why := n.divergedReason(); why != "" {
		return "diverged", "this replica is diverged (its data differs from the majority's): " + why
	}
	if !n.born() {
		if why := n.peerRefusal(); why != "" {
			return "refused", "cannot join the cluster: a member of a new cluster that a peer refuses: " + why
		}
		return "unborn", "a member of a new cluster, waiting for the other initial members to start and vouch for it (the cluster forms once all have started; docs/design.md, \"Birth of a cluster\")"
	}
	if conf := n.conf.Load(); conf != nil && !conf.Contains(n.id) {
		return "joining", "not yet a member of the cluster's configuration (joining)"
	}
	lead := n.leader.Load()
	if lead == 0 {
		d := n.leaderless().Round(time.Millisecond)
		if why := n.peerRefusal(); why != "" {
			return "refused", fmt.Sprintf("cannot join the cluster: no leader for %s and a peer refuses this node: %s", d, why)
		}
		return "leaderless", fmt.Sprintf("no leader known for %s (no quorum of voters reachable?)", d)
	}
	if lead != n.id {
		bound := 2 * n.electionTimeout()
		if t, ok := n.contacts.get(lead); !ok || time.Since(t) > bound {
			since := "never"
			if ok {
				since = time.Since(t).Round(time.Millisecond).String() + " ago"
			}
			return "leader-silent", fmt.Sprintf("no message from the leader %s within %s (last: %s)", n.nameOf(lead), bound, since)
		}
	}
	if commit, applied := n.commit.Load(), n.AppliedIndex(); commit > applied+n.cfg.ReadyLag {
		return "lagging", fmt.Sprintf("applied index %d is %d entries behind the commit index %d (ready within %d)", applied, commit-applied, commit, n.cfg.ReadyLag)
	}
	return "", ""
}

// peerRefusal is why a peer refuses this node's connections (a handshake
// refusal such as a cluster id mismatch), or "".
func (n *Node) peerRefusal() string {
	if n.tr == nil {
		return ""
	}
	conf := n.conf.Load()
	if conf == nil {
		return ""
	}
	for _, id := range conf.IDs() {
		if id == n.id {
			continue
		}
		if st, ok := n.tr.PeerStats(id); ok && strings.Contains(st.LastErr, "handshake") && strings.Contains(st.LastErr, "rejected") {
			why := fmt.Sprintf("%s: %s", n.nameOf(id), st.LastErr)
			if strings.Contains(st.LastErr, "cluster id mismatch") {
				why += " (this data directory belongs to another cluster than its peers: check --initial-cluster, --join and --data-dir)"
			}
			return why
		}
	}
	return ""
}

// Readiness reports whether the node is ready, and why not.
func (n *Node) Readiness() adminhttp.Readiness {
	_, reason := n.notReady()
	return adminhttp.Readiness{Ready: reason == "", Reason: reason}
}

// Ready is closed the first time the node is ready.
func (n *Node) Ready() <-chan struct{} { return n.health.ready }

// unavailable is the error a write or linearizable read gets at once,
// before anything is proposed, when the node cannot take part in its
// cluster (see the comment at the top); nil otherwise.
func (n *Node) unavailable() error {
	if n.leader.Load() != 0 {
		return nil
	}
	if why := n.peerRefusal(); why != "" {
		return &NodeError{Code: "57P03", Msg: fmt.Sprintf("raftsql: node %s cannot serve writes or linearizable reads: it cannot join its cluster: a peer refuses it: %s", n.cfg.Name, why)}
	}
	if d := n.leaderless(); d > n.cfg.WriteTimeout {
		return &NodeError{Code: "57P03", Msg: fmt.Sprintf("raftsql: node %s cannot serve writes or linearizable reads: no leader for %s (no quorum of voters reachable); SET raftsql.read_consistency = 'stale' reads local data", n.cfg.Name, d.Round(time.Millisecond))}
	}
	return nil
}

// watchReadiness logs each change of readiness in one line, and closes
// Ready the first time the node is ready.
func (n *Node) watchReadiness(ctx context.Context) {
	t := time.NewTicker(readinessPoll)
	defer t.Stop()
	for {
		kind, reason := n.notReady()
		if (kind == "leaderless" || kind == "unborn") && n.health.lastKind == "init" && n.leaderless() < 10*n.electionTimeout() {
			// Starting: the first election (and a new cluster's birth)
			// is not news.
			kind = "init"
		}
		if kind != n.health.lastKind {
			switch {
			case kind == "":
				n.health.once.do(func() { close(n.health.ready) })
				if n.health.lastKind != "" && n.health.lastKind != "init" {
					n.log.Info("node is ready again")
				}
			case kind != "closing":
				n.log.Warn("node is not ready: "+reason, "reason", kind)
			}
			n.health.lastKind = kind
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
