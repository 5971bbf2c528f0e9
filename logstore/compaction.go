package logstore

// compaction.go: recording a snapshot, dropping the log below it, and
// returning the dropped log's space to the file system.

import (
	"context"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/raftsql/raftsql/raft"
)

// CreateSnapshot records the metadata of a snapshot the application made at
// meta.Index (its applied index, which must be committed and still in the
// log). meta.Term may be 0, in which case the log's term is used; otherwise
// it must match. It returns raft.ErrSnapOutOfDate unless meta.Index is newer
// than the latest snapshot. Entries are not dropped: call Compact.
func (s *Store) CreateSnapshot(meta raft.SnapshotMeta) error {
	return s.commit("CreateSnapshot", func(b *pebble.Batch) (func(), error) {
		if meta.Index <= s.snap.Index {
			return nil, raft.ErrSnapOutOfDate
		}
		if meta.Index > s.last {
			return nil, fmt.Errorf("logstore: CreateSnapshot: index %d is past the last index %d", meta.Index, s.last)
		}
		if meta.Index > s.hs.Commit {
			return nil, fmt.Errorf("logstore: CreateSnapshot: index %d is not committed (commit index %d)", meta.Index, s.hs.Commit)
		}
		if meta.Index < s.trunc.Index {
			return nil, raft.ErrCompacted
		}
		t := s.termLocked(meta.Index)
		if meta.Term == 0 {
			meta.Term = t
		} else if meta.Term != t {
			return nil, fmt.Errorf("logstore: CreateSnapshot: term %d does not match the term %d of entry %d", meta.Term, t, meta.Index)
		}
		meta.Config = meta.Config.Clone()
		_ = b.Set(keySnapshot, encodeSnapshotMeta(meta), nil)
		return func() { s.snap = meta }, nil
	})
}

// Compact drops the entries with index <= index, which must not exceed the
// latest snapshot's index. It returns raft.ErrCompacted if index is already
// compacted.
func (s *Store) Compact(index uint64) error {
	return s.commit("Compact", func(b *pebble.Batch) (func(), error) {
		if index <= s.trunc.Index {
			return nil, raft.ErrCompacted
		}
		if index > s.snap.Index {
			return nil, fmt.Errorf("logstore: Compact: index %d is past the latest snapshot index %d; create a snapshot first", index, s.snap.Index)
		}
		t := indexTerm{Index: index, Term: s.termLocked(index)}
		if err := b.DeleteRange(keyEntryMin, entryKey(index+1), nil); err != nil {
			return nil, err
		}
		_ = b.Set(keyTruncated, encodeTruncated(t), nil)
		return func() {
			s.trunc = t
			s.terms.dropBefore(index + 1)
			s.cache.dropThrough(index)
		}, nil
	})
}

// Reclaim returns the disk space of the compacted log to the file system:
// Compact only records a range tombstone (cheap, atomic with the truncated
// state), and the deleted entries stay on disk until Pebble compacts the
// range. Reclaim runs that compaction for everything at or below the
// compaction point and returns when it is done. It does not hold the
// store's lock, so Save and reads proceed meanwhile; call it after
// Compact, off the Ready loop (it rewrites the files that overlap the
// range, which takes time proportional to the dropped log). Pebble deletes
// the obsolete files in the background right after.
func (s *Store) Reclaim(ctx context.Context) error {
	s.mu.RLock()
	if err := s.check(); err != nil {
		s.mu.RUnlock()
		return err
	}
	end := entryKey(s.trunc.Index + 1)
	s.inflight.Add(1) // Close waits for us
	s.mu.RUnlock()
	defer s.inflight.Done()
	if err := s.db.Compact(ctx, keyEntryMin, end, false); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("logstore: reclaim space in %s: %w", s.dir, ctx.Err())
		}
		return fmt.Errorf("logstore: reclaim space in %s: %w", s.dir, err)
	}
	return nil
}

// DiskUsage returns the total size of the files in the store's directory
// (Pebble's tables, WAL and metadata): what the log costs on disk.
func (s *Store) DiskUsage() (int64, error) {
	names, err := s.fs.List(s.dir)
	if err != nil {
		return 0, fmt.Errorf("logstore: list %s: %w", s.dir, err)
	}
	var total int64
	for _, n := range names {
		fi, err := s.fs.Stat(s.fs.PathJoin(s.dir, n))
		if err != nil {
			continue // removed meanwhile (an obsolete file)
		}
		if !fi.IsDir() {
			total += fi.Size()
		}
	}
	return total, nil
}
