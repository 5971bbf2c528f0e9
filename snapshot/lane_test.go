package snapshot_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/transport"
	"github.com/raftsql/raftsql/snapshot"
)

// laneHandler is a node as the transport sees it, reduced to snapshots:
// ReceiveSnapshot stores the stream, ReportSnapshot reports the outcome.
type laneHandler struct {
	st      *snapshot.Store
	reports chan bool
	mu      sync.Mutex
	got     []raft.Message
}

func (h *laneHandler) Process(ctx context.Context, m raft.Message) error {
	h.mu.Lock()
	h.got = append(h.got, m)
	h.mu.Unlock()
	return nil
}

func (h *laneHandler) ReceiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error {
	if _, err := h.st.Receive(ctx, r, m.Snapshot.Meta); err != nil {
		return err
	}
	return h.Process(ctx, m) // the handler processes the MsgSnap itself
}

func (h *laneHandler) ReportUnreachable(uint64) {}

func (h *laneHandler) ReportSnapshot(id uint64, ok bool) { h.reports <- ok }

// failAfter fails the sender's reads after n bytes (a sender-side fault
// mid-transfer).
type failAfter struct {
	r io.ReadCloser
	n int64
}

func (f *failAfter) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk read error")
	}
	if int64(len(p)) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= int64(n)
	return n, err
}

func (f *failAfter) Close() error { return f.r.Close() }

type imageSource struct {
	fs   vfs.FS
	meta raft.SnapshotMeta
	data []byte
}

func (s imageSource) MakeImage(ctx context.Context, path string) (raft.SnapshotMeta, error) {
	f, err := s.fs.Create(path, vfs.WriteCategoryUnspecified)
	if err != nil {
		return raft.SnapshotMeta{}, err
	}
	defer f.Close()
	_, err = f.Write(bytes.Clone(s.data))
	return s.meta, err
}

type renameInstaller struct {
	fs   vfs.FS
	live string
}

func (r renameInstaller) Install(ctx context.Context, path string, meta raft.SnapshotMeta) error {
	return r.fs.Rename(path, r.live)
}

// TestTransportSnapshotLane ships a snapshot between two nodes over
// raft/transport's snapshot lane: a transfer cut by a sender fault leaves
// nothing on the receiver and is reported failed; the retry succeeds and
// the receiver installs the image.
func TestTransportSnapshotLane(t *testing.T) {
	quiet := slog.New(slog.DiscardHandler)
	fs := vfs.NewMem()
	open := func(dir string) *snapshot.Store {
		s, err := snapshot.Open(dir, snapshot.Options{FS: fs, Logger: quiet, ChunkBytes: 64 << 10})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b := open("a/snapshots"), open("b/snapshots")
	ha := &laneHandler{st: a, reports: make(chan bool, 4)}
	hb := &laneHandler{st: b, reports: make(chan bool, 4)}
	start := func(id uint64, h transport.Handler) *transport.Transport {
		tr, err := transport.New(transport.Config{NodeID: id, ClusterID: 7, ListenAddr: "127.0.0.1:0", Handler: h, Logger: quiet, SnapshotChunkBytes: 100 << 10})
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Start(context.Background()); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tr.Close() })
		return tr
	}
	ta, tb := start(1, ha), start(2, hb)
	ta.AddPeer(2, tb.Addr().String())
	tb.AddPeer(1, ta.Addr().String())

	meta := raft.SnapshotMeta{Index: 500, Term: 3, Config: membership.Config{Voters: []uint64{1, 2, 3}}}
	image := make([]byte, 3<<20+12345)
	for i := range image {
		image[i] = byte(i * 7 / 3)
	}
	if _, err := a.Make(context.Background(), imageSource{fs: fs, meta: meta, data: image}); err != nil {
		t.Fatal(err)
	}
	snd := snapshot.NewSender(a, snapshot.SenderOptions{MaxTransfers: 1})
	msg := raft.Message{Type: raft.MsgSnap, From: 1, To: 2, Term: 3, Snapshot: &raft.Snapshot{Meta: meta}}

	// A transfer cut mid-way by a sender fault.
	rc, size, err := snd.Stream(context.Background(), meta.Index, 2)
	if err != nil {
		t.Fatal(err)
	}
	ta.SendSnapshot(msg, &failAfter{r: rc, n: size / 2}, size)
	if ok := <-ha.reports; ok {
		t.Fatal("cut transfer reported ok")
	}
	if len(b.List()) != 0 {
		t.Fatalf("cut transfer stored %+v", b.List())
	}

	// The retry. With one transfer slot, Stream waits until the
	// transport closed the cut transfer's reader (after its report).
	rc, size, err = snd.Stream(context.Background(), meta.Index, 2)
	if err != nil {
		t.Fatal(err)
	}
	ta.SendSnapshot(msg, rc, size)
	if ok := <-ha.reports; !ok {
		t.Fatal("transfer failed")
	}
	hb.mu.Lock()
	n := len(hb.got)
	hb.mu.Unlock()
	if n != 1 {
		t.Fatalf("receiver processed %d messages, want the MsgSnap once", n)
	}
	if _, err := b.Install(context.Background(), meta.Index, renameInstaller{fs: fs, live: "b/db"}); err != nil {
		t.Fatal(err)
	}
	f, err := fs.Open("b/db")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, _ := io.ReadAll(f)
	if !bytes.Equal(got, image) {
		t.Fatal("installed image differs")
	}
	names, _ := fs.List("b/snapshots")
	if len(names) != 1 {
		t.Fatalf("receiver directory holds %v", names)
	}
}
