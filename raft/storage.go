package raft

import (
	"fmt"
	"sync"

	"github.com/raftsql/raftsql/membership"
)

// EntryOverhead is the per-entry size added to len(Data) when sizes are
// counted (Storage.Entries maxBytes, MaxSizePerMsg, uncommitted size).
const EntryOverhead = 24

// EntrySize is the size an entry counts for in byte limits.
func EntrySize(e Entry) uint64 { return uint64(len(e.Data)) + EntryOverhead }

// limitSize returns the longest prefix of ents whose total size is at most
// maxBytes, but always at least one entry.
func limitSize(ents []Entry, maxBytes uint64) []Entry {
	if len(ents) == 0 {
		return ents
	}
	size := EntrySize(ents[0])
	n := 1
	for ; n < len(ents); n++ {
		size += EntrySize(ents[n])
		if size > maxBytes {
			break
		}
	}
	return ents[:n]
}

// MemoryStorage is an in-memory, thread-safe Storage used by tests and the
// simulator. The driver writes it: Append and SetHardState after each
// Ready, ApplySnapshot to install a received snapshot, CreateSnapshot and
// Compact to compact the log.
type MemoryStorage struct {
	mu        sync.Mutex
	hardState HardState
	config    membership.Config
	snapshot  Snapshot
	// ents[0] is a dummy entry holding the snapshot index and term.
	ents []Entry
}

// NewMemoryStorage returns an empty MemoryStorage (empty configuration).
func NewMemoryStorage() *MemoryStorage {
	return &MemoryStorage{ents: make([]Entry, 1)}
}

// InitialState implements Storage.
func (ms *MemoryStorage) InitialState() (HardState, membership.Config, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.hardState, ms.config.Clone(), nil
}

// SetHardState saves the current HardState.
func (ms *MemoryStorage) SetHardState(hs HardState) error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.hardState = hs
	return nil
}

// SetConfig records the configuration in force (bootstrapping, or after
// ApplyConfChange).
func (ms *MemoryStorage) SetConfig(cfg membership.Config) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.config = cfg.Clone()
}

// Entries implements Storage.
func (ms *MemoryStorage) Entries(lo, hi, maxBytes uint64) ([]Entry, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	offset := ms.ents[0].Index
	if lo <= offset {
		return nil, ErrCompacted
	}
	last := offset + uint64(len(ms.ents)) - 1
	if hi > last+1 {
		return nil, fmt.Errorf("%w: entries [%d,%d) beyond last index %d", ErrUnavailable, lo, hi, last)
	}
	if lo >= hi {
		return nil, nil
	}
	ents := limitSize(ms.ents[lo-offset:hi-offset], maxBytes)
	// Return a copy so later appends cannot alias the caller's slice.
	return append([]Entry(nil), ents...), nil
}

// Term implements Storage.
func (ms *MemoryStorage) Term(i uint64) (uint64, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	offset := ms.ents[0].Index
	if i < offset {
		return 0, ErrCompacted
	}
	if i-offset >= uint64(len(ms.ents)) {
		return 0, ErrUnavailable
	}
	return ms.ents[i-offset].Term, nil
}

// LastIndex implements Storage.
func (ms *MemoryStorage) LastIndex() (uint64, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.ents[0].Index + uint64(len(ms.ents)) - 1, nil
}

// FirstIndex implements Storage.
func (ms *MemoryStorage) FirstIndex() (uint64, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.ents[0].Index + 1, nil
}

// Snapshot implements Storage.
func (ms *MemoryStorage) Snapshot() (Snapshot, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return ms.snapshot, nil
}

// ApplySnapshot replaces the storage contents with snap (a snapshot
// received from the leader). It returns ErrSnapOutOfDate for an older one.
func (ms *MemoryStorage) ApplySnapshot(snap Snapshot) error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if snap.Meta.Index <= ms.snapshot.Meta.Index {
		return ErrSnapOutOfDate
	}
	ms.snapshot = snap
	ms.config = snap.Meta.Config.Clone()
	ms.ents = []Entry{{Term: snap.Meta.Term, Index: snap.Meta.Index}}
	return nil
}

// CreateSnapshot records a snapshot of the state machine at applied index
// i with configuration cfg and data. Entries are not compacted: call
// Compact. Returns ErrSnapOutOfDate if i is not newer than the current
// snapshot.
func (ms *MemoryStorage) CreateSnapshot(i uint64, cfg membership.Config, data []byte) (Snapshot, error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	if i <= ms.snapshot.Meta.Index {
		return Snapshot{}, ErrSnapOutOfDate
	}
	offset := ms.ents[0].Index
	last := offset + uint64(len(ms.ents)) - 1
	if i > last {
		return Snapshot{}, fmt.Errorf("raft: snapshot index %d is beyond last index %d", i, last)
	}
	ms.snapshot = Snapshot{
		Meta: SnapshotMeta{Index: i, Term: ms.ents[i-offset].Term, Config: cfg.Clone()},
		Data: data,
	}
	return ms.snapshot, nil
}

// Compact discards entries up to and including compactIndex, which must
// not exceed the last index. The caller makes sure a snapshot covers them.
func (ms *MemoryStorage) Compact(compactIndex uint64) error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	offset := ms.ents[0].Index
	if compactIndex <= offset {
		return ErrCompacted
	}
	last := offset + uint64(len(ms.ents)) - 1
	if compactIndex > last {
		return fmt.Errorf("raft: compact %d is out of bound lastindex(%d)", compactIndex, last)
	}
	i := compactIndex - offset
	ents := make([]Entry, 1, uint64(len(ms.ents))-i)
	ents[0] = Entry{Index: ms.ents[i].Index, Term: ms.ents[i].Term}
	ms.ents = append(ents, ms.ents[i+1:]...)
	return nil
}

// Append appends entries; entries overlapping the existing log replace
// the conflicting suffix. Entries at or before the compaction point are
// ignored. Entries must be contiguous.
func (ms *MemoryStorage) Append(entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	ms.mu.Lock()
	defer ms.mu.Unlock()
	first := ms.ents[0].Index + 1
	last := entries[0].Index + uint64(len(entries)) - 1
	if last < first {
		return nil
	}
	if first > entries[0].Index {
		entries = entries[first-entries[0].Index:]
	}
	offset := entries[0].Index - ms.ents[0].Index
	switch {
	case uint64(len(ms.ents)) > offset:
		ms.ents = append(ms.ents[:offset:offset], entries...)
	case uint64(len(ms.ents)) == offset:
		ms.ents = append(ms.ents, entries...)
	default:
		return fmt.Errorf("raft: missing log entry [last: %d, append at: %d]",
			ms.ents[0].Index+uint64(len(ms.ents))-1, entries[0].Index)
	}
	return nil
}
