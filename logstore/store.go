package logstore

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// DefaultCacheBytes is the default bound of the in-memory entry cache.
const DefaultCacheBytes = 16 << 20

// Options configure Open.
type Options struct {
	// NodeID is this member's Raft ID. Required (non-zero). It is stored on
	// first open and must match on every later open.
	NodeID uint64
	// FS is the file system; nil means vfs.Default. Tests use
	// vfs.NewCrashableMem().
	FS vfs.FS
	// Logger receives the store's and Pebble's messages; nil means
	// slog.Default().
	Logger *slog.Logger
	// CacheBytes bounds the cache of recent entries (sum of
	// raft.EntrySize). 0 means DefaultCacheBytes; negative disables it.
	CacheBytes int64

	// plainWAL leaves Pebble's WAL files to grow by appends (no
	// walPrefillFS): only for benchmarks that compare the two.
	plainWAL bool
}

// Store is the Pebble-backed Raft log of one node. It implements
// raft.Storage; the write side is Save, Bootstrap, SetConfig,
// CreateSnapshot and Compact. All methods are safe for concurrent use.
type Store struct {
	dir string
	fs  vfs.FS
	log *slog.Logger
	db  *pebble.DB

	// sticky holds the first fatal write error or corruption found; once
	// set, every call returns it.
	sticky atomic.Pointer[error]

	// inflight counts writes applied to Pebble whose fsync is awaited
	// outside mu; Close waits for them.
	inflight sync.WaitGroup

	mu     sync.RWMutex
	closed bool
	hs     raft.HardState
	cfg    membership.Config
	snap   raft.SnapshotMeta // Index == 0: no snapshot recorded
	trunc  indexTerm         // last compacted entry; FirstIndex = trunc.Index+1
	last   uint64            // LastIndex
	terms  termIndex
	cache  entryCache
}

var _ raft.Storage = (*Store)(nil)

// Open opens (creating if needed) the log store in dir. It verifies the
// identity record and the whole stored log (checksums, contiguity, hard
// state); a damaged log yields a *CorruptionError.
func Open(dir string, opts Options) (*Store, error) {
	if opts.NodeID == 0 {
		return nil, errors.New("logstore: Options.NodeID is required")
	}
	if opts.FS == nil {
		opts.FS = vfs.Default
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.CacheBytes == 0 {
		opts.CacheBytes = DefaultCacheBytes
	}
	s := &Store{
		dir:   dir,
		fs:    opts.FS,
		log:   opts.Logger.With("component", "logstore", "dir", dir),
		cache: entryCache{limit: opts.CacheBytes},
	}
	if err := opts.FS.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("logstore: create %s: %w", dir, err)
	}
	pebbleFS := opts.FS
	if !opts.plainWAL {
		pebbleFS = walPrefillFS{opts.FS}
	}
	popts := &pebble.Options{
		FS:                 pebbleFS,
		Logger:             pebbleLogger{s.log},
		FormatMajorVersion: pebble.FormatNewest,
		MemTableSize:       32 << 20,
	}
	db, err := pebble.Open(dir, popts)
	if err != nil {
		return nil, fmt.Errorf("logstore: open pebble in %s: %w", dir, err)
	}
	s.db = db
	if err := s.load(opts.NodeID); err != nil {
		_ = db.Close()
		return nil, err
	}
	s.log.Debug("opened log store", "node", opts.NodeID, "first", s.trunc.Index+1, "last", s.last,
		"term", s.hs.Term, "commit", s.hs.Commit, "snapshot", s.snap.Index)
	return s, nil
}

func (s *Store) corrupt(index uint64, record, format string, args ...any) *CorruptionError {
	return &CorruptionError{Dir: s.dir, Index: index, Record: record, Reason: fmt.Sprintf(format, args...)}
}

// get reads a point record; found is false when the key is absent.
func (s *Store) get(key []byte) (val []byte, found bool, err error) {
	v, closer, err := s.db.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, s.readErr(0, "record", err)
	}
	val = bytes.Clone(v)
	_ = closer.Close()
	return val, true, nil
}

// readErr turns a Pebble read error into a CorruptionError when Pebble
// detected corruption, else wraps it.
func (s *Store) readErr(index uint64, record string, err error) error {
	if errors.Is(err, pebble.ErrCorruption) {
		return s.corrupt(index, record, "pebble: %v", err)
	}
	return fmt.Errorf("logstore: read %s in %s: %w", record, s.dir, err)
}

// load checks the identity and reads and verifies all state.
func (s *Store) load(nodeID uint64) error {
	v, found, err := s.get(keyIdentity)
	if err != nil {
		return err
	}
	if !found {
		it, err := s.db.NewIter(nil)
		if err != nil {
			return s.readErr(0, "keys", err)
		}
		nonEmpty := it.First()
		_ = it.Close()
		if nonEmpty {
			return fmt.Errorf("%w: %s holds a Pebble database without a raftsql identity record: it is not a raftsql log store (wrong directory?)", ErrIdentity, s.dir)
		}
		b := s.db.NewBatch()
		_ = b.Set(keyIdentity, encodeIdentity(identity{Version: FormatVersion, NodeID: nodeID}), nil)
		if err := b.Commit(pebble.Sync); err != nil {
			return fmt.Errorf("logstore: write identity in %s: %w", s.dir, err)
		}
		_ = b.Close()
	} else {
		id, err := decodeIdentity(v)
		if err != nil {
			return s.corrupt(0, "identity", "%v", err)
		}
		if id.Version != FormatVersion {
			return fmt.Errorf("%w: %s was written with log store format version %d, this binary reads version %d; "+
				"use a matching raftsql binary, or remove the directory and re-join this member", ErrIdentity, s.dir, id.Version, FormatVersion)
		}
		if id.NodeID != nodeID {
			return fmt.Errorf("%w: %s belongs to node %d, not node %d; check the data directory and node id flags",
				ErrIdentity, s.dir, id.NodeID, nodeID)
		}
	}

	if v, found, err = s.get(keyHardState); err != nil {
		return err
	} else if found {
		if s.hs, err = decodeHardState(v); err != nil {
			return s.corrupt(0, "hard state", "%v", err)
		}
	}
	if v, found, err = s.get(keyConfig); err != nil {
		return err
	} else if found {
		if s.cfg, err = decodeConfig(v); err != nil {
			return s.corrupt(0, "config", "%v", err)
		}
	}
	if v, found, err = s.get(keySnapshot); err != nil {
		return err
	} else if found {
		if s.snap, err = decodeSnapshotMeta(v); err != nil {
			return s.corrupt(0, "snapshot metadata", "%v", err)
		}
	}
	if v, found, err = s.get(keyTruncated); err != nil {
		return err
	} else if found {
		if s.trunc, err = decodeTruncated(v); err != nil {
			return s.corrupt(0, "truncated state", "%v", err)
		}
	}
	if s.trunc.Index > s.snap.Index {
		return s.corrupt(s.trunc.Index, "truncated state", "log compacted through %d but the latest snapshot is at %d", s.trunc.Index, s.snap.Index)
	}

	// Verify the retained log, and only it: the scan starts after the
	// compaction point, so opening costs time proportional to the log
	// kept since the last snapshot, not to history. A compacted range is
	// one range tombstone that Pebble skips (and Reclaim removes); an
	// entry at or below the compaction point that escaped it is found by
	// one reverse seek instead of a scan.
	below, err := s.db.NewIter(&pebble.IterOptions{LowerBound: keyEntryMin, UpperBound: entryKey(s.trunc.Index + 1)})
	if err != nil {
		return s.readErr(0, "entries", err)
	}
	if below.Last() {
		idx, _ := parseEntryKey(below.Key())
		_ = below.Close()
		return s.corrupt(idx, "entry", "entry present at or below the compaction point %d", s.trunc.Index)
	}
	if err := below.Close(); err != nil {
		return s.readErr(s.trunc.Index, "entries", err)
	}
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: entryKey(s.trunc.Index + 1), UpperBound: keyEntryMax})
	if err != nil {
		return s.readErr(0, "entries", err)
	}
	defer it.Close()
	next := s.trunc.Index + 1
	prevTerm := s.trunc.Term
	for ok := it.First(); ok; ok = it.Next() {
		idx, okKey := parseEntryKey(it.Key())
		if !okKey {
			return s.corrupt(next, "entry", "malformed entry key %x", it.Key())
		}
		if idx != next {
			return s.corrupt(next, "entry", "gap in the log: entry %d is missing (next stored entry is %d)", next, idx)
		}
		val, err := it.ValueAndErr()
		if err != nil {
			return s.readErr(idx, "entry", err)
		}
		e, err := decodeEntry(val)
		if err != nil {
			return s.corrupt(idx, "entry", "%v", err)
		}
		if e.Index != idx {
			return s.corrupt(idx, "entry", "entry stored under index %d claims index %d", idx, e.Index)
		}
		if e.Term < prevTerm {
			return s.corrupt(idx, "entry", "term %d is lower than the preceding term %d", e.Term, prevTerm)
		}
		prevTerm = e.Term
		s.terms.add(idx, e.Term)
		s.cache.append([]raft.Entry{e})
		next++
	}
	if err := it.Error(); err != nil {
		return s.readErr(next, "entries", err)
	}
	s.last = next - 1
	if s.hs.Commit > s.last {
		return s.corrupt(s.hs.Commit, "hard state", "commit index %d is past the last log index %d (committed entries are lost)", s.hs.Commit, s.last)
	}
	if s.snap.Index > s.last {
		return s.corrupt(s.snap.Index, "snapshot metadata", "snapshot index %d is past the last log index %d", s.snap.Index, s.last)
	}
	return nil
}

// check returns the sticky error, or ErrClosed.
func (s *Store) check() error {
	if p := s.sticky.Load(); p != nil {
		return *p
	}
	if s.closed {
		return ErrClosed
	}
	return nil
}

// fail records err as the sticky error (the first one wins) and returns
// the sticky error.
func (s *Store) fail(err error) error {
	if s.sticky.CompareAndSwap(nil, &err) {
		s.log.Error("log store failed; all further calls will return this error", "err", err)
	}
	return *s.sticky.Load()
}

// pebbleFatal is the panic value of pebbleLogger.Fatalf.
type pebbleFatal struct{ msg string }

// pebbleLogger routes Pebble's messages to slog. Pebble calls Fatalf when
// its commit pipeline breaks and expects it not to return: it panics, and
// commit recovers the panic into a sticky FatalError.
type pebbleLogger struct{ l *slog.Logger }

func (p pebbleLogger) Infof(format string, args ...any) {
	p.l.Debug("pebble: " + fmt.Sprintf(format, args...))
}

func (p pebbleLogger) Errorf(format string, args ...any) {
	p.l.Error("pebble: " + fmt.Sprintf(format, args...))
}

func (p pebbleLogger) Fatalf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	p.l.Error("pebble fatal: " + msg)
	panic(pebbleFatal{msg})
}

// apply hands b to Pebble's commit pipeline (WAL write and memtable) without
// waiting for the fsync. Called with mu held so that batches enter the WAL
// in the order their in-memory effects are applied.
func (s *Store) apply(op string, b *pebble.Batch, sync bool) (err error) {
	defer func() {
		if r := recover(); r != nil {
			pf, ok := r.(pebbleFatal)
			if !ok {
				panic(r)
			}
			err = s.fail(&FatalError{Dir: s.dir, Op: op, Err: errors.New(pf.msg)})
		}
	}()
	if !sync {
		if err := s.db.Apply(b, pebble.NoSync); err != nil {
			return s.fail(&FatalError{Dir: s.dir, Op: op, Err: err})
		}
		return nil
	}
	if err := s.db.ApplyNoSyncWait(b, pebble.Sync); err != nil {
		return s.fail(&FatalError{Dir: s.dir, Op: op, Err: err})
	}
	return nil
}

// commit runs build under mu; if build returns a non-empty batch and no
// error, the batch is applied, then effect updates the in-memory state
// (still under mu), then the fsync is awaited outside mu so that
// concurrent callers share it (Pebble group commit).
func (s *Store) commit(op string, build func(b *pebble.Batch) (effect func(), err error)) error {
	return s.commitOpts(op, true, build)
}

// commitOpts is commit with a choice of waiting for the fsync.
func (s *Store) commitOpts(op string, sync bool, build func(b *pebble.Batch) (effect func(), err error)) error {
	wait, err := s.commitAsync(op, sync, build)
	if err != nil || wait == nil {
		return err
	}
	return wait()
}

// commitAsync applies the batch like commitOpts and, with sync, returns
// instead of waiting for the fsync a function that waits for it (nil when
// there is nothing to wait for). The caller must call it exactly once:
// Close waits for every sync handed out.
func (s *Store) commitAsync(op string, sync bool, build func(b *pebble.Batch) (effect func(), err error)) (wait func() error, err error) {
	s.mu.Lock()
	if err := s.check(); err != nil {
		s.mu.Unlock()
		return nil, err
	}
	b := s.db.NewBatch()
	effect, err := build(b)
	if err != nil || b.Empty() {
		s.mu.Unlock()
		_ = b.Close()
		return nil, err
	}
	if err := s.apply(op, b, sync); err != nil {
		s.mu.Unlock()
		return nil, err // the batch is not closed: Pebble may still reference it
	}
	if effect != nil {
		effect()
	}
	if !sync {
		s.mu.Unlock()
		_ = b.Close()
		return nil, nil
	}
	s.inflight.Add(1)
	s.mu.Unlock()
	return func() error {
		defer s.inflight.Done()
		if err := b.SyncWait(); err != nil {
			return s.fail(&FatalError{Dir: s.dir, Op: op + " (WAL sync)", Err: err})
		}
		_ = b.Close()
		// A concurrent failure may have been recorded while we waited;
		// our own batch is durable, but report the sticky error so that
		// callers stop promptly.
		if p := s.sticky.Load(); p != nil {
			return *p
		}
		return nil
	}, nil
}

func (s *Store) checkRLocked() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.check()
}

// termLocked returns the term of i, which the caller checked is in
// [trunc.Index, last].
func (s *Store) termLocked(i uint64) uint64 {
	if i == s.trunc.Index {
		return s.trunc.Term
	}
	return s.terms.term(i)
}

// Save persists one Raft Ready in a single synced Pebble batch: the
// snapshot metadata if snap is not empty (dropping the whole log and
// recording the snapshot's configuration), then ents (replacing any
// conflicting suffix of the log), then hs if it is not empty. Entries at
// or below the compaction point are ignored. Invalid input (a gap, a
// non-contiguous or term-decreasing batch, a commit index past the new last
// index, an older snapshot: raft.ErrSnapOutOfDate) is rejected before
// anything is written. A Pebble write or sync failure is fatal and sticky.
func (s *Store) Save(hs raft.HardState, ents []raft.Entry, snap raft.Snapshot) error {
	wait, err := s.SaveAsync(hs, ents, snap)
	if err != nil || wait == nil {
		return err
	}
	return wait()
}

// SaveAsync is Save without waiting for the fsync: when it returns, the
// write is in Pebble's commit pipeline and every read of the store (and of
// raft's Storage interface) sees it; wait, which the caller must call
// exactly once (it may be nil: nothing to wait for), returns when it is
// durable. Writes become durable in the order SaveAsync was called (one
// WAL, applied under mu), so a driver can start the next Ready's write
// while this one syncs (raft's asynchronous storage writes).
func (s *Store) SaveAsync(hs raft.HardState, ents []raft.Entry, snap raft.Snapshot) (wait func() error, err error) {
	if hs.IsEmpty() && len(ents) == 0 && snap.IsEmpty() {
		return nil, s.checkRLocked()
	}
	for i := 1; i < len(ents); i++ {
		if ents[i].Index != ents[0].Index+uint64(i) {
			return nil, fmt.Errorf("logstore: Save: entries are not contiguous: index %d follows %d", ents[i].Index, ents[i-1].Index)
		}
		if ents[i].Term < ents[i-1].Term {
			return nil, fmt.Errorf("logstore: Save: entry %d has term %d below the preceding term %d", ents[i].Index, ents[i].Term, ents[i-1].Term)
		}
	}
	return s.commitAsync("Save", true, func(b *pebble.Batch) (func(), error) {
		return s.buildSave(b, hs, ents, snap)
	})
}

// SaveCommit records a hard state whose term and vote are unchanged (only
// the commit index moved: raft's Ready.MustSync is false) without waiting
// for an fsync. Losing it in a crash is harmless: the commit index is
// learned again from the leader. The next synced write makes it durable.
func (s *Store) SaveCommit(hs raft.HardState) error {
	if hs.IsEmpty() {
		return s.checkRLocked()
	}
	return s.commitOpts("SaveCommit", false, func(b *pebble.Batch) (func(), error) {
		return s.buildSave(b, hs, nil, raft.Snapshot{})
	})
}

// buildSave adds the writes of one Save to b and returns the in-memory
// effect to run once b is applied. Called with mu held.
func (s *Store) buildSave(b *pebble.Batch, hs raft.HardState, ents []raft.Entry, snap raft.Snapshot) (func(), error) {
	trunc, last := s.trunc, s.last
	installSnap := !snap.IsEmpty()
	if installSnap {
		m := snap.Meta
		if m.Index <= s.snap.Index {
			return nil, raft.ErrSnapOutOfDate
		}
		if err := b.DeleteRange(keyEntryMin, keyEntryMax, nil); err != nil {
			return nil, err
		}
		_ = b.Set(keySnapshot, encodeSnapshotMeta(m), nil)
		_ = b.Set(keyConfig, encodeConfig(m.Config), nil)
		trunc = indexTerm{Index: m.Index, Term: m.Term}
		_ = b.Set(keyTruncated, encodeTruncated(trunc), nil)
		last = m.Index
	}
	oldLast := last
	if len(ents) > 0 && ents[len(ents)-1].Index <= trunc.Index {
		ents = nil // all compacted already
	}
	if len(ents) > 0 && ents[0].Index <= trunc.Index {
		ents = ents[trunc.Index+1-ents[0].Index:]
	}
	if len(ents) > 0 {
		first := ents[0].Index
		if first > last+1 {
			return nil, fmt.Errorf("logstore: Save: entry %d would leave a gap after the last index %d", first, last)
		}
		var prevTerm uint64
		switch {
		case first-1 == trunc.Index:
			prevTerm = trunc.Term
		case !installSnap:
			prevTerm = s.terms.term(first - 1)
		}
		if ents[0].Term < prevTerm {
			return nil, fmt.Errorf("logstore: Save: entry %d has term %d below the term %d of entry %d", first, ents[0].Term, prevTerm, first-1)
		}
		for _, e := range ents {
			op := b.SetDeferred(entryKeyLen, entryHeaderLen+len(e.Data))
			appendEntryKey(op.Key[:0], e.Index)
			appendEntry(op.Value[:0], e)
			if err := op.Finish(); err != nil {
				return nil, err
			}
		}
		last = ents[len(ents)-1].Index
		if first <= oldLast && last < oldLast {
			if err := b.DeleteRange(entryKey(last+1), entryKey(oldLast+1), nil); err != nil {
				return nil, err
			}
		}
	}
	newHS := s.hs
	if !hs.IsEmpty() {
		newHS = hs
	}
	if newHS.Commit > last {
		return nil, fmt.Errorf("logstore: Save: commit index %d would be past the last index %d", newHS.Commit, last)
	}
	if !hs.IsEmpty() {
		_ = b.Set(keyHardState, encodeHardState(hs), nil)
	}
	var cached []raft.Entry
	if len(ents) > 0 && s.cache.enabled() {
		cached = cloneEntries(ents)
	}
	return func() {
		if installSnap {
			s.snap = raft.SnapshotMeta{Index: snap.Meta.Index, Term: snap.Meta.Term, Config: snap.Meta.Config.Clone()}
			s.cfg = snap.Meta.Config.Clone()
			s.trunc = trunc
			s.terms.reset()
			s.cache.reset()
		}
		if len(ents) > 0 {
			s.terms.truncateAfter(ents[0].Index - 1)
			for _, e := range ents {
				s.terms.add(e.Index, e.Term)
			}
			s.cache.append(cached)
		}
		s.last = last
		s.hs = newHS
	}, nil
}

// cloneEntries copies ents and their data into one allocation.
func cloneEntries(ents []raft.Entry) []raft.Entry {
	n := 0
	for _, e := range ents {
		n += len(e.Data)
	}
	buf := make([]byte, 0, n)
	out := make([]raft.Entry, len(ents))
	for i, e := range ents {
		out[i] = e
		if e.Data != nil {
			start := len(buf)
			buf = append(buf, e.Data...)
			out[i].Data = buf[start:len(buf):len(buf)]
		}
	}
	return out
}

// Bootstrap records the initial configuration of a new cluster member. It
// is only allowed on an empty store.
func (s *Store) Bootstrap(cfg membership.Config) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("logstore: Bootstrap: %w", err)
	}
	if cfg.IsEmpty() {
		return errors.New("logstore: Bootstrap: empty configuration")
	}
	return s.commit("Bootstrap", func(b *pebble.Batch) (func(), error) {
		if s.last != 0 || s.trunc.Index != 0 || s.snap.Index != 0 || !s.hs.IsEmpty() || !s.cfg.IsEmpty() {
			return nil, fmt.Errorf("logstore: Bootstrap: %s is not empty (last index %d, term %d, config %v)", s.dir, s.last, s.hs.Term, s.cfg)
		}
		_ = b.Set(keyConfig, encodeConfig(cfg), nil)
		return func() { s.cfg = cfg.Clone() }, nil
	})
}

// SetConfig records the configuration in force (after the driver applied a
// configuration change). It is durable when SetConfig returns.
func (s *Store) SetConfig(cfg membership.Config) error {
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("logstore: SetConfig: %w", err)
	}
	return s.commit("SetConfig", func(b *pebble.Batch) (func(), error) {
		_ = b.Set(keyConfig, encodeConfig(cfg), nil)
		return func() { s.cfg = cfg.Clone() }, nil
	})
}

// Close closes the store, waiting for in-flight writes. Later calls return
// ErrClosed (or the sticky fatal error).
func (s *Store) Close() (err error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.inflight.Wait()
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(pebbleFatal); !ok {
				panic(r)
			}
			err = fmt.Errorf("logstore: close %s: %v", s.dir, r)
		}
	}()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("logstore: close %s: %w", s.dir, err)
	}
	return nil
}

// Dir returns the data directory.
func (s *Store) Dir() string { return s.dir }

// InitialState implements raft.Storage.
func (s *Store) InitialState() (raft.HardState, membership.Config, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(); err != nil {
		return raft.HardState{}, membership.Config{}, err
	}
	return s.hs, s.cfg.Clone(), nil
}

// FirstIndex implements raft.Storage.
func (s *Store) FirstIndex() (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(); err != nil {
		return 0, err
	}
	return s.trunc.Index + 1, nil
}

// LastIndex implements raft.Storage.
func (s *Store) LastIndex() (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(); err != nil {
		return 0, err
	}
	return s.last, nil
}

// Term implements raft.Storage. It never reads Pebble.
func (s *Store) Term(i uint64) (uint64, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(); err != nil {
		return 0, err
	}
	if i < s.trunc.Index {
		return 0, raft.ErrCompacted
	}
	if i > s.last {
		return 0, raft.ErrUnavailable
	}
	return s.termLocked(i), nil
}

// Snapshot implements raft.Storage: it returns the latest snapshot's
// metadata with nil Data (the node streams the image itself), or
// raft.ErrSnapshotTemporarilyUnavailable if none was ever recorded.
func (s *Store) Snapshot() (raft.Snapshot, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(); err != nil {
		return raft.Snapshot{}, err
	}
	if s.snap.Index == 0 {
		return raft.Snapshot{}, raft.ErrSnapshotTemporarilyUnavailable
	}
	m := s.snap
	m.Config = m.Config.Clone()
	return raft.Snapshot{Meta: m}, nil
}

// Entries implements raft.Storage: entries in [lo, hi), at most maxBytes
// in total (raft.EntrySize) but at least one. It returns raft.ErrCompacted
// if lo is compacted and an error wrapping raft.ErrUnavailable if hi is past
// LastIndex()+1. Recent entries come from the cache; older ones are read
// from Pebble and verified (a bad checksum or gap is a *CorruptionError).
// The returned slice is the caller's; entry Data may be shared with the
// cache and must not be modified.
func (s *Store) Entries(lo, hi, maxBytes uint64) ([]raft.Entry, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if err := s.check(); err != nil {
		return nil, err
	}
	if lo <= s.trunc.Index {
		return nil, raft.ErrCompacted
	}
	if hi > s.last+1 {
		return nil, fmt.Errorf("%w: entries [%d,%d) beyond last index %d", raft.ErrUnavailable, lo, hi, s.last)
	}
	if lo >= hi {
		return nil, nil
	}
	out := make([]raft.Entry, 0, min(hi-lo, 4096))
	var size uint64
	// take appends e if it fits (or is the first); it reports whether to
	// continue.
	take := func(e raft.Entry) bool {
		size += raft.EntrySize(e)
		if len(out) > 0 && size > maxBytes {
			return false
		}
		out = append(out, e)
		return true
	}
	cfirst, clast, cached := s.cache.bounds()
	cached = cached && clast == s.last // always true; be defensive
	diskHi := hi
	if cached && cfirst < hi && cfirst > lo {
		diskHi = cfirst
	} else if cached && cfirst <= lo {
		diskHi = lo
	}
	if lo < diskHi {
		more, err := s.readEntries(lo, diskHi, take)
		if err != nil {
			if errors.Is(err, ErrCorrupt) {
				return nil, s.fail(err)
			}
			return nil, err
		}
		if !more {
			return out, nil
		}
	}
	if diskHi < hi {
		for _, e := range s.cache.slice(diskHi, hi) {
			if !take(e) {
				break
			}
		}
	}
	return out, nil
}

// readEntries reads [lo, hi) from Pebble, verifying every entry, and feeds
// them to take until it returns false. It reports whether take wanted more.
func (s *Store) readEntries(lo, hi uint64, take func(raft.Entry) bool) (bool, error) {
	it, err := s.db.NewIter(&pebble.IterOptions{LowerBound: entryKey(lo), UpperBound: entryKey(hi)})
	if err != nil {
		return false, s.readErr(lo, "entries", err)
	}
	defer it.Close()
	next := lo
	for ok := it.First(); ok; ok = it.Next() {
		idx, okKey := parseEntryKey(it.Key())
		if !okKey || idx != next {
			return false, s.corrupt(next, "entry", "gap in the log: entry %d is missing", next)
		}
		val, err := it.ValueAndErr()
		if err != nil {
			return false, s.readErr(idx, "entry", err)
		}
		e, err := decodeEntry(val)
		if err != nil {
			return false, s.corrupt(idx, "entry", "%v", err)
		}
		if e.Index != idx {
			return false, s.corrupt(idx, "entry", "entry stored under index %d claims index %d", idx, e.Index)
		}
		if !take(e) {
			return false, nil
		}
		next++
	}
	if err := it.Error(); err != nil {
		return false, s.readErr(next, "entries", err)
	}
	if next != hi {
		return false, s.corrupt(next, "entry", "gap in the log: entry %d is missing", next)
	}
	return true, nil
}
