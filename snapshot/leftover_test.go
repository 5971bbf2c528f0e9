package snapshot

import (
	"os"
	"path/filepath"
	"testing"
)

// Open removes the temp files of interrupted operations, and the SQLite
// sidecar files that opening a temp image once left beside it.
func TestOpenRemovesLeftoverTempFiles(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"make-image-1.tmp", "make-image-1.tmp-wal", "make-image-1.tmp-shm", "install-7-image.tmp-shm", "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Open(dir, Options{}); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != "notes.txt" {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("left in the directory: %v, want only notes.txt", names)
	}
}
