package raftsql

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A damaged database set aside at start takes its WAL and shared-memory
// files along (a stale WAL must never meet the fresh database), is named
// by index, and only the newest damagedKeep copies stay.
func TestSetAsideDamagedKeepsTheNewest(t *testing.T) {
	dir := t.TempDir()
	n := &Node{cfg: Config{DataDir: dir}}
	live := filepath.Join(dir, dbFile)
	for _, idx := range []uint64{5, 9, 7} {
		for _, suf := range []string{"", "-wal", "-shm"} {
			if err := os.WriteFile(live+suf, []byte("damaged"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		aside, err := n.setAsideDamaged(idx)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(aside) != damagedPrefix+map[uint64]string{5: "5", 7: "7", 9: "9"}[idx] {
			t.Fatalf("set aside as %s", aside)
		}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	want := []string{"db.sqlite.damaged-7", "db.sqlite.damaged-7-shm", "db.sqlite.damaged-7-wal", "db.sqlite.damaged-9", "db.sqlite.damaged-9-shm", "db.sqlite.damaged-9-wal"}
	if !slices.Equal(got, want) {
		t.Fatalf("data dir holds %v, want %v", got, want)
	}
}
