//go:build raftsql_breakage

package raftsql

import (
	"fmt"
	"os"
)

// The self-tests' breakages (see breakage.go), chosen by
// RAFTSQL_BREAKAGE in a test build: ack-before-commit,
// older-read-answer or local-reads. An unknown name stops the process
// rather than run a build that breaks nothing the test thinks it breaks.
var (
	breakAckBeforeCommit = breakage == "ack-before-commit"
	breakOlderReadAnswer = breakage == "older-read-answer"
	breakLocalReads      = breakage == "local-reads"
)

var breakage = os.Getenv("RAFTSQL_BREAKAGE")

func init() {
	switch breakage {
	case "", "ack-before-commit", "older-read-answer", "local-reads":
	default:
		panic(fmt.Sprintf("raftsql: RAFTSQL_BREAKAGE=%q: want ack-before-commit, older-read-answer or local-reads", breakage))
	}
}
