// Package membership describes who is in a raftsql cluster. It holds the
// cluster's identity (members' names and peer addresses, the Raft ids and
// cluster id derived from the names, the name=host:port list syntax) and its
// Raft configuration: the voters whose acknowledgements make up a quorum,
// and the learners that receive the log without voting. It does the quorum
// arithmetic and validates single-server configuration changes; proposing
// and applying those changes is the node's job (package raftsql).
//
// Invariants:
//   - A member's Raft id is MemberID(name): every member derives the same
//     ids from the same names, and no id is 0.
//   - The cluster id depends only on the set of initial member names.
//   - A Config's Voters and Learners are sorted, free of duplicates and
//     disjoint; a node is a voter, a learner or absent.
//   - A Config is a value: every method returns a new Config and never
//     mutates its receiver's slices.
//
// This package imports only the standard library.
package membership

// Config is one cluster configuration.
type Config struct {
	Voters   []uint64
	Learners []uint64
}

// ChangeType names a single-server configuration change.
type ChangeType uint8

const (
	// AddLearner adds a node that receives the log but does not vote.
	AddLearner ChangeType = iota + 1
	// AddVoter adds a voting node (or promotes a learner).
	AddVoter
	// PromoteLearner turns an existing learner into a voter.
	PromoteLearner
	// RemoveNode removes a voter or a learner.
	RemoveNode
)

// Change is one single-server configuration change, as carried in a
// configuration-change log entry. Context is opaque to raft and to this
// package's quorum maths; the node uses it to carry the member's name and
// addresses.
type Change struct {
	Type    ChangeType
	NodeID  uint64
	Context []byte
}
