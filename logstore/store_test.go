package logstore

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/cockroachdb/pebble/v2"
	"github.com/cockroachdb/pebble/v2/vfs"
	"github.com/cockroachdb/pebble/v2/vfs/errorfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/storagetest"
)

// longTests reports whether the long variants run (RAFTSQL_LONG=1).
func longTests() bool { return os.Getenv("RAFTSQL_LONG") == "1" }

func quietLogger() *slog.Logger {
	if os.Getenv("RAFTSQL_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func testOpts(fs vfs.FS) Options {
	return Options{NodeID: 1, FS: fs, Logger: quietLogger()}
}

func mustOpen(t testing.TB, dir string, opts Options) *Store {
	t.Helper()
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", dir, err)
	}
	return s
}

func closeStore(t testing.TB, s *Store) {
	t.Helper()
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
}

// harness adapts a Store to the storagetest suite.
type harness struct {
	*Store
	opts Options
}

func (h *harness) Append(ents []raft.Entry) error {
	return h.Save(raft.HardState{}, ents, raft.Snapshot{})
}
func (h *harness) SetHardState(hs raft.HardState) error {
	return h.Save(hs, nil, raft.Snapshot{})
}
func (h *harness) ApplySnapshot(meta raft.SnapshotMeta) error {
	return h.Save(raft.HardState{}, nil, raft.Snapshot{Meta: meta})
}
func (h *harness) Reopen(t *testing.T) storagetest.Harness {
	closeStore(t, h.Store)
	h.Store = mustOpen(t, "db", h.opts)
	return h
}

func runConformance(t *testing.T, cacheBytes int64) {
	storagetest.Run(t, func(t *testing.T) storagetest.Harness {
		opts := testOpts(vfs.NewMem())
		opts.CacheBytes = cacheBytes
		h := &harness{Store: mustOpen(t, "db", opts), opts: opts}
		t.Cleanup(func() { _ = h.Close() })
		return h
	})
}

func TestConformance(t *testing.T)          { runConformance(t, 0) }
func TestConformanceNoCache(t *testing.T)   { runConformance(t, -1) }
func TestConformanceTinyCache(t *testing.T) { runConformance(t, 300) }

func mkEnts(lo, hi, term uint64) []raft.Entry {
	var out []raft.Entry
	for i := lo; i < hi; i++ {
		out = append(out, raft.Entry{Index: i, Term: term, Data: []byte(fmt.Sprintf("data-%d-%d", i, term))})
	}
	return out
}

func TestOnDisk(t *testing.T) {
	dir := t.TempDir()
	opts := Options{NodeID: 7, Logger: quietLogger()} // vfs.Default
	s := mustOpen(t, dir, opts)
	cfg := membership.Config{Voters: []uint64{7, 8, 9}}
	if err := s.Bootstrap(cfg); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(raft.HardState{Term: 2, Vote: 7, Commit: 3}, mkEnts(1, 6, 2), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	closeStore(t, s)
	s = mustOpen(t, dir, opts)
	defer closeStore(t, s)
	hs, c, err := s.InitialState()
	if err != nil || hs != (raft.HardState{Term: 2, Vote: 7, Commit: 3}) || !c.Equal(cfg) {
		t.Fatalf("InitialState = %+v %v %v", hs, c, err)
	}
	if err := s.Bootstrap(cfg); err == nil {
		t.Fatal("Bootstrap of a non-empty store succeeded")
	}
}

func TestSaveValidation(t *testing.T) {
	s := mustOpen(t, "db", testOpts(vfs.NewMem()))
	defer closeStore(t, s)
	if err := s.Save(raft.HardState{}, mkEnts(1, 5, 1), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	bad := map[string]func() error{
		"gap": func() error { return s.Save(raft.HardState{}, mkEnts(6, 7, 1), raft.Snapshot{}) },
		"non-contiguous": func() error {
			return s.Save(raft.HardState{}, append(mkEnts(5, 6, 1), mkEnts(7, 8, 1)...), raft.Snapshot{})
		},
		"decreasing term in batch": func() error {
			return s.Save(raft.HardState{}, append(mkEnts(5, 6, 2), mkEnts(6, 7, 1)...), raft.Snapshot{})
		},
		"term below previous":      func() error { return s.Save(raft.HardState{}, mkEnts(5, 6, 0), raft.Snapshot{}) },
		"commit past last":         func() error { return s.Save(raft.HardState{Term: 1, Commit: 5}, nil, raft.Snapshot{}) },
		"compact without snapshot": func() error { return s.Compact(2) },
		"snapshot not committed": func() error {
			return s.CreateSnapshot(raft.SnapshotMeta{Index: 2})
		},
	}
	for name, f := range bad {
		if err := f(); err == nil {
			t.Errorf("%s: no error", name)
		} else if errors.Is(err, ErrFatal) {
			t.Errorf("%s: validation error is fatal: %v", name, err)
		}
	}
	// Nothing was written and the store still works.
	if last, _ := s.LastIndex(); last != 4 {
		t.Fatalf("LastIndex = %d after rejected writes", last)
	}
	if err := s.Save(raft.HardState{Term: 1, Commit: 4}, mkEnts(5, 6, 1), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	// Truncating committed entries is refused.
	if err := s.Save(raft.HardState{}, mkEnts(2, 3, 2), raft.Snapshot{}); err == nil {
		t.Fatal("truncation below the commit index succeeded")
	}
	if err := s.CreateSnapshot(raft.SnapshotMeta{Index: 3, Term: 9}); err == nil {
		t.Fatal("CreateSnapshot with the wrong term succeeded")
	}
	if err := s.CreateSnapshot(raft.SnapshotMeta{Index: 3}); err != nil {
		t.Fatal(err)
	}
	if snap, _ := s.Snapshot(); snap.Meta.Term != 1 || snap.Data != nil {
		t.Fatalf("Snapshot = %+v", snap)
	}
	if err := s.Compact(4); err == nil {
		t.Fatal("Compact past the snapshot succeeded")
	}
	if err := s.Save(raft.HardState{}, nil, raft.Snapshot{Meta: raft.SnapshotMeta{Index: 2, Term: 1}}); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("older snapshot: %v", err)
	}
}

func TestIdentity(t *testing.T) {
	fs := vfs.NewMem()
	s := mustOpen(t, "db", testOpts(fs))
	closeStore(t, s)

	opts := testOpts(fs)
	opts.NodeID = 2
	_, err := Open("db", opts)
	if !errors.Is(err, ErrIdentity) || !strings.Contains(err.Error(), "belongs to node 1, not node 2") {
		t.Fatalf("open with another node id: %v", err)
	}
	if _, err := Open("db", Options{FS: fs}); err == nil {
		t.Fatal("open without a node id succeeded")
	}

	// Another format version.
	db, err := pebble.Open("db", &pebble.Options{FS: fs, Logger: pebbleLogger{quietLogger()}})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Set(keyIdentity, encodeIdentity(identity{Version: FormatVersion + 1, NodeID: 1}), pebble.Sync)
	_ = db.Close()
	_, err = Open("db", testOpts(fs))
	if !errors.Is(err, ErrIdentity) || !strings.Contains(err.Error(), "format version 2") {
		t.Fatalf("open of another format version: %v", err)
	}

	// A foreign Pebble database.
	db, err = pebble.Open("other", &pebble.Options{FS: fs, Logger: pebbleLogger{quietLogger()}})
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Set([]byte("foo"), []byte("bar"), pebble.Sync)
	_ = db.Close()
	if _, err = Open("other", testOpts(fs)); !errors.Is(err, ErrIdentity) {
		t.Fatalf("open of a foreign database: %v", err)
	}
}

// tamper opens the raw Pebble database of a closed store and runs f on it.
func tamper(t *testing.T, fs vfs.FS, dir string, f func(db *pebble.DB)) {
	t.Helper()
	db, err := pebble.Open(dir, &pebble.Options{FS: fs, Logger: pebbleLogger{quietLogger()}})
	if err != nil {
		t.Fatal(err)
	}
	f(db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

func expectCorruption(t *testing.T, err error, index uint64) {
	t.Helper()
	var ce *CorruptionError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a *CorruptionError", err)
	}
	if ce.Index != index {
		t.Fatalf("corruption at index %d, want %d: %v", ce.Index, index, err)
	}
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "remove the data directory db and re-join this member") {
		t.Fatalf("corruption message lacks the operator instructions: %v", err)
	}
}

func TestCorruptionOnOpen(t *testing.T) {
	setup := func(t *testing.T) vfs.FS {
		fs := vfs.NewMem()
		s := mustOpen(t, "db", testOpts(fs))
		if err := s.Save(raft.HardState{Term: 1, Commit: 5}, mkEnts(1, 11, 1), raft.Snapshot{}); err != nil {
			t.Fatal(err)
		}
		closeStore(t, s)
		return fs
	}
	t.Run("checksum", func(t *testing.T) {
		fs := setup(t)
		tamper(t, fs, "db", func(db *pebble.DB) {
			v, c, _ := db.Get(entryKey(7))
			v = append([]byte(nil), v...)
			c.Close()
			v[len(v)-1] ^= 0x40 // flip a data bit
			_ = db.Set(entryKey(7), v, pebble.Sync)
		})
		_, err := Open("db", testOpts(fs))
		expectCorruption(t, err, 7)
		if !strings.Contains(err.Error(), "checksum mismatch") {
			t.Fatalf("message: %v", err)
		}
	})
	t.Run("gap", func(t *testing.T) {
		fs := setup(t)
		tamper(t, fs, "db", func(db *pebble.DB) { _ = db.Delete(entryKey(4), pebble.Sync) })
		_, err := Open("db", testOpts(fs))
		expectCorruption(t, err, 4)
	})
	t.Run("wrong key", func(t *testing.T) {
		fs := setup(t)
		tamper(t, fs, "db", func(db *pebble.DB) {
			v, c, _ := db.Get(entryKey(3))
			v = append([]byte(nil), v...)
			c.Close()
			_ = db.Set(entryKey(11), v, pebble.Sync)
		})
		_, err := Open("db", testOpts(fs))
		expectCorruption(t, err, 11)
	})
	t.Run("commit past last", func(t *testing.T) {
		fs := setup(t)
		tamper(t, fs, "db", func(db *pebble.DB) {
			_ = db.DeleteRange(entryKey(5), entryKey(11), pebble.Sync)
			_ = db.Set(keyHardState, encodeHardState(raft.HardState{Term: 1, Commit: 9}), pebble.Sync)
		})
		_, err := Open("db", testOpts(fs))
		expectCorruption(t, err, 9)
	})
	t.Run("hard state checksum", func(t *testing.T) {
		fs := setup(t)
		tamper(t, fs, "db", func(db *pebble.DB) {
			b := encodeHardState(raft.HardState{Term: 1, Commit: 2})
			b[10] ^= 1
			_ = db.Set(keyHardState, b, pebble.Sync)
		})
		_, err := Open("db", testOpts(fs))
		expectCorruption(t, err, 0)
	})
}

func TestCorruptionOnRead(t *testing.T) {
	opts := testOpts(vfs.NewMem())
	opts.CacheBytes = -1
	s := mustOpen(t, "db", opts)
	defer s.Close()
	if err := s.Save(raft.HardState{}, mkEnts(1, 11, 1), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	// Damage an entry behind the store's back.
	v := appendEntry(nil, raft.Entry{Index: 6, Term: 1, Data: []byte("x")})
	v[len(v)-1] = 'y'
	if err := s.db.Set(entryKey(6), v, pebble.Sync); err != nil {
		t.Fatal(err)
	}
	if es, err := s.Entries(1, 6, 1<<20); err != nil || len(es) != 5 {
		t.Fatalf("Entries before the damage: %d, %v", len(es), err)
	}
	_, err := s.Entries(2, 11, 1<<20)
	expectCorruption(t, err, 6)
	// Sticky: every later call fails.
	if _, err := s.LastIndex(); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("LastIndex after corruption: %v", err)
	}
	if err := s.Save(raft.HardState{}, mkEnts(11, 12, 1), raft.Snapshot{}); !errors.Is(err, ErrCorrupt) {
		t.Fatalf("Save after corruption: %v", err)
	}
}

func TestCacheServesReads(t *testing.T) {
	s := mustOpen(t, "db", testOpts(vfs.NewMem()))
	defer s.Close()
	if err := s.Save(raft.HardState{}, mkEnts(1, 101, 1), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	// Remove the entries from Pebble behind the store's back: reads must
	// still succeed from the cache.
	if err := s.db.DeleteRange(entryKey(1), entryKey(101), pebble.Sync); err != nil {
		t.Fatal(err)
	}
	es, err := s.Entries(50, 101, 1<<20)
	if err != nil || len(es) != 51 || string(es[0].Data) != "data-50-1" {
		t.Fatalf("cached read: %d entries, %v", len(es), err)
	}
}

func TestCacheBound(t *testing.T) {
	opts := testOpts(vfs.NewMem())
	opts.CacheBytes = 10 * (raft.EntryOverhead + 100)
	s := mustOpen(t, "db", opts)
	defer s.Close()
	for i := uint64(1); i <= 100; i++ {
		e := raft.Entry{Index: i, Term: 1, Data: make([]byte, 100)}
		if err := s.Save(raft.HardState{}, []raft.Entry{e}, raft.Snapshot{}); err != nil {
			t.Fatal(err)
		}
	}
	if f, l, _ := s.cache.bounds(); f != 91 || l != 100 || s.cache.bytes > opts.CacheBytes {
		t.Fatalf("cache holds [%d,%d], %d bytes", f, l, s.cache.bytes)
	}
	// Truncation inside the cache, then compaction through it.
	if err := s.Save(raft.HardState{Term: 2, Commit: 95}, mkEnts(96, 98, 2), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	if f, l, _ := s.cache.bounds(); f != 91 || l != 97 {
		t.Fatalf("cache after truncation holds [%d,%d]", f, l)
	}
	if err := s.CreateSnapshot(raft.SnapshotMeta{Index: 95}); err != nil {
		t.Fatal(err)
	}
	if err := s.Compact(93); err != nil {
		t.Fatal(err)
	}
	if f, l, _ := s.cache.bounds(); f != 94 || l != 97 {
		t.Fatalf("cache after compaction holds [%d,%d]", f, l)
	}
	es, err := s.Entries(94, 98, 1<<20)
	if err != nil || len(es) != 4 || es[3].Term != 2 {
		t.Fatalf("Entries = %v, %v", es, err)
	}
}

// syncFailFS injects an error into every WAL sync once armed.
func syncFailFS(fs vfs.FS) (*errorfs.FS, *errorfs.Toggle) {
	inj := &errorfs.Toggle{Injector: errorfs.InjectorFunc(func(op errorfs.Op) error {
		if (op.Kind == errorfs.OpFileSync || op.Kind == errorfs.OpFileSyncData || op.Kind == errorfs.OpFileSyncTo) &&
			strings.HasSuffix(op.Path, ".log") {
			return errorfs.ErrInjected
		}
		return nil
	})}
	return errorfs.Wrap(fs, inj), inj
}

func TestFatalSyncErrorIsSticky(t *testing.T) {
	efs, toggle := syncFailFS(vfs.NewMem())
	s := mustOpen(t, "db", testOpts(efs))
	if err := s.Save(raft.HardState{Term: 1}, mkEnts(1, 4, 1), raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	toggle.On()
	err := s.Save(raft.HardState{Term: 1, Commit: 3}, mkEnts(4, 5, 1), raft.Snapshot{})
	var fe *FatalError
	if !errors.As(err, &fe) || !errors.Is(err, ErrFatal) || !strings.Contains(err.Error(), "node must stop") {
		t.Fatalf("Save with a failing sync: %v", err)
	}
	toggle.Off()
	// Never retried: every later call returns the same error.
	for name, f := range map[string]func() error{
		"Save":      func() error { return s.Save(raft.HardState{}, mkEnts(5, 6, 1), raft.Snapshot{}) },
		"SetConfig": func() error { return s.SetConfig(membership.Config{Voters: []uint64{1}}) },
		"LastIndex": func() error { _, err := s.LastIndex(); return err },
		"Entries":   func() error { _, err := s.Entries(1, 2, 100); return err },
		"Term":      func() error { _, err := s.Term(1); return err },
	} {
		if got := f(); got != err {
			t.Errorf("%s after a fatal error returned %v, want the sticky %v", name, got, err)
		}
	}
	_ = s.Close() // may report the failure; must not hang
}

// TestConcurrentSavesShareSyncs checks concurrent writers (with readers)
// keep the log consistent; run with -race.
func TestConcurrentSaves(t *testing.T) {
	s := mustOpen(t, "db", testOpts(vfs.NewMem()))
	const writers, perWriter = 8, 40
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < perWriter; i++ {
				if err := appendNext(s, 1+i%3, 64); err != nil {
					t.Error(err)
					return
				}
				if _, err := s.Entries(1, 2, 100); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	last, _ := s.LastIndex()
	es, err := s.Entries(1, last+1, 1<<30)
	if err != nil || uint64(len(es)) != last {
		t.Fatalf("Entries: %d of %d, %v", len(es), last, err)
	}
	closeStore(t, s)
	s = mustOpen(t, "db", testOpts(s.fs))
	defer s.Close()
	if l, _ := s.LastIndex(); l != last {
		t.Fatalf("LastIndex after reopen = %d, want %d", l, last)
	}
}

// appendNext appends n entries of size bytes after the current last index,
// choosing the indexes under the store's lock so that concurrent callers
// can append to one log (tests and benchmarks only; a node has one writer).
func appendNext(s *Store, n, size int) error {
	return s.commit("Save", func(b *pebble.Batch) (func(), error) {
		ents := make([]raft.Entry, n)
		data := make([]byte, size)
		for i := range ents {
			ents[i] = raft.Entry{Index: s.last + 1 + uint64(i), Term: 1, Data: data}
		}
		return s.buildSave(b, raft.HardState{}, ents, raft.Snapshot{})
	})
}
