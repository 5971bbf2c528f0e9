package snapshot

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// fakeClock advances only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestSenderLimitAndProgress(t *testing.T) {
	fs := vfs.NewMem()
	s := openStore(t, fs, "snap", Options{ChunkBytes: 1024})
	in, err := s.Make(context.Background(), &fakeSource{fs: fs, meta: testMeta(5), seed: 1, size: 10000})
	if err != nil {
		t.Fatal(err)
	}
	clk := &fakeClock{t: time.Unix(1000, 0)}
	snd := NewSender(s, SenderOptions{MaxTransfers: 1, Now: clk.now, LogEvery: 4096})
	r1, size, err := snd.Stream(context.Background(), 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	if size != in.FileBytes {
		t.Fatalf("size %d, file %d", size, in.FileBytes)
	}
	// The only slot is taken: a second transfer waits until its context
	// ends.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := snd.Stream(ctx, 5, 3); !errors.Is(err, context.Canceled) {
		t.Fatalf("second transfer: %v", err)
	}
	buf := make([]byte, 5000)
	if _, err := io.ReadFull(r1, buf); err != nil {
		t.Fatal(err)
	}
	clk.t = clk.t.Add(2 * time.Second)
	tr := snd.Transfers()
	if len(tr) != 1 || tr[0].Peer != 2 || tr[0].Sent != 5000 || tr[0].Total != size || tr[0].BytesPerSec != 2500 {
		t.Fatalf("progress %+v", tr)
	}
	r1.Close()
	r1.Close() // idempotent: frees the slot once
	if len(snd.Transfers()) != 0 {
		t.Fatal("closed transfer still listed")
	}
	r2, _, err := snd.Stream(context.Background(), 5, 3)
	if err != nil {
		t.Fatalf("slot not freed: %v", err)
	}
	if _, err := io.Copy(io.Discard, r2); err != nil {
		t.Fatal(err)
	}
	r2.Close()
	if _, _, err := snd.Stream(context.Background(), 6, 3); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown index: %v", err)
	}
	// The failed Stream released its slot.
	r3, _, err := snd.Stream(context.Background(), 5, 3)
	if err != nil {
		t.Fatal(err)
	}
	r3.Close()
}
