package logstore

import (
	"errors"
	"fmt"
)

// ErrClosed is returned by every call on a closed Store.
var ErrClosed = errors.New("logstore: store is closed")

// ErrFatal is matched (errors.Is) by every *FatalError.
var ErrFatal = errors.New("logstore: fatal write error")

// ErrCorrupt is matched (errors.Is) by every *CorruptionError.
var ErrCorrupt = errors.New("logstore: corruption")

// ErrIdentity is matched (errors.Is) by the error Open returns for a
// directory that belongs to another node, another format version, or is not
// a raftsql log store at all.
var ErrIdentity = errors.New("logstore: data directory identity mismatch")

// CorruptionError reports that the stored log cannot be trusted: an entry
// failed its checksum, the indexes have a gap, or the hard state commits an
// index past the end of the log. Index is the log index concerned (0 when
// the damaged record is not an entry).
type CorruptionError struct {
	Dir    string
	Index  uint64
	Record string // "entry", "hard state", "snapshot metadata", ...
	Reason string
}

func (e *CorruptionError) Error() string {
	where := e.Record
	if e.Index != 0 {
		where = fmt.Sprintf("%s at index %d", e.Record, e.Index)
	}
	return fmt.Sprintf("logstore: corrupted Raft log in %s: %s: %s; this member's log cannot be trusted: "+
		"remove the data directory %s and re-join this member to the cluster as a new member: run ALTER CLUSTER REMOVE MEMBER '<this member>' on any member, then start this node again with an empty data directory and --join <any member's raft address> (it catches up from the leader)",
		e.Dir, where, e.Reason, e.Dir)
}

// Is makes errors.Is(err, ErrCorrupt) true.
func (e *CorruptionError) Is(target error) bool { return target == ErrCorrupt }

// FatalError reports a failed write or sync of the underlying Pebble
// database. It is never retried: the outcome of the write, and of every
// write that was in flight with it, is unknown, so the store refuses all
// further calls with this same error and the node must stop.
type FatalError struct {
	Dir string
	Op  string
	Err error
}

func (e *FatalError) Error() string {
	return fmt.Sprintf("logstore: FATAL: %s in %s failed: %v; durability of the Raft log can no longer be "+
		"guaranteed, the store refuses all further calls and the node must stop (restart the process; "+
		"do not retry the write)", e.Op, e.Dir, e.Err)
}

// Unwrap returns the underlying Pebble or file-system error.
func (e *FatalError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrFatal) true.
func (e *FatalError) Is(target error) bool { return target == ErrFatal }
