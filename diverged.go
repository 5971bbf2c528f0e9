package raftsql

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/raftsql/raftsql/sqlexec"
)

// A diverged node: its database differs from the majority's at the same
// log index (verify.go found it). Its data can no longer be trusted, so
// it serves neither reads nor writes (SQLSTATE XX001, data_corrupted),
// hands leadership away whenever it gets it, and says so in its log and
// in SHOW raftsql.verification. The mark is durable (the file DIVERGED in
// the data directory), so a restart does not make the node trusted again.
//
// Repair: the node repairs itself (repair.go): it replaces its database
// with a healthy peer's snapshot and then removes the mark. With
// Config.NoSelfRepair the operator does it: stop the node, move its
// db.sqlite aside (it replays its own Raft log, or installs its newest
// snapshot), and remove the DIVERGED file.
//
// Limits: the Raft core has no "never campaign" switch, so a diverged
// voter still votes and may win an election; it then transfers leadership
// at once to a healthy voter. Its log is the cluster's log (divergence is
// in SQLite, not in Raft), so its votes and its copy of the log stay sound.

// divergedFile is the durable mark, in the data directory.
const divergedFile = "DIVERGED"

// loadDiverged restores the mark at Start.
func (n *Node) loadDiverged() {
	b, err := os.ReadFile(filepath.Join(n.cfg.DataDir, divergedFile))
	if err != nil {
		return
	}
	why := strings.TrimSpace(string(b))
	if why == "" {
		why = "marked diverged before a restart"
	}
	n.ver.mu.Lock()
	n.ver.diverged = why
	n.ver.mu.Unlock()
	if n.cfg.NoSelfRepair {
		n.log.Error("this replica is DIVERGED: its data differs from the cluster's; it serves no reads or writes until repaired (see "+divergedFile+" in its data directory)", "reason", why)
		return
	}
	// repair logs the one line that says what happens.
	n.requestRepair("marked DIVERGED before a restart: " + why)
}

// recordDiverged makes the mark (already set in memory by the check that
// found it) durable, and logs it loudly.
func (n *Node) recordDiverged(why string) {
	path := filepath.Join(n.cfg.DataDir, divergedFile)
	if err := os.WriteFile(path, []byte(why+"\n"), 0o644); err != nil {
		n.log.Error("cannot record the divergence mark", "path", path, "err", err)
	}
	if n.cfg.NoSelfRepair {
		n.log.Error("this replica is DIVERGED: its data differs from the majority's at the same log index; it stops serving reads, writes and leadership. Self-repair is off: stop it, move its db.sqlite aside (it replays its own Raft log), remove "+divergedFile+"; or, to start from an empty data directory, run ALTER CLUSTER REMOVE MEMBER for it first and start it with --join (it joins as a new member)",
			"reason", why, "mark", path)
	}
	// The verify loop hands leadership away now if this node leads, and
	// at every later leader change that makes it lead.
	select {
	case n.ver.handoff <- struct{}{}:
	default:
	}
	// repair logs the one line that says what happens.
	n.requestRepair("DIVERGED: " + why)
}

// divergedReason is why this node is diverged, or repairing a damaged
// database (repair.go), and so serves nothing ("" if it is not).
func (n *Node) divergedReason() string {
	if n.ver == nil { // a Node built by a unit test, without Start
		return ""
	}
	n.ver.mu.Lock()
	why := n.ver.diverged
	n.ver.mu.Unlock()
	if why == "" && n.rep != nil && n.rep.due.Load() {
		why = "repairing: " + n.rep.reason()
	}
	return why
}

// Diverged reports whether this node found its data differing from the
// majority's, and why.
func (n *Node) Diverged() (bool, string) {
	why := n.divergedReason()
	return why != "", why
}

// errDiverged is what clients of a diverged node get.
func (n *Node) errDiverged(why string) error {
	return &NodeError{Code: "XX001", Msg: fmt.Sprintf("raftsql: node %s is diverged (%s); it serves no queries until repaired: connect to another node", n.cfg.Name, why)}
}

var _ sqlexec.ServingChecker = (*replicator)(nil)

// Serving refuses every read while the node is diverged.
func (r *replicator) Serving() error {
	n := (*Node)(r)
	if why := n.divergedReason(); why != "" {
		return n.errDiverged(why)
	}
	return nil
}

// handOffLeadership transfers leadership to a voter not known to be
// diverged.
func (n *Node) handOffLeadership(ctx context.Context) {
	_, conf, err := n.store.InitialState()
	if err != nil {
		return
	}
	n.ver.mu.Lock()
	var to uint64
	for _, id := range conf.Voters {
		if _, bad := n.ver.peers[id]; id != n.id && !bad {
			to = id
			break
		}
	}
	n.ver.mu.Unlock()
	if to == 0 {
		n.log.Error("diverged leader has no healthy voter to hand leadership to")
		return
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := n.transfer(ctx, to); err != nil && !errors.Is(err, errNodeStopped) {
		n.log.Warn("diverged leader could not hand leadership away", "to", n.nameOf(to), "err", err)
	}
}
