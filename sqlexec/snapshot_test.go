package sqlexec

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// The configuration recorded with ApplyConfig travels in the image, so a
// snapshot names the configuration in force at its own index.
func TestSnapshotCarriesConfig(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	if err := db.InitConfig([]byte("boot")); err != nil {
		t.Fatal(err)
	}
	if err := db.InitConfig([]byte("other")); err != nil {
		t.Fatal(err)
	}
	if db.AppliedIndex() != 0 {
		t.Fatalf("InitConfig moved the applied index to %d", db.AppliedIndex())
	}
	path := filepath.Join(t.TempDir(), "a.db")
	im, err := db.SnapshotTo(context.Background(), path)
	if err != nil || im.Index != 0 || !bytes.Equal(im.Config, []byte("boot")) {
		t.Fatalf("image %+v, %v; want index 0, config boot", im, err)
	}
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(v INTEGER)"))
	if err := db.ApplyConfig(2, []byte("conf2")); err != nil {
		t.Fatal(err)
	}
	if err := db.ApplyConfig(2, []byte("replayed")); err != nil {
		t.Fatal(err)
	}
	im, err = db.SnapshotTo(context.Background(), path)
	if err != nil || im.Index != 2 || !bytes.Equal(im.Config, []byte("conf2")) {
		t.Fatalf("image %+v, %v; want index 2, config conf2", im, err)
	}
	other := openTest(t, t.TempDir())
	defer other.Close()
	if err := other.Restore(path, 2); err != nil {
		t.Fatal(err)
	}
	if other.AppliedIndex() != 2 {
		t.Fatalf("restored applied index %d", other.AppliedIndex())
	}
}

// A cancelled context stops the copy and leaves no file behind.
func TestSnapshotToCancelled(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "a.db")
	if _, err := db.SnapshotTo(ctx, path); err == nil {
		t.Fatal("SnapshotTo with a cancelled context succeeded")
	}
	if _, err := ReadImageMeta(path); err == nil {
		t.Fatal("a cancelled snapshot left an image behind")
	}
}
