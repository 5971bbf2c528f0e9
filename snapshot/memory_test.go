package snapshot

import (
	"context"
	"crypto/sha256"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// heapWatch samples the live heap while a test runs. It samples after
// every chunk-sized step of the reader it wraps, not on a timer, so the
// result does not depend on scheduling.
type heapWatch struct {
	r     io.Reader
	every int64
	n     int64
	next  int64
	peak  uint64
}

func (h *heapWatch) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.n += int64(n)
	if h.n >= h.next {
		h.next += h.every
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		h.peak = max(h.peak, ms.HeapInuse)
	}
	return n, err
}

func heapInuse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

func totalAlloc() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

// TestMemoryBoundedStream streams a 256 MiB image, generated on the fly,
// through Encode, a pipe and Decode: the heap in use never grows by more
// than a few chunks and the bytes allocated in all are a small constant,
// whatever the image size.
func TestMemoryBoundedStream(t *testing.T) {
	size := int64(256 << 20)
	if testing.Short() {
		size = 32 << 20
	}
	const bound = 16 << 20
	meta := testMeta(1000)
	base := heapInuse()
	alloc0 := totalAlloc()
	pr, pw := io.Pipe()
	go func() {
		_, err := Encode(pw, Header{Meta: meta, ImageBytes: size, ChunkBytes: DefaultChunkBytes}, newGen(3, size))
		pw.CloseWithError(err)
	}()
	w := &heapWatch{r: pr, every: 8 << 20}
	sum := sha256.New()
	h, err := Decode(w, "stream", sum)
	if err != nil {
		t.Fatal(err)
	}
	allocated := totalAlloc() - alloc0
	want := sha256.New()
	if _, err := io.Copy(want, newGen(3, size)); err != nil {
		t.Fatal(err)
	}
	if string(sum.Sum(nil)) != string(want.Sum(nil)) || h.ImageBytes != size {
		t.Fatal("decoded image differs")
	}
	t.Logf("streamed %d MiB: heap in use peak +%.1f MiB, allocated %.1f MiB", size>>20,
		float64(int64(w.peak)-int64(base))/(1<<20), float64(allocated)/(1<<20))
	if w.peak > base+bound {
		t.Fatalf("heap in use rose by %d bytes (bound %d)", w.peak-base, bound)
	}
	if allocated > bound {
		t.Fatalf("allocated %d bytes while streaming (bound %d)", allocated, bound)
	}
}

// TestMemoryBoundedStore runs Make, a Sender stream, Receive and Install
// of a 64 MiB image on the real file system and bounds the allocations.
func TestMemoryBoundedStore(t *testing.T) {
	size := int64(64 << 20)
	if testing.Short() {
		size = 8 << 20
	}
	const bound = 24 << 20
	dir := t.TempDir()
	fs := vfs.Default
	a := openStore(t, fs, dir+"/a", Options{})
	b := openStore(t, fs, dir+"/b", Options{})
	meta := testMeta(77)
	base := heapInuse()
	alloc0 := totalAlloc()
	if _, err := a.Make(context.Background(), &fakeSource{fs: fs, meta: meta, seed: 4, size: size}); err != nil {
		t.Fatal(err)
	}
	snd := NewSender(a, SenderOptions{Now: func() time.Time { return time.Unix(0, 0) }})
	rc, _, err := snd.Stream(context.Background(), meta.Index, 2)
	if err != nil {
		t.Fatal(err)
	}
	w := &heapWatch{r: rc, every: 8 << 20}
	if _, err := b.Receive(context.Background(), w, meta); err != nil {
		t.Fatal(err)
	}
	rc.Close()
	if _, err := b.Install(context.Background(), meta.Index, &fakeInstaller{fs: fs, live: dir + "/db"}); err != nil {
		t.Fatal(err)
	}
	allocated := totalAlloc() - alloc0
	t.Logf("make+send+receive+install of %d MiB: heap in use peak +%.1f MiB, allocated %.1f MiB", size>>20,
		float64(int64(w.peak)-int64(base))/(1<<20), float64(allocated)/(1<<20))
	if w.peak > base+bound || allocated > bound {
		t.Fatalf("heap peak +%d, allocated %d (bound %d)", int64(w.peak)-int64(base), allocated, bound)
	}
}
