package sqlexec

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
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

// A snapshot taken while entries apply is one consistent state: the
// image's rows are exactly those of the entries up to its applied index
// (one row per entry here), and it installs elsewhere.
func TestSnapshotDuringApply(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	insert := func(i uint64) []byte {
		c := &Command{Timestamp: 1, Seed: i}
		binary.BigEndian.PutUint64(c.RequestID[:], i)
		c.Statements = []Statement{{SQL: "INSERT INTO t(v) VALUES ('" + strings.Repeat("x", 500) + "')"}}
		return EncodeCommand(c)
	}
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)"))
	for i := uint64(2); i < 200; i++ {
		mustApply(t, db, i, insert(i))
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := uint64(200); i < 400; i++ {
			db.Apply(i, insert(i))
		}
	}()
	path := filepath.Join(t.TempDir(), "a.db")
	im, err := db.SnapshotTo(context.Background(), path)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	other := openTest(t, t.TempDir())
	defer other.Close()
	if err := other.Restore(path, im.Index); err != nil {
		t.Fatal(err)
	}
	r := mustApply(t, other, im.Index+1, cmdOf(1, 1, 0xEE, "SELECT count(*) FROM t"))
	if got := r.Results[0].Rows[0][0]; got != int64(im.Index-1) {
		t.Fatalf("image at index %d holds %v rows, want %d", im.Index, got, im.Index-1)
	}
}

// Making an image and reading its metadata leave no WAL or shared-memory
// files beside it (they used to pile up in the snapshot directory, one
// pair per snapshot).
func TestSnapshotImageLeavesNoSidecarFiles(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	mustApply(t, db, 1, cmdOf(1, 1, 1, "CREATE TABLE t(v INTEGER)"))
	dir := t.TempDir()
	path := filepath.Join(dir, "image.tmp")
	if _, err := db.SnapshotTo(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadImageMeta(path); err != nil {
		t.Fatal(err)
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Fatalf("files beside the image: %v, want only image.tmp", names)
	}
	// The restored database is in WAL mode again.
	if err := db.Restore(path, 1); err != nil {
		t.Fatal(err)
	}
	mustApply(t, db, 2, cmdOf(1, 2, 2, "INSERT INTO t VALUES (1)"))
	if _, err := os.Stat(db.path + "-wal"); err != nil {
		t.Fatalf("restored database is not in WAL mode: %v", err)
	}
}
