package sqlexec

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// The member table recorded with ApplyImageMeta travels in the image with
// the configuration and the applied index; InitMembers records a table
// only where none is recorded, and a nil field leaves its record alone.
func TestSnapshotCarriesMembers(t *testing.T) {
	db := openTest(t, t.TempDir())
	defer db.Close()
	if b, err := db.RecordedMembers(); err != nil || b != nil {
		t.Fatalf("a new database records members %q, %v; want none", b, err)
	}
	for _, m := range []string{"boot", "other"} {
		if err := db.InitMembers([]byte(m)); err != nil {
			t.Fatal(err)
		}
	}
	if b, err := db.RecordedMembers(); err != nil || string(b) != "boot" || db.AppliedIndex() != 0 {
		t.Fatalf("after InitMembers: %q, %v, applied %d; want boot at 0", b, err, db.AppliedIndex())
	}
	if err := db.ApplyImageMeta(ImageMeta{Index: 1, Config: []byte("conf1"), Members: []byte("m1")}); err != nil {
		t.Fatal(err)
	}
	// An advertisement: the table changes, the configuration does not.
	if err := db.ApplyImageMeta(ImageMeta{Index: 2, Members: []byte("m2")}); err != nil {
		t.Fatal(err)
	}
	// A replay of an applied index changes nothing.
	if err := db.ApplyImageMeta(ImageMeta{Index: 2, Members: []byte("replayed")}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.db")
	im, err := db.SnapshotTo(context.Background(), path)
	if err != nil || im.Index != 2 || !bytes.Equal(im.Config, []byte("conf1")) || !bytes.Equal(im.Members, []byte("m2")) {
		t.Fatalf("image %+v, %v; want index 2, config conf1, members m2", im, err)
	}
	other := openTest(t, t.TempDir())
	defer other.Close()
	if err := other.Restore(path, 2); err != nil {
		t.Fatal(err)
	}
	if b, err := other.RecordedMembers(); err != nil || string(b) != "m2" {
		t.Fatalf("restored database records members %q, %v; want m2", b, err)
	}
}
