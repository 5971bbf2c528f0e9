package logstore

import (
	"path/filepath"
	"testing"

	"github.com/raftsql/raftsql/raft"
)

// SaveCommit records a commit-only hard state change; after a clean reopen
// it is there, and the entries it covers are intact.
func TestSaveCommitWithoutSync(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "log")
	s, err := Open(dir, Options{NodeID: 1})
	if err != nil {
		t.Fatal(err)
	}
	ents := []raft.Entry{{Term: 1, Index: 1, Data: []byte("a")}, {Term: 1, Index: 2, Data: []byte("b")}}
	if err := s.Save(raft.HardState{Term: 1, Vote: 1}, ents, raft.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCommit(raft.HardState{Term: 1, Vote: 1, Commit: 2}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCommit(raft.HardState{}); err != nil {
		t.Fatalf("empty hard state: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, Options{NodeID: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hs, _, err := s.InitialState()
	if err != nil {
		t.Fatal(err)
	}
	if hs != (raft.HardState{Term: 1, Vote: 1, Commit: 2}) {
		t.Fatalf("hard state after reopen %+v", hs)
	}
	got, err := s.Entries(1, 3, 1<<20)
	if err != nil || len(got) != 2 || string(got[1].Data) != "b" {
		t.Fatalf("entries after reopen: %v %v", got, err)
	}
	// A commit past the last index is refused, not written.
	if err := s.SaveCommit(raft.HardState{Term: 1, Vote: 1, Commit: 9}); err == nil {
		t.Fatal("commit past the last index was accepted")
	}
}
