package raftsql

import (
	"context"
	"strconv"
	"sync"
	"time"

	"github.com/raftsql/raftsql/adminhttp"
	"github.com/raftsql/raftsql/raft"
)

// SHOW CLUSTER: one row per member of the applied configuration, from this
// node's point of view. The leader knows every member's replication
// progress (match_index) and whether it heard from it within an election
// timeout (state unreachable otherwise); a follower knows only itself and
// the leader, and reports the other members' state as "unknown". A node
// knows only its own applied index. last_contact is when this node last
// received a message from the member (empty: never, or this node itself).

// clusterColumns are SHOW CLUSTER's columns.
var clusterColumns = []string{"id", "name", "raft_address", "pg_address", "role", "state", "match_index", "applied_index", "last_contact"}

// contacts records when each peer was last heard from (driver writes,
// SHOW CLUSTER reads).
type contacts struct {
	mu   sync.Mutex
	last map[uint64]time.Time
}

func (c *contacts) heard(id uint64, at time.Time) {
	c.mu.Lock()
	if c.last == nil {
		c.last = map[uint64]time.Time{}
	}
	c.last[id] = at
	c.mu.Unlock()
}

func (c *contacts) get(id uint64) (time.Time, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	t, ok := c.last[id]
	return t, ok
}

// reachable reports whether the leader counts voter id as reachable: the
// core saw it active in the last election timeout and this node heard from
// it within one election timeout (the core's flag lags by up to one).
func (n *Node) reachable(st raft.Status, id uint64) bool {
	if id == n.id {
		return true
	}
	pr, ok := st.Progress[id]
	if !ok || !pr.RecentActive {
		return false
	}
	t, ok := n.contacts.get(id)
	return ok && time.Since(t) < time.Duration(n.cfg.ElectionTicks)*n.cfg.TickInterval
}

// clusterMembers returns the members of the applied configuration as this
// node sees them (SHOW CLUSTER, the status page), and the core's status
// they were read from.
func (n *Node) clusterMembers(ctx context.Context) ([]adminhttp.Member, raft.Status, error) {
	st, err := n.Status(ctx)
	if err != nil {
		return nil, st, err
	}
	isLeader := st.SoftState.RaftState == raft.StateLeader
	commit := st.HardState.Commit
	var ms []adminhttp.Member
	for _, id := range st.Config.IDs() {
		m, _ := n.memberInfo(id)
		name := m.Name
		if name == "" {
			name = n.nameOf(id)
		}
		mem := adminhttp.Member{ID: strconv.FormatUint(id, 10), Name: name, RaftAddress: m.RaftAddr, PGAddress: m.PGAddr, Role: "voter", State: "unknown"}
		if st.Config.IsLearner(id) {
			mem.Role = "learner"
		}
		match := func(v uint64) {
			mem.MatchIndex = &v
			lag := uint64(0)
			if commit > v {
				lag = commit - v
			}
			mem.Lag = &lag
		}
		switch {
		case id == n.id:
			mem.State = raftStateName(st.SoftState.RaftState)
			applied := n.AppliedIndex()
			mem.AppliedIndex = &applied
			if isLeader {
				match(st.Progress[id].Match)
			}
		case isLeader:
			mem.State = "follower"
			if !n.reachable(st, id) {
				mem.State = "unreachable"
			}
			match(st.Progress[id].Match)
		case id == st.SoftState.Lead:
			mem.State = "leader"
		}
		if t, ok := n.contacts.get(id); ok && id != n.id {
			t = t.UTC()
			mem.LastContact = &t
		}
		ms = append(ms, mem)
	}
	return ms, st, nil
}

// showCluster returns SHOW CLUSTER's rows.
func (n *Node) showCluster(ctx context.Context) ([][]string, error) {
	ms, _, err := n.clusterMembers(ctx)
	if err != nil {
		return nil, err
	}
	u := func(v *uint64) string {
		if v == nil {
			return ""
		}
		return strconv.FormatUint(*v, 10)
	}
	rows := make([][]string, 0, len(ms))
	for _, m := range ms {
		contact := ""
		if m.LastContact != nil {
			contact = m.LastContact.Format(time.RFC3339Nano)
		}
		rows = append(rows, []string{m.ID, m.Name, m.RaftAddress, m.PGAddress, m.Role, m.State, u(m.MatchIndex), u(m.AppliedIndex), contact})
	}
	return rows, nil
}

func raftStateName(s raft.StateType) string {
	switch s {
	case raft.StateLeader:
		return "leader"
	case raft.StateCandidate, raft.StatePreCandidate:
		return "candidate"
	}
	return "follower"
}
