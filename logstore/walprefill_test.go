package logstore

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/raft"
)

// TestWALPrefilled: the live WAL on a real disk is extended by whole chunks
// of zeros ahead of its records (so synced appends overwrite), and a store
// reopened over such a WAL (zeroed tail) reads back every entry.
func TestWALPrefilled(t *testing.T) {
	dir := t.TempDir()
	s := mustOpen(t, dir, Options{NodeID: 1, Logger: quietLogger()})
	data := make([]byte, 300)
	var last uint64
	for i := 0; i < 50; i++ {
		last++
		if err := s.Save(raft.HardState{Term: 1, Commit: last}, []raft.Entry{{Index: last, Term: 1, Data: data}}, raft.Snapshot{}); err != nil {
			t.Fatal(err)
		}
	}
	names, err := vfs.Default.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	var wals int
	for _, n := range names {
		if !strings.HasSuffix(n, ".log") {
			continue
		}
		st, err := vfs.Default.Stat(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() == 0 {
			continue // created, nothing written yet
		}
		wals++
		if st.Size()%walPrefillChunk != 0 {
			t.Errorf("WAL %s is %d bytes, not a whole number of %d-byte chunks: appends grow the file", n, st.Size(), walPrefillChunk)
		}
	}
	if wals == 0 {
		t.Fatalf("no written WAL file in %v", names)
	}
	closeStore(t, s)

	s = mustOpen(t, dir, Options{NodeID: 1, Logger: quietLogger()})
	defer closeStore(t, s)
	if got, _ := s.LastIndex(); got != last {
		t.Fatalf("reopened: last index %d, want %d", got, last)
	}
	ents, err := s.Entries(1, last+1, 1<<30)
	if err != nil || len(ents) != int(last) {
		t.Fatalf("reopened: %d entries, %v", len(ents), err)
	}
}
