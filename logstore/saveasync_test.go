package logstore

import (
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// TestSaveAsync: a pipelined write is readable at once, the next one can
// start before the first is waited for (truncating part of it), and after
// both waits a reopened store holds the result of both, in order.
func TestSaveAsync(t *testing.T) {
	fs := vfs.NewMem()
	dir := "async"
	s := mustOpen(t, dir, testOpts(fs))
	if err := s.Bootstrap(membership.Config{Voters: []uint64{1}}); err != nil {
		t.Fatal(err)
	}
	wait1, err := s.SaveAsync(raft.HardState{Term: 1, Vote: 1}, mkEnts(1, 5, 1), raft.Snapshot{})
	if err != nil || wait1 == nil {
		t.Fatalf("SaveAsync = %v, %v", wait1 != nil, err)
	}
	if li, err := s.LastIndex(); err != nil || li != 4 {
		t.Fatalf("LastIndex before the sync = %d, %v; want 4 (visible at once)", li, err)
	}
	wait2, err := s.SaveAsync(raft.HardState{Term: 2, Vote: 1, Commit: 3}, mkEnts(4, 7, 2), raft.Snapshot{})
	if err != nil || wait2 == nil {
		t.Fatalf("second SaveAsync = %v, %v", wait2 != nil, err)
	}
	if err := wait1(); err != nil {
		t.Fatal(err)
	}
	if err := wait2(); err != nil {
		t.Fatal(err)
	}
	if w, err := s.SaveAsync(raft.HardState{}, nil, raft.Snapshot{}); w != nil || err != nil {
		t.Fatalf("empty SaveAsync = %v, %v; want nothing to wait for", w != nil, err)
	}
	if _, err := s.SaveAsync(raft.HardState{}, []raft.Entry{{Index: 7, Term: 2}, {Index: 9, Term: 2}}, raft.Snapshot{}); err == nil {
		t.Fatal("SaveAsync accepted a gap")
	}
	closeStore(t, s)
	s = mustOpen(t, dir, testOpts(fs))
	defer closeStore(t, s)
	hs, _, err := s.InitialState()
	if err != nil || hs != (raft.HardState{Term: 2, Vote: 1, Commit: 3}) {
		t.Fatalf("InitialState = %+v, %v", hs, err)
	}
	for i, want := range []uint64{1, 1, 1, 2, 2, 2} {
		if term, err := s.Term(uint64(i + 1)); err != nil || term != want {
			t.Fatalf("Term(%d) = %d, %v; want %d", i+1, term, err, want)
		}
	}
	if li, _ := s.LastIndex(); li != 6 {
		t.Fatalf("LastIndex = %d, want 6", li)
	}
}
