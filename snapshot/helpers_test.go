package snapshot

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"log/slog"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
)

// genReader yields n deterministic pseudo-random bytes without holding
// them: images of any size cost no memory.
type genReader struct {
	rng  *rand.PCG
	left int64
	buf  [8]byte
	have int
}

func newGen(seed uint64, n int64) *genReader {
	return &genReader{rng: rand.NewPCG(seed, seed^0x9e3779b97f4a7c15), left: n}
}

func (g *genReader) Read(p []byte) (int, error) {
	if g.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > g.left {
		p = p[:g.left]
	}
	i := 0
	for ; i < len(p) && g.have > 0; i++ { // bytes left from the last word
		p[i] = g.buf[8-g.have]
		g.have--
	}
	for ; i+8 <= len(p); i += 8 {
		binary.LittleEndian.PutUint64(p[i:], g.rng.Uint64())
	}
	for ; i < len(p); i++ {
		if g.have == 0 {
			binary.LittleEndian.PutUint64(g.buf[:], g.rng.Uint64())
			g.have = 8
		}
		p[i] = g.buf[8-g.have]
		g.have--
	}
	g.left -= int64(len(p))
	return len(p), nil
}

func genBytes(seed uint64, n int64) []byte {
	b, _ := io.ReadAll(newGen(seed, n))
	return b
}

func testMeta(index uint64) raft.SnapshotMeta {
	return raft.SnapshotMeta{Index: index, Term: 1 + index/100,
		Config: membership.Config{Voters: []uint64{1, 2, 3}, Learners: []uint64{7}}}
}

// fakeSource writes a generated image of size bytes and claims meta.
type fakeSource struct {
	fs   vfs.FS
	meta raft.SnapshotMeta
	seed uint64
	size int64
}

func (f *fakeSource) MakeImage(ctx context.Context, path string) (raft.SnapshotMeta, error) {
	out, err := f.fs.Create(path, vfs.WriteCategoryUnspecified)
	if err != nil {
		return raft.SnapshotMeta{}, err
	}
	defer out.Close()
	if _, err := io.Copy(out, newGen(f.seed, f.size)); err != nil {
		return raft.SnapshotMeta{}, err
	}
	return f.meta, nil
}

// fakeInstaller swaps the image in by renaming it over live, as sqlexec's
// Restore does, and fsyncs the directory.
type fakeInstaller struct {
	fs   vfs.FS
	live string

	mu   sync.Mutex
	got  []raft.SnapshotMeta
	fail error
}

func (f *fakeInstaller) Install(ctx context.Context, path string, meta raft.SnapshotMeta) error {
	if f.fail != nil {
		return f.fail
	}
	if err := f.fs.Rename(path, f.live); err != nil {
		return err
	}
	d, err := f.fs.OpenDir(f.fs.PathDir(f.live))
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return err
	}
	f.mu.Lock()
	f.got = append(f.got, meta)
	f.mu.Unlock()
	return nil
}

func readAll(t testing.TB, fs vfs.FS, path string) []byte {
	t.Helper()
	f, err := fs.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return b
}

func writeFile(t testing.TB, fs vfs.FS, path string, data []byte) {
	t.Helper()
	f, err := fs.Create(path, vfs.WriteCategoryUnspecified)
	if err != nil {
		t.Fatal(err)
	}
	// A copy: vfs.File.Write may scribble on its argument (-race builds).
	if _, err := f.Write(bytes.Clone(data)); err != nil {
		t.Fatal(err)
	}
	if err := f.Sync(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func openStore(t testing.TB, fs vfs.FS, dir string, opts Options) *Store {
	t.Helper()
	opts.FS = fs
	if opts.Logger == nil {
		opts.Logger = quietLogger()
	}
	s, err := Open(dir, opts)
	if err != nil {
		t.Fatalf("Open %s: %v", dir, err)
	}
	return s
}

// encodeBytes returns the encoded snapshot of a generated image.
func encodeBytes(t testing.TB, meta raft.SnapshotMeta, size int64, chunk int) []byte {
	t.Helper()
	var b bytes.Buffer
	h := Header{Meta: meta, ImageBytes: size, ChunkBytes: chunk}
	n, err := Encode(&b, h, newGen(1, size))
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) || n != h.EncodedSize() {
		t.Fatalf("Encode returned %d, wrote %d, EncodedSize %d", n, b.Len(), h.EncodedSize())
	}
	return b.Bytes()
}

// noTemp fails if dir holds temp files.
func noTemp(t testing.TB, fs vfs.FS, dir string) {
	t.Helper()
	names, err := fs.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if len(n) > 4 && n[len(n)-4:] == tmpSuffix {
			t.Errorf("temp file left behind: %s", n)
		}
	}
}
