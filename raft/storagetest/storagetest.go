// Package storagetest is a conformance suite for raft.Storage
// implementations. The write side differs between implementations, so the
// suite drives it through the small Harness interface; an implementation's
// test adapts its own write API to it and calls Run.
//
// The suite pins down the contract the raft core relies on:
//   - an empty storage has FirstIndex 1, LastIndex 0, Term(0) == 0;
//   - Entries(lo, hi, maxBytes) returns ErrCompacted for lo <= FirstIndex-1,
//     an error wrapping ErrUnavailable for hi > LastIndex+1, and otherwise
//     the longest prefix of [lo, hi) whose raft.EntrySize sum is at most
//     maxBytes, but at least one entry;
//   - Term(i) returns ErrCompacted below FirstIndex-1, ErrUnavailable past
//     LastIndex, and the snapshot's (truncated) term at FirstIndex-1;
//   - appending overlapping entries replaces the conflicting suffix;
//     entries at or below the compaction point are ignored; a gap is an
//     error;
//   - ApplySnapshot drops the whole log and sets the configuration; an
//     older snapshot is ErrSnapOutOfDate, as is CreateSnapshot at or below
//     the latest snapshot; Compact at or below the compaction point is
//     ErrCompacted;
//   - returned slices are the caller's: mutating them does not change the
//     storage.
//
// The Harness's write calls are only made in ways a Raft driver makes
// them: commit never goes past the last index, snapshots are only created
// at committed indexes, Compact only up to the latest snapshot.
package storagetest

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// Harness is a raft.Storage plus the write operations the suite needs.
type Harness interface {
	raft.Storage
	// Append appends contiguous entries, replacing a conflicting suffix
	// and ignoring entries at or below the compaction point.
	Append(ents []raft.Entry) error
	// SetHardState persists hs.
	SetHardState(hs raft.HardState) error
	// ApplySnapshot installs a snapshot received from a leader: the whole
	// log is dropped, FirstIndex becomes meta.Index+1 and the
	// configuration meta.Config.
	ApplySnapshot(meta raft.SnapshotMeta) error
	// CreateSnapshot records a snapshot at meta.Index with meta.Config
	// (meta.Term is the log's term at meta.Index).
	CreateSnapshot(meta raft.SnapshotMeta) error
	// Compact drops the entries <= index.
	Compact(index uint64) error
	// SetConfig records the configuration in force.
	SetConfig(cfg membership.Config) error
}

// Reopener is implemented by durable harnesses: Reopen closes the store
// and opens it again from its durable state. The suite checks that nothing
// observable changes.
type Reopener interface {
	Reopen(t *testing.T) Harness
}

// Run runs the conformance suite. newStore returns an empty storage; it is
// called once per subtest.
func Run(t *testing.T, newStore func(t *testing.T) Harness) {
	t.Run("Empty", func(t *testing.T) { testEmpty(t, newStore(t)) })
	t.Run("AppendAndRead", func(t *testing.T) { testAppendAndRead(t, newStore(t)) })
	t.Run("MaxBytes", func(t *testing.T) { testMaxBytes(t, newStore(t)) })
	t.Run("OverwriteSuffix", func(t *testing.T) { testOverwrite(t, newStore(t)) })
	t.Run("HardStateAndConfig", func(t *testing.T) { testHardStateConfig(t, newStore(t)) })
	t.Run("SnapshotAndCompact", func(t *testing.T) { testSnapshotCompact(t, newStore(t)) })
	t.Run("ApplySnapshot", func(t *testing.T) { testApplySnapshot(t, newStore(t)) })
	t.Run("ApplySnapshotInsideLog", func(t *testing.T) { testApplySnapshotInsideLog(t, newStore(t)) })
	t.Run("AppendAcrossCompaction", func(t *testing.T) { testAppendAcrossCompaction(t, newStore(t)) })
	t.Run("ConcurrentReaders", func(t *testing.T) { testConcurrentReaders(t, newStore(t)) })
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprintf("Model/seed=%d", seed), func(t *testing.T) { testModel(t, newStore(t), seed, 300) })
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ents(lo, hi, term uint64) []raft.Entry {
	var out []raft.Entry
	for i := lo; i < hi; i++ {
		out = append(out, raft.Entry{Index: i, Term: term, Data: []byte(fmt.Sprintf("e%d-t%d", i, term))})
	}
	return out
}

func checkEntries(t *testing.T, s raft.Storage, lo, hi uint64, want []raft.Entry) {
	t.Helper()
	got, err := s.Entries(lo, hi, ^uint64(0))
	if err != nil {
		t.Fatalf("Entries(%d,%d): %v", lo, hi, err)
	}
	if !entriesEqual(got, want) {
		t.Fatalf("Entries(%d,%d) = %s, want %s", lo, hi, describe(got), describe(want))
	}
}

func entriesEqual(a, b []raft.Entry) bool {
	return slices.EqualFunc(a, b, func(x, y raft.Entry) bool {
		return x.Index == y.Index && x.Term == y.Term && x.Type == y.Type && string(x.Data) == string(y.Data)
	})
}

func describe(es []raft.Entry) string {
	if len(es) == 0 {
		return "[]"
	}
	s := "["
	for i, e := range es {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%d/%d", e.Index, e.Term)
		if i > 8 && len(es) > 12 {
			s += fmt.Sprintf(" ... %d/%d", es[len(es)-1].Index, es[len(es)-1].Term)
			break
		}
	}
	return s + "]"
}

func checkBounds(t *testing.T, s raft.Storage, first, last uint64) {
	t.Helper()
	f, err := s.FirstIndex()
	must(t, err)
	l, err := s.LastIndex()
	must(t, err)
	if f != first || l != last {
		t.Fatalf("FirstIndex, LastIndex = %d, %d; want %d, %d", f, l, first, last)
	}
}

func checkTerm(t *testing.T, s raft.Storage, i, want uint64, wantErr error) {
	t.Helper()
	got, err := s.Term(i)
	if wantErr != nil {
		if !errors.Is(err, wantErr) {
			t.Fatalf("Term(%d) = %d, %v; want error %v", i, got, err, wantErr)
		}
		return
	}
	if err != nil || got != want {
		t.Fatalf("Term(%d) = %d, %v; want %d", i, got, err, want)
	}
}

func checkNoSnapshot(t *testing.T, s raft.Storage) {
	t.Helper()
	snap, err := s.Snapshot()
	if err != nil && !errors.Is(err, raft.ErrSnapshotTemporarilyUnavailable) {
		t.Fatalf("Snapshot() of a storage without one: %v", err)
	}
	if err == nil && !snap.IsEmpty() {
		t.Fatalf("Snapshot() = %+v, want none", snap.Meta)
	}
}

func checkSnapshot(t *testing.T, s raft.Storage, want raft.SnapshotMeta) {
	t.Helper()
	snap, err := s.Snapshot()
	must(t, err)
	if snap.Meta.Index != want.Index || snap.Meta.Term != want.Term || !snap.Meta.Config.Equal(want.Config) {
		t.Fatalf("Snapshot().Meta = %+v, want %+v", snap.Meta, want)
	}
}

func testEmpty(t *testing.T, s Harness) {
	hs, cfg, err := s.InitialState()
	must(t, err)
	if !hs.IsEmpty() || !cfg.IsEmpty() {
		t.Fatalf("InitialState() = %+v, %v; want empty", hs, cfg)
	}
	checkBounds(t, s, 1, 0)
	checkTerm(t, s, 0, 0, nil)
	checkTerm(t, s, 1, 0, raft.ErrUnavailable)
	if es, err := s.Entries(1, 1, 100); err != nil || len(es) != 0 {
		t.Fatalf("Entries(1,1) = %v, %v; want nothing", es, err)
	}
	if _, err := s.Entries(1, 2, 100); !errors.Is(err, raft.ErrUnavailable) {
		t.Fatalf("Entries(1,2) on empty log: %v, want ErrUnavailable", err)
	}
	if _, err := s.Entries(0, 1, 100); !errors.Is(err, raft.ErrCompacted) {
		t.Fatalf("Entries(0,1): %v, want ErrCompacted", err)
	}
	checkNoSnapshot(t, s)
	if err := s.Compact(0); !errors.Is(err, raft.ErrCompacted) {
		t.Fatalf("Compact(0) on empty log: %v, want ErrCompacted", err)
	}
}

func testAppendAndRead(t *testing.T, s Harness) {
	want := append(ents(1, 4, 1), ents(4, 11, 2)...)
	want[3].Type = raft.EntryConfChange
	want[5].Data = nil // empty entries (a new leader's first entry) are legal
	must(t, s.Append(want[:4]))
	must(t, s.Append(want[4:]))
	checkBounds(t, s, 1, 10)
	checkTerm(t, s, 0, 0, nil)
	for _, e := range want {
		checkTerm(t, s, e.Index, e.Term, nil)
	}
	checkTerm(t, s, 11, 0, raft.ErrUnavailable)
	checkEntries(t, s, 1, 11, want)
	checkEntries(t, s, 3, 7, want[2:6])
	checkEntries(t, s, 10, 11, want[9:])
	if _, err := s.Entries(5, 12, 1<<20); !errors.Is(err, raft.ErrUnavailable) {
		t.Fatalf("Entries(5,12) past last index: %v, want ErrUnavailable", err)
	}
	if es, err := s.Entries(5, 5, 1<<20); err != nil || len(es) != 0 {
		t.Fatalf("Entries(5,5) = %v, %v", es, err)
	}
	// The returned slice belongs to the caller (entry Data is immutable by
	// convention and may be shared).
	got, err := s.Entries(1, 11, 1<<20)
	must(t, err)
	got[0].Term = 99
	_ = append(got[:2], raft.Entry{Index: 3, Term: 77})
	checkEntries(t, s, 1, 11, want)
	// Appending the same tail again changes nothing.
	must(t, s.Append(want[2:]))
	checkEntries(t, s, 1, 11, want)
	checkBounds(t, s, 1, 10)
	// A gap is rejected and changes nothing.
	if err := s.Append(ents(12, 13, 2)); err == nil {
		t.Fatal("Append with a gap after the last index succeeded")
	}
	checkBounds(t, s, 1, 10)
	if r, ok := s.(Reopener); ok {
		s = r.Reopen(t)
		checkBounds(t, s, 1, 10)
		checkEntries(t, s, 1, 11, want)
	}
}

func limitSize(es []raft.Entry, maxBytes uint64) []raft.Entry {
	if len(es) == 0 {
		return es
	}
	size := raft.EntrySize(es[0])
	n := 1
	for ; n < len(es); n++ {
		size += raft.EntrySize(es[n])
		if size > maxBytes {
			break
		}
	}
	return es[:n]
}

func testMaxBytes(t *testing.T, s Harness) {
	var all []raft.Entry
	for i := uint64(1); i <= 40; i++ {
		all = append(all, raft.Entry{Index: i, Term: 1 + i/10, Data: make([]byte, int(i*7%50))})
	}
	must(t, s.Append(all))
	for _, mb := range []uint64{0, 1, raft.EntryOverhead, raft.EntryOverhead + 7, 100, 200, 333, 1000, 1 << 30} {
		for _, r := range [][2]uint64{{1, 41}, {5, 20}, {39, 41}, {17, 18}} {
			got, err := s.Entries(r[0], r[1], mb)
			must(t, err)
			want := limitSize(all[r[0]-1:r[1]-1], mb)
			if !entriesEqual(got, want) {
				t.Fatalf("Entries(%d,%d,%d) = %s, want %s", r[0], r[1], mb, describe(got), describe(want))
			}
		}
	}
}

func testOverwrite(t *testing.T, s Harness) {
	must(t, s.Append(ents(1, 11, 1)))
	must(t, s.Append(ents(5, 8, 2))) // replaces 5..10 by 5..7
	checkBounds(t, s, 1, 7)
	checkTerm(t, s, 4, 1, nil)
	checkTerm(t, s, 5, 2, nil)
	checkTerm(t, s, 8, 0, raft.ErrUnavailable)
	checkEntries(t, s, 1, 8, append(ents(1, 5, 1), ents(5, 8, 2)...))
	if _, err := s.Entries(1, 9, 1<<20); !errors.Is(err, raft.ErrUnavailable) {
		t.Fatalf("Entries past the truncated end: %v, want ErrUnavailable", err)
	}
	// Overwrite with a longer suffix.
	must(t, s.Append(ents(6, 15, 3)))
	checkBounds(t, s, 1, 14)
	want := append(append(ents(1, 5, 1), ents(5, 6, 2)...), ents(6, 15, 3)...)
	checkEntries(t, s, 1, 15, want)
	// Overwrite a single entry in the middle: everything after goes.
	must(t, s.Append(ents(10, 11, 4)))
	checkBounds(t, s, 1, 10)
	checkEntries(t, s, 1, 11, append(want[:9], ents(10, 11, 4)...))
	if r, ok := s.(Reopener); ok {
		s = r.Reopen(t)
		checkBounds(t, s, 1, 10)
		checkEntries(t, s, 1, 11, append(want[:9], ents(10, 11, 4)...))
	}
}

func testHardStateConfig(t *testing.T, s Harness) {
	must(t, s.Append(ents(1, 6, 3)))
	hs := raft.HardState{Term: 3, Vote: 2, Commit: 4}
	must(t, s.SetHardState(hs))
	cfg := membership.Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{7}}
	must(t, s.SetConfig(cfg))
	gotHS, gotCfg, err := s.InitialState()
	must(t, err)
	if gotHS != hs || !gotCfg.Equal(cfg) {
		t.Fatalf("InitialState() = %+v, %v; want %+v, %v", gotHS, gotCfg, hs, cfg)
	}
	gotCfg.Voters[0] = 42 // the caller's copy
	_, gotCfg, _ = s.InitialState()
	if !gotCfg.Equal(cfg) {
		t.Fatalf("InitialState config changed through a returned slice: %v", gotCfg)
	}
	hs2 := raft.HardState{Term: 4, Vote: 0, Commit: 5}
	must(t, s.SetHardState(hs2))
	if r, ok := s.(Reopener); ok {
		s = r.Reopen(t)
	}
	gotHS, gotCfg, err = s.InitialState()
	must(t, err)
	if gotHS != hs2 || !gotCfg.Equal(cfg) {
		t.Fatalf("InitialState() = %+v, %v; want %+v, %v", gotHS, gotCfg, hs2, cfg)
	}
}

func testSnapshotCompact(t *testing.T, s Harness) {
	must(t, s.Append(append(ents(1, 4, 1), ents(4, 11, 2)...)))
	must(t, s.SetHardState(raft.HardState{Term: 2, Commit: 8}))
	checkNoSnapshot(t, s)
	cfg := membership.Config{Voters: []uint64{1, 2, 3}}
	must(t, s.CreateSnapshot(raft.SnapshotMeta{Index: 5, Term: 2, Config: cfg}))
	checkSnapshot(t, s, raft.SnapshotMeta{Index: 5, Term: 2, Config: cfg})
	checkBounds(t, s, 1, 10) // CreateSnapshot does not compact
	if err := s.CreateSnapshot(raft.SnapshotMeta{Index: 5, Term: 2, Config: cfg}); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("CreateSnapshot at the same index: %v, want ErrSnapOutOfDate", err)
	}
	if err := s.CreateSnapshot(raft.SnapshotMeta{Index: 4, Term: 2, Config: cfg}); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("CreateSnapshot at an older index: %v, want ErrSnapOutOfDate", err)
	}
	must(t, s.Compact(3))
	checkBounds(t, s, 4, 10)
	checkTerm(t, s, 3, 1, nil) // FirstIndex-1 gives the compacted term
	checkTerm(t, s, 2, 0, raft.ErrCompacted)
	if _, err := s.Entries(3, 5, 1<<20); !errors.Is(err, raft.ErrCompacted) {
		t.Fatalf("Entries(3,5) after Compact(3): %v, want ErrCompacted", err)
	}
	checkEntries(t, s, 4, 11, ents(4, 11, 2))
	must(t, s.Compact(5))
	checkBounds(t, s, 6, 10)
	checkTerm(t, s, 5, 2, nil)
	if err := s.Compact(5); !errors.Is(err, raft.ErrCompacted) {
		t.Fatalf("Compact(5) twice: %v, want ErrCompacted", err)
	}
	if err := s.Compact(2); !errors.Is(err, raft.ErrCompacted) {
		t.Fatalf("Compact(2) after Compact(5): %v, want ErrCompacted", err)
	}
	// Append after compaction, overwrite a suffix.
	must(t, s.Append(ents(9, 13, 3)))
	checkBounds(t, s, 6, 12)
	checkEntries(t, s, 6, 13, append(ents(6, 9, 2), ents(9, 13, 3)...))
	must(t, s.SetHardState(raft.HardState{Term: 3, Commit: 12}))
	must(t, s.CreateSnapshot(raft.SnapshotMeta{Index: 12, Term: 3, Config: cfg}))
	must(t, s.Compact(12))
	checkBounds(t, s, 13, 12)
	checkTerm(t, s, 12, 3, nil)
	if es, err := s.Entries(13, 13, 100); err != nil || len(es) != 0 {
		t.Fatalf("Entries(13,13) on a fully compacted log = %v, %v", es, err)
	}
	must(t, s.Append(ents(13, 15, 3)))
	checkBounds(t, s, 13, 14)
	if r, ok := s.(Reopener); ok {
		s = r.Reopen(t)
		checkBounds(t, s, 13, 14)
		checkTerm(t, s, 12, 3, nil)
		checkSnapshot(t, s, raft.SnapshotMeta{Index: 12, Term: 3, Config: cfg})
		checkEntries(t, s, 13, 15, ents(13, 15, 3))
	}
}

func testApplySnapshot(t *testing.T, s Harness) {
	must(t, s.Append(ents(1, 11, 1)))
	must(t, s.SetHardState(raft.HardState{Term: 1, Commit: 3}))
	cfg := membership.Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{4}}
	meta := raft.SnapshotMeta{Index: 20, Term: 5, Config: cfg}
	must(t, s.ApplySnapshot(meta))
	must(t, s.SetHardState(raft.HardState{Term: 5, Commit: 20}))
	checkBounds(t, s, 21, 20)
	checkTerm(t, s, 20, 5, nil)
	checkTerm(t, s, 19, 0, raft.ErrCompacted)
	checkTerm(t, s, 21, 0, raft.ErrUnavailable)
	checkSnapshot(t, s, meta)
	if _, cfg2, _ := s.InitialState(); !cfg2.Equal(cfg) {
		t.Fatalf("config after ApplySnapshot = %v, want %v", cfg2, cfg)
	}
	if _, err := s.Entries(20, 21, 100); !errors.Is(err, raft.ErrCompacted) {
		t.Fatalf("Entries(20,21): %v, want ErrCompacted", err)
	}
	if err := s.ApplySnapshot(raft.SnapshotMeta{Index: 15, Term: 5, Config: cfg}); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("ApplySnapshot of an older snapshot: %v, want ErrSnapOutOfDate", err)
	}
	if err := s.ApplySnapshot(meta); !errors.Is(err, raft.ErrSnapOutOfDate) {
		t.Fatalf("ApplySnapshot of the same snapshot: %v, want ErrSnapOutOfDate", err)
	}
	must(t, s.Append(ents(21, 25, 5)))
	checkBounds(t, s, 21, 24)
	checkEntries(t, s, 21, 25, ents(21, 25, 5))
	if r, ok := s.(Reopener); ok {
		s = r.Reopen(t)
		checkBounds(t, s, 21, 24)
		checkSnapshot(t, s, meta)
		checkTerm(t, s, 20, 5, nil)
		checkEntries(t, s, 21, 25, ents(21, 25, 5))
	}
}

func testApplySnapshotInsideLog(t *testing.T, s Harness) {
	must(t, s.Append(ents(1, 11, 1)))
	meta := raft.SnapshotMeta{Index: 6, Term: 2, Config: membership.Config{Voters: []uint64{1}}}
	must(t, s.ApplySnapshot(meta)) // the follower's log diverged: all of it goes
	checkBounds(t, s, 7, 6)
	checkTerm(t, s, 6, 2, nil)
	checkTerm(t, s, 7, 0, raft.ErrUnavailable)
	must(t, s.Append(ents(7, 9, 2)))
	checkEntries(t, s, 7, 9, ents(7, 9, 2))
}

func testAppendAcrossCompaction(t *testing.T, s Harness) {
	must(t, s.Append(ents(1, 11, 1)))
	must(t, s.SetHardState(raft.HardState{Term: 1, Commit: 5}))
	must(t, s.CreateSnapshot(raft.SnapshotMeta{Index: 5, Term: 1}))
	must(t, s.Compact(5))
	// Entries at or below the compaction point are ignored.
	must(t, s.Append(append(ents(3, 6, 1), ents(6, 9, 2)...)))
	checkBounds(t, s, 6, 8)
	checkEntries(t, s, 6, 9, ents(6, 9, 2))
	must(t, s.Append(ents(2, 5, 1))) // entirely compacted: no-op
	checkBounds(t, s, 6, 8)
}

func testConcurrentReaders(t *testing.T, s Harness) {
	must(t, s.Append(ents(1, 2, 1)))
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				first, _ := s.FirstIndex()
				last, _ := s.LastIndex()
				if last < first {
					continue
				}
				es, err := s.Entries(first, last+1, 1<<20)
				if err != nil && !errors.Is(err, raft.ErrCompacted) && !errors.Is(err, raft.ErrUnavailable) {
					t.Errorf("Entries(%d,%d): %v", first, last+1, err)
					return
				}
				for i := 1; i < len(es); i++ {
					if es[i].Index != es[i-1].Index+1 {
						t.Errorf("non-contiguous read %s", describe(es))
						return
					}
				}
			}
		}()
	}
	for i := uint64(2); i <= 200; i++ {
		must(t, s.Append(ents(i, i+1, 1)))
		if i%50 == 0 {
			must(t, s.SetHardState(raft.HardState{Term: 1, Commit: i}))
			must(t, s.CreateSnapshot(raft.SnapshotMeta{Index: i - 10, Term: 1}))
			must(t, s.Compact(i-10))
		}
	}
	close(stop)
	wg.Wait()
}

// model is the reference the random test compares a Harness with.
type model struct {
	hs    raft.HardState
	cfg   membership.Config
	snap  raft.SnapshotMeta
	trunc raft.Entry // Index/Term of the last compacted entry
	log   []raft.Entry
}

func (m *model) first() uint64 { return m.trunc.Index + 1 }
func (m *model) last() uint64  { return m.trunc.Index + uint64(len(m.log)) }
func (m *model) term(i uint64) uint64 {
	if i == m.trunc.Index {
		return m.trunc.Term
	}
	return m.log[i-m.first()].Term
}

func testModel(t *testing.T, s Harness, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, seed*7919))
	m := &model{}
	curTerm := uint64(1)
	for step := 0; step < steps; step++ {
		var op string
		switch k := rng.IntN(100); {
		case k < 45: // append, possibly overwriting an uncommitted suffix
			lo := m.hs.Commit + 1
			if lo < m.first() {
				lo = m.first()
			}
			start := lo + uint64(rng.IntN(int(m.last()+2-lo)))
			if rng.IntN(4) == 0 {
				curTerm++
			}
			term := curTerm
			if start-1 >= m.trunc.Index && start-1 <= m.last() && m.term(start-1) > term {
				term = m.term(start - 1)
			}
			n := 1 + uint64(rng.IntN(8))
			es := ents(start, start+n, term)
			if rng.IntN(5) == 0 && start > m.first()+1 {
				// Include already-compacted or matching prefix entries.
				back := uint64(rng.IntN(int(start)))
				prefix := make([]raft.Entry, 0, back)
				for i := start - back; i < start; i++ {
					if i > m.trunc.Index {
						prefix = append(prefix, m.log[i-m.first()])
					} else {
						prefix = append(prefix, raft.Entry{Index: i, Term: m.trunc.Term})
					}
				}
				es = append(prefix, es...)
			}
			op = fmt.Sprintf("Append(%s)", describe(es))
			must(t, s.Append(es))
			for _, e := range es {
				if e.Index <= m.trunc.Index {
					continue
				}
				m.log = append(m.log[:e.Index-m.first()], e)
			}
		case k < 60:
			commit := m.hs.Commit
			if m.last() > commit {
				commit += uint64(rng.IntN(int(m.last()-commit) + 1))
			}
			hs := raft.HardState{Term: curTerm, Vote: uint64(rng.IntN(4)), Commit: commit}
			op = fmt.Sprintf("SetHardState(%+v)", hs)
			must(t, s.SetHardState(hs))
			m.hs = hs
		case k < 72:
			if m.hs.Commit <= m.snap.Index || m.hs.Commit < m.first() {
				continue
			}
			idx := m.snap.Index + 1 + uint64(rng.IntN(int(m.hs.Commit-m.snap.Index)))
			if idx < m.first()-1 {
				continue
			}
			meta := raft.SnapshotMeta{Index: idx, Term: m.term(idx), Config: membership.Config{Voters: []uint64{1, uint64(step) + 2}}}
			op = fmt.Sprintf("CreateSnapshot(%d)", idx)
			must(t, s.CreateSnapshot(meta))
			m.snap = meta
		case k < 84:
			if m.snap.Index <= m.trunc.Index {
				continue
			}
			idx := m.trunc.Index + 1 + uint64(rng.IntN(int(m.snap.Index-m.trunc.Index)))
			op = fmt.Sprintf("Compact(%d)", idx)
			must(t, s.Compact(idx))
			trunc := raft.Entry{Index: idx, Term: m.term(idx)}
			m.log = m.log[idx-m.trunc.Index:]
			m.trunc = trunc
			if len(m.log) > 0 {
				m.log = slices.Clone(m.log)
			}
		case k < 90:
			lo := max(m.hs.Commit, m.snap.Index+1)
			idx := lo + uint64(rng.IntN(6))
			curTerm++
			meta := raft.SnapshotMeta{Index: idx, Term: curTerm, Config: membership.Config{Voters: []uint64{1, 2}, Learners: []uint64{uint64(step) + 3}}}
			op = fmt.Sprintf("ApplySnapshot(%d/%d)", idx, curTerm)
			must(t, s.ApplySnapshot(meta))
			m.snap, m.cfg = meta, meta.Config
			m.trunc = raft.Entry{Index: idx, Term: curTerm}
			m.log = nil
			hs := raft.HardState{Term: curTerm, Commit: idx}
			must(t, s.SetHardState(hs))
			m.hs = hs
		case k < 95:
			cfg := membership.Config{Voters: []uint64{uint64(step) + 1}}
			op = fmt.Sprintf("SetConfig(%v)", cfg)
			must(t, s.SetConfig(cfg))
			m.cfg = cfg
		default:
			r, ok := s.(Reopener)
			if !ok {
				continue
			}
			op = "Reopen"
			s = r.Reopen(t)
		}
		checkModel(t, s, m, rng, step, op)
	}
}

func checkModel(t *testing.T, s Harness, m *model, rng *rand.Rand, step int, op string) {
	t.Helper()
	fail := func(format string, args ...any) {
		t.Helper()
		t.Fatalf("step %d after %s: %s", step, op, fmt.Sprintf(format, args...))
	}
	first, err1 := s.FirstIndex()
	last, err2 := s.LastIndex()
	if err1 != nil || err2 != nil || first != m.first() || last != m.last() {
		fail("FirstIndex, LastIndex = %d, %d (%v, %v); want %d, %d", first, last, err1, err2, m.first(), m.last())
	}
	hs, cfg, err := s.InitialState()
	if err != nil || hs != m.hs || !cfg.Equal(m.cfg) {
		fail("InitialState = %+v, %v, %v; want %+v, %v", hs, cfg, err, m.hs, m.cfg)
	}
	for i := m.trunc.Index; i <= m.last(); i++ {
		if got, err := s.Term(i); err != nil || got != m.term(i) {
			fail("Term(%d) = %d, %v; want %d", i, got, err, m.term(i))
		}
	}
	if m.trunc.Index > 0 {
		if _, err := s.Term(m.trunc.Index - 1); !errors.Is(err, raft.ErrCompacted) {
			fail("Term(%d) below the compaction point: %v", m.trunc.Index-1, err)
		}
	}
	if _, err := s.Term(m.last() + 1); !errors.Is(err, raft.ErrUnavailable) {
		fail("Term(last+1): %v", err)
	}
	got, err := s.Entries(m.first(), m.last()+1, ^uint64(0))
	if err != nil || !entriesEqual(got, m.log) {
		fail("Entries(all) = %s, %v; want %s", describe(got), err, describe(m.log))
	}
	if len(m.log) > 0 {
		lo := m.first() + uint64(rng.IntN(len(m.log)))
		hi := lo + 1 + uint64(rng.IntN(int(m.last()+1-lo)))
		mb := uint64(rng.IntN(300))
		got, err := s.Entries(lo, hi, mb)
		want := limitSize(m.log[lo-m.first():hi-m.first()], mb)
		if err != nil || !entriesEqual(got, want) {
			fail("Entries(%d,%d,%d) = %s, %v; want %s", lo, hi, mb, describe(got), err, describe(want))
		}
	}
	if m.snap.Index == 0 {
		checkNoSnapshot(t, s)
	} else {
		snap, err := s.Snapshot()
		if err != nil || snap.Meta.Index != m.snap.Index || snap.Meta.Term != m.snap.Term || !snap.Meta.Config.Equal(m.snap.Config) {
			fail("Snapshot() = %+v, %v; want %+v", snap.Meta, err, m.snap)
		}
	}
}
