package raft

import (
	"errors"

	"github.com/raftsql/raftsql/membership"
)

// EntryType distinguishes application entries from configuration changes.
type EntryType uint8

const (
	// EntryNormal carries application data (possibly empty: the entry a
	// new leader appends at the start of its term has no data).
	EntryNormal EntryType = iota
	// EntryConfChange carries an encoded membership.Change (see
	// EncodeChange / DecodeChange).
	EntryConfChange
)

// Entry is one Raft log entry.
type Entry struct {
	Term  uint64
	Index uint64
	Type  EntryType
	Data  []byte
}

// HardState is the state that must be durable before messages that depend
// on it are sent: the current term, the vote in it, and the commit index.
type HardState struct {
	Term   uint64
	Vote   uint64
	Commit uint64
}

// IsEmpty reports whether hs is the zero HardState.
func (hs HardState) IsEmpty() bool { return hs == HardState{} }

// SnapshotMeta identifies a snapshot: the last log entry it covers and the
// configuration in force at that entry.
type SnapshotMeta struct {
	Index  uint64
	Term   uint64
	Config membership.Config
}

// Snapshot is a point-in-time image of the application state. Data is
// opaque to raft and may be empty: the node streams the real image (a
// SQLite file) beside the MsgSnap message that carries this metadata.
type Snapshot struct {
	Meta SnapshotMeta
	Data []byte
}

// IsEmpty reports whether s carries no snapshot.
func (s Snapshot) IsEmpty() bool { return s.Meta.Index == 0 }

// MessageType is the kind of a Raft message.
type MessageType uint8

// Message types. Local ones (MsgHup, MsgBeat, MsgUnreachable,
// MsgSnapStatus, MsgCheckQuorum) never cross the network.
const (
	MsgHup MessageType = iota
	MsgBeat
	MsgProp
	MsgApp
	MsgAppResp
	MsgVote
	MsgVoteResp
	MsgPreVote
	MsgPreVoteResp
	MsgSnap
	MsgHeartbeat
	MsgHeartbeatResp
	MsgUnreachable
	MsgSnapStatus
	MsgCheckQuorum
	MsgTransferLeader
	MsgTimeoutNow
	MsgReadIndex
	MsgReadIndexResp
	msgTypeCount
)

var msgTypeNames = [...]string{
	"MsgHup", "MsgBeat", "MsgProp", "MsgApp", "MsgAppResp", "MsgVote",
	"MsgVoteResp", "MsgPreVote", "MsgPreVoteResp", "MsgSnap",
	"MsgHeartbeat", "MsgHeartbeatResp", "MsgUnreachable", "MsgSnapStatus",
	"MsgCheckQuorum", "MsgTransferLeader", "MsgTimeoutNow", "MsgReadIndex",
	"MsgReadIndexResp",
}

func (t MessageType) String() string {
	if int(t) < len(msgTypeNames) {
		return msgTypeNames[t]
	}
	return "MsgUnknown"
}

// Valid reports whether t is a known message type.
func (t MessageType) Valid() bool { return t < msgTypeCount }

// Message is the unit of communication between Raft nodes.
//
// Field use by type:
//   - MsgApp: Index/LogTerm are prevLogIndex/prevLogTerm, Entries the
//     entries after it, Commit the leader's commit index.
//   - MsgAppResp: Index is the follower's last matching index on success;
//     on Reject, Index is the rejected prevLogIndex, RejectHint the index
//     the leader should retry from and LogTerm the follower's term at
//     RejectHint (0 if none), so the leader skips a whole term per round.
//   - MsgVote/MsgPreVote: Index/LogTerm are the candidate's last log
//     index/term; Context may carry a leader-transfer marker.
//   - MsgHeartbeat: Commit is min(leader commit, follower match); Context
//     carries a read-index round's context.
//   - MsgSnap: Snapshot carries the snapshot metadata (and any inline data).
//   - MsgReadIndex/MsgReadIndexResp: Entries[0].Data holds the request
//     context; Index is the read index in the response; a forwarded
//     MsgReadIndex carries the forwarder's term in LogTerm (Term is 0).
type Message struct {
	Type       MessageType
	From       uint64
	To         uint64
	Term       uint64
	LogTerm    uint64
	Index      uint64
	Entries    []Entry
	Commit     uint64
	Snapshot   *Snapshot
	Reject     bool
	RejectHint uint64
	Context    []byte
}

// ReadState reports that a linearizable read with RequestCtx may be served
// once the local state machine has applied Index.
type ReadState struct {
	Index      uint64
	RequestCtx []byte
}

// Storage is the read side of the Raft log that the core needs from the
// node's durable log (logstore) or from the in-memory MemoryStorage used by
// tests. The core never writes Storage; the driver does, following the
// persistence contract in the package doc.
type Storage interface {
	// InitialState returns the persisted HardState and configuration.
	InitialState() (HardState, membership.Config, error)
	// Entries returns entries in [lo, hi), at most maxBytes in total
	// (counted as len(Data)+overhead) but always at least one entry if
	// any are in range.
	Entries(lo, hi, maxBytes uint64) ([]Entry, error)
	// Term returns the term of entry i, which must be in
	// [FirstIndex()-1, LastIndex()]. The term of FirstIndex()-1 is the
	// snapshot's term.
	Term(i uint64) (uint64, error)
	// LastIndex returns the index of the last entry in the log.
	LastIndex() (uint64, error)
	// FirstIndex returns the index of the first entry still in the log
	// (older ones were compacted into a snapshot).
	FirstIndex() (uint64, error)
	// Snapshot returns the most recent snapshot. If it is temporarily
	// unavailable, it returns ErrSnapshotTemporarilyUnavailable and the
	// core retries later.
	Snapshot() (Snapshot, error)
}

// Errors returned by Storage implementations and the core.
var (
	ErrCompacted                      = errors.New("raft: requested index is compacted")
	ErrSnapOutOfDate                  = errors.New("raft: requested snapshot is older than the existing one")
	ErrUnavailable                    = errors.New("raft: requested entry is unavailable")
	ErrSnapshotTemporarilyUnavailable = errors.New("raft: snapshot is temporarily unavailable")
)
