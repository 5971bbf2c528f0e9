package raft

import (
	"errors"
	"testing"

	"github.com/raftsql/raftsql/membership"
)

func TestMemoryStorage(t *testing.T) {
	ms := NewMemoryStorage()
	if err := ms.Append(ents(1, 1, 2, 2, 3)); err != nil {
		t.Fatal(err)
	}
	if li, _ := ms.LastIndex(); li != 5 {
		t.Fatalf("last %d", li)
	}
	// Conflicting suffix replaced.
	if err := ms.Append([]Entry{{Index: 4, Term: 4}}); err != nil {
		t.Fatal(err)
	}
	if li, _ := ms.LastIndex(); li != 4 {
		t.Fatalf("last %d after truncation", li)
	}
	if tm, _ := ms.Term(4); tm != 4 {
		t.Fatalf("term %d", tm)
	}
	if err := ms.Append([]Entry{{Index: 9, Term: 4}}); err == nil {
		t.Fatal("gap accepted")
	}
	got, err := ms.Entries(1, 5, 2*EntryOverhead+12)
	if err != nil || len(got) != 2 {
		t.Fatalf("size-limited entries: %d %v", len(got), err)
	}
	got, _ = ms.Entries(1, 5, 0)
	if len(got) != 1 {
		t.Fatalf("at least one entry: %d", len(got))
	}
	cfg := membership.NewConfig([]uint64{1, 2}, nil)
	snap, err := ms.CreateSnapshot(3, cfg, []byte("d"))
	if err != nil || snap.Meta.Term != 2 {
		t.Fatalf("snapshot %+v %v", snap, err)
	}
	if err := ms.Compact(3); err != nil {
		t.Fatal(err)
	}
	if fi, _ := ms.FirstIndex(); fi != 4 {
		t.Fatalf("first %d", fi)
	}
	if _, err := ms.Entries(3, 4, 100); !errors.Is(err, ErrCompacted) {
		t.Fatalf("compacted entries: %v", err)
	}
	if tm, err := ms.Term(3); err != nil || tm != 2 {
		t.Fatalf("term at snapshot %d %v", tm, err)
	}
	if _, err := ms.Term(2); !errors.Is(err, ErrCompacted) {
		t.Fatalf("term 2: %v", err)
	}
	if _, err := ms.Term(9); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("term 9: %v", err)
	}
	if err := ms.ApplySnapshot(Snapshot{Meta: SnapshotMeta{Index: 2, Term: 1}}); !errors.Is(err, ErrSnapOutOfDate) {
		t.Fatalf("old snapshot: %v", err)
	}
	if err := ms.ApplySnapshot(Snapshot{Meta: SnapshotMeta{Index: 10, Term: 5, Config: cfg}}); err != nil {
		t.Fatal(err)
	}
	if fi, _ := ms.FirstIndex(); fi != 11 {
		t.Fatalf("first after snapshot %d", fi)
	}
	if _, c, _ := ms.InitialState(); !c.Equal(cfg) {
		t.Fatalf("config %s", c)
	}
}

func TestMemoryStorageConcurrent(t *testing.T) {
	ms := NewMemoryStorage()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := uint64(1); i <= 500; i++ {
			_ = ms.Append([]Entry{{Index: i, Term: 1}})
			_ = ms.SetHardState(HardState{Term: 1, Commit: i})
		}
	}()
	for i := 0; i < 500; i++ {
		li, _ := ms.LastIndex()
		fi, _ := ms.FirstIndex()
		if li >= fi {
			if _, err := ms.Entries(fi, li+1, 1<<20); err != nil {
				t.Fatal(err)
			}
		}
		_, _, _ = ms.InitialState()
	}
	<-done
}
