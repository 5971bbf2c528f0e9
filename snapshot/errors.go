package snapshot

import (
	"errors"
	"fmt"
)

// Kinds of format errors, matched with errors.Is on a *FormatError.
var (
	// ErrTruncated: the file or stream ended before its trailer.
	ErrTruncated = errors.New("snapshot: truncated")
	// ErrChecksum: a header or chunk failed its CRC-32C.
	ErrChecksum = errors.New("snapshot: checksum mismatch")
	// ErrDigest: every chunk was intact but the SHA-256 of the whole
	// differs from the trailer (chunks reordered, dropped or duplicated).
	ErrDigest = errors.New("snapshot: digest mismatch")
	// ErrVersion: the header names a format version this binary does not
	// read.
	ErrVersion = errors.New("snapshot: unsupported format version")
	// ErrMalformed: a field is out of range (bad magic, wrong chunk
	// length, oversized header, invalid configuration).
	ErrMalformed = errors.New("snapshot: malformed")
)

// ErrNotFound is returned for a snapshot index that the store does not hold.
var ErrNotFound = errors.New("snapshot: not found")

// ErrMismatch is returned by Receive when the stream's header does not
// describe the snapshot the Raft message announced.
var ErrMismatch = errors.New("snapshot: stream does not match the announced snapshot")

// FormatError reports a snapshot file or stream that cannot be used. Kind
// is one of ErrTruncated, ErrChecksum, ErrDigest, ErrVersion, ErrMalformed;
// errors.Is(err, Kind) holds. Source is the file's path, or "stream" for
// a transfer; Offset is the byte offset where the problem was found.
type FormatError struct {
	Source string
	Offset int64
	Kind   error
	Reason string
}

func (e *FormatError) Error() string {
	return fmt.Sprintf("%v at byte %d of %s: %s; %s", e.Kind, e.Offset, e.Source, e.Reason, e.advice())
}

// advice says what to do, which depends on where the bad bytes came from.
func (e *FormatError) advice() string {
	switch {
	case e.Source == streamSource && e.Kind == ErrVersion:
		return "the sender runs a raftsql version with another snapshot format: upgrade the members to one version"
	case e.Source == streamSource:
		return "the transfer was refused and nothing was installed; the leader retries it"
	case e.Kind == ErrVersion:
		return "the file was written by another raftsql version: run a matching binary, or remove the file (the node makes a new snapshot or receives one from the leader)"
	default:
		return "remove the file: the node makes a new snapshot or receives one from the leader"
	}
}

// Unwrap returns Kind.
func (e *FormatError) Unwrap() error { return e.Kind }

const streamSource = "stream"
