package snapshot

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// TestCrashPoints takes a crash image of the file system at every step of
// Make, Receive and Install (keeping all, none or a random part of the
// unsynced writes) and checks that each image opens cleanly: no temp file
// survives Open, every listed snapshot verifies, the live database is the
// old or the new image and never anything else, and installing again
// completes the interrupted install.
func TestCrashPoints(t *testing.T) {
	const live = "data/db.sqlite"
	oldDB, newDB := genBytes(100, 9000), genBytes(1, 7000)
	ops := map[string]func(s *Store, fs vfs.FS) error{
		"make": func(s *Store, fs vfs.FS) error {
			_, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(300), seed: 5, size: 20000})
			return err
		},
		"receive": func(s *Store, fs vfs.FS) error {
			data := encodeBytes(t, testMeta(300), 20000, 4096)
			_, err := s.Receive(context.Background(), bytes.NewReader(data), testMeta(300))
			return err
		},
		"install": func(s *Store, fs vfs.FS) error {
			_, err := s.Install(context.Background(), 200, &fakeInstaller{fs: fs, live: live})
			return err
		},
	}
	for _, name := range []string{"make", "receive", "install"} {
		t.Run(name, func(t *testing.T) {
			fs := vfs.NewCrashableMem()
			if err := fs.MkdirAll("data", 0o755); err != nil {
				t.Fatal(err)
			}
			writeFile(t, fs, live, oldDB)
			syncDir(t, fs, "data")
			syncDir(t, fs, "/")
			s := openStore(t, fs, "data/snapshots", Options{Keep: 2, ChunkBytes: 4096})
			for i, seed := range []uint64{9, 1} { // index 100, then 200 whose image is newDB
				if _, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(uint64(i+1) * 100), seed: seed, size: int64(len(newDB))}); err != nil {
					t.Fatal(err)
				}
			}
			type image struct {
				point string
				fs    *vfs.MemFS
			}
			var images []image
			rng := rand.New(rand.NewPCG(1, 2))
			s.hook = func(point string) {
				for _, pct := range []int{0, 100, 1 + rng.IntN(99)} {
					images = append(images, image{fmt.Sprintf("%s/unsynced=%d%%", point, pct),
						fs.CrashClone(vfs.CrashCloneCfg{UnsyncedDataPercent: pct, RNG: rand.New(rand.NewPCG(uint64(pct), 3))})})
				}
			}
			if err := ops[name](s, fs); err != nil {
				t.Fatal(err)
			}
			if len(images) == 0 {
				t.Fatal("no crash points reached")
			}
			for _, im := range images {
				s2, err := Open("data/snapshots", Options{FS: im.fs, Logger: quietLogger()})
				if err != nil {
					t.Fatalf("%s: Open: %v", im.point, err)
				}
				noTemp(t, im.fs, "data/snapshots")
				for _, in := range s2.List() {
					if err := s2.Verify(context.Background(), in.Meta.Index); err != nil {
						t.Fatalf("%s: snapshot %d: %v", im.point, in.Meta.Index, err)
					}
				}
				db := readAll(t, im.fs, live)
				if !bytes.Equal(db, oldDB) && !bytes.Equal(db, newDB) {
					t.Fatalf("%s: live database is neither the old nor the new image (%d bytes)", im.point, len(db))
				}
				idx := slices.IndexFunc(s2.List(), func(in Info) bool { return in.Meta.Index == 200 })
				if name == "install" && idx < 0 {
					t.Fatalf("%s: snapshot 200 lost", im.point)
				}
				if name == "install" {
					if _, err := s2.Install(context.Background(), 200, &fakeInstaller{fs: im.fs, live: live}); err != nil {
						t.Fatalf("%s: re-install: %v", im.point, err)
					}
					if !bytes.Equal(readAll(t, im.fs, live), newDB) {
						t.Fatalf("%s: re-install did not install the image", im.point)
					}
				}
			}
			t.Logf("%d crash images checked", len(images))
		})
	}
}

func syncDir(t testing.TB, fs vfs.FS, dir string) {
	t.Helper()
	d, err := fs.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		t.Fatal(err)
	}
}
