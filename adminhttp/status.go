package adminhttp

import "time"

// Readiness is the node's answer to "should clients be sent here?". Reason
// is one line saying why not (empty when ready).
type Readiness struct {
	Ready  bool   `json:"ready"`
	Reason string `json:"reason,omitempty"`
}

// Status is the cluster at a glance from one node's point of view: what
// /status.json returns and the status page renders.
type Status struct {
	Node   string `json:"node"`
	NodeID string `json:"node_id"`
	// State is this node's Raft state (leader, follower, candidate).
	State  string `json:"state"`
	Leader string `json:"leader"` // "none" while no leader is known
	Term   uint64 `json:"term"`
	// CommitIndex is this node's commit index, AppliedIndex the last
	// entry it applied to SQLite.
	CommitIndex  uint64    `json:"commit_index"`
	AppliedIndex uint64    `json:"applied_index"`
	Readiness    Readiness `json:"readiness"`
	// Verification is SHOW raftsql.verification; Transfers the outgoing
	// snapshot transfers in progress ("peer:sent/total", comma separated).
	Verification string `json:"verification"`
	Transfers    string `json:"snapshot_transfers,omitempty"`
	// Members are SHOW CLUSTER's rows.
	Members []Member  `json:"members"`
	At      time.Time `json:"at"`
}

// Member is one member of the applied configuration as this node sees it
// (one row of SHOW CLUSTER). Fields a node cannot know (a follower knows
// nothing of the other followers' progress) are nil.
type Member struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	RaftAddress string `json:"raft_address"`
	PGAddress   string `json:"pg_address,omitempty"`
	Role        string `json:"role"`  // voter or learner
	State       string `json:"state"` // leader, follower, candidate, unreachable or unknown
	// MatchIndex is the leader's knowledge of the member's log; Lag how
	// far it is behind the leader's commit index.
	MatchIndex   *uint64 `json:"match_index,omitempty"`
	Lag          *uint64 `json:"lag,omitempty"`
	AppliedIndex *uint64 `json:"applied_index,omitempty"` // known for this node only
	// LastContact is when this node last heard from the member.
	LastContact *time.Time `json:"last_contact,omitempty"`
}
