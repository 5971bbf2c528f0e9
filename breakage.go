//go:build !raftsql_breakage

package raftsql

// Deliberate breakages for the fault suite's self-tests
// (integration/faults_breakage_test.go): a checker that never fails
// proves nothing, so a test build (-tags raftsql_breakage, see
// breakage_on.go) can break the node in ways the suite must catch. In
// every other build they are false constants: the compiler drops the
// branches, and the production path is exactly what it would be without
// them.
const (
	// breakAckBeforeCommit: the leader applies (and so acknowledges) the
	// entries it has appended, before they commit.
	breakAckBeforeCommit = false
	// breakOlderReadAnswer: a read takes the answer of this node's
	// previous ReadIndex round instead of waiting for its own.
	breakOlderReadAnswer = false
	// breakLocalReads: every read is served from local state without
	// ReadIndex, node-wide.
	breakLocalReads = false
)
