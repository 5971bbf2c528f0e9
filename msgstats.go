package raftsql

import (
	"sync/atomic"

	"github.com/raftsql/raftsql/raft"
)

// msgStats counts what a linearizable read costs in Raft traffic: the
// messages this node receives from its peers, by type, and the ReadIndex
// rounds its driver asks for with the reads they carry. Divided by the
// reads served (sql_statements_total) they say how many messages and
// rounds a read takes, which the CPU profiles cannot (docs/benchmarks.md,
// round 12). Atomic adds, because the transport's readers count
// concurrently and /metrics reads at any time.
type msgStats struct {
	received [256]atomic.Uint64 // by raft.MessageType (a uint8)
	// rounds: ReadIndex requests the driver made (one per batch of
	// reads); reads: the reads they carried.
	rounds, reads atomic.Uint64
}

func (s *msgStats) receivedMsg(t raft.MessageType) { s.received[t].Add(1) }

func (s *msgStats) askedRound(reads int) {
	s.rounds.Add(1)
	s.reads.Add(uint64(reads))
}
