package snapshot_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/transport"
	"github.com/raftsql/raftsql/snapshot"
)

// resumeHandler is laneHandler with resume: it offers what its store
// kept and receives from there.
type resumeHandler struct{ laneHandler }

func (h *resumeHandler) ResumeSnapshot(ctx context.Context, m raft.Message, id []byte, _ int64) int64 {
	return h.st.ResumeOffset(ctx, m.Snapshot.Meta, id)
}

func (h *resumeHandler) ReceiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error {
	id, off := transport.StreamResume(r)
	if _, err := h.st.ReceiveFrom(ctx, r, m.Snapshot.Meta, snapshot.Resume{ID: id, Offset: off}); err != nil {
		return err
	}
	return h.Process(ctx, m)
}

// countingSource counts the bytes the transport reads from a sender's
// stream (what goes on the wire) and fails after limit of them (< 0: no
// limit), passing resume through.
type countingSource struct {
	rc    io.ReadCloser
	limit int64
	read  int64
}

func (c *countingSource) Read(p []byte) (int, error) {
	if c.limit >= 0 {
		if c.read >= c.limit {
			return 0, errors.New("link cut")
		}
		p = p[:min(int64(len(p)), c.limit-c.read)]
	}
	n, err := c.rc.Read(p)
	c.read += int64(n)
	return n, err
}

func (c *countingSource) Close() error { return c.rc.Close() }

func (c *countingSource) ResumeID() []byte { return c.rc.(transport.ResumableSource).ResumeID() }

func (c *countingSource) Skip(n int64) error { return c.rc.(transport.ResumableSource).Skip(n) }

// TestTransportSnapshotResume: over the real snapshot lane, a transfer cut
// after 60% is followed by one that resumes where the receiver's
// verified, fsynced prefix ends, so it sends fewer bytes; the result is
// the sender's file. A receiver without resume (an older peer) gets the
// whole stream, as does a sender without it.
func TestTransportSnapshotResume(t *testing.T) {
	quiet := slog.New(slog.DiscardHandler)
	fs := vfs.NewMem()
	open := func(dir string) *snapshot.Store {
		s, err := snapshot.Open(dir, snapshot.Options{FS: fs, Logger: quiet, ChunkBytes: 64 << 10, ResumeEvery: 256 << 10})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a, b, c := open("a/snapshots"), open("b/snapshots"), open("c/snapshots")
	ha := &laneHandler{st: a, reports: make(chan bool, 4)}
	hb := &resumeHandler{laneHandler{st: b, reports: make(chan bool, 4)}}
	hc := &laneHandler{st: c, reports: make(chan bool, 4)} // no resume
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
	ta, tb, tc := start(1, ha), start(2, hb), start(3, hc)
	ta.AddPeer(2, tb.Addr().String())
	ta.AddPeer(3, tc.Addr().String())

	meta := raft.SnapshotMeta{Index: 500, Term: 3, Config: membership.Config{Voters: []uint64{1, 2, 3}}}
	image := make([]byte, 3<<20+12345)
	for i := range image {
		image[i] = byte(i * 7 / 3)
	}
	if _, err := a.Make(context.Background(), imageSource{fs: fs, meta: meta, data: image}); err != nil {
		t.Fatal(err)
	}
	snd := snapshot.NewSender(a, snapshot.SenderOptions{MaxTransfers: 1})
	send := func(to uint64, limit int64) (*countingSource, int64, bool) {
		rc, size, err := snd.Stream(context.Background(), meta.Index, to)
		if err != nil {
			t.Fatal(err)
		}
		cs := &countingSource{rc: rc, limit: limit}
		ta.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: to, Term: 3, Snapshot: &raft.Snapshot{Meta: meta}}, cs, size)
		return cs, size, <-ha.reports
	}

	size := a.List()[0].FileBytes
	cut, _, ok := send(2, size*6/10)
	if ok {
		t.Fatal("cut transfer reported ok")
	}
	second, _, ok := send(2, -1)
	if !ok {
		t.Fatal("resumed transfer failed")
	}
	t.Logf("file %d bytes: cut transfer sent %d, resumed transfer sent %d", size, cut.read, second.read)
	if second.read >= size || second.read+cut.read < size || second.read > size-cut.read+256<<10+100<<10 {
		t.Fatalf("resumed transfer sent %d of %d bytes after a cut at %d", second.read, size, cut.read)
	}
	if err := b.Verify(context.Background(), meta.Index); err != nil {
		t.Fatal(err)
	}
	in, err := b.Get(meta.Index)
	if err != nil {
		t.Fatal(err)
	}
	ain, _ := a.Get(meta.Index)
	if !bytes.Equal(readFile(t, fs, in.Path), readFile(t, fs, ain.Path)) {
		t.Fatal("received file differs from the sender's")
	}

	// An older receiver: the whole stream, from zero.
	old, _, ok := send(3, -1)
	if !ok || old.read != size {
		t.Fatalf("transfer to a receiver without resume: ok %v, sent %d of %d", ok, old.read, size)
	}

	// An older sender (data that cannot skip) to a receiver with resume:
	// the whole stream, received as before.
	rc, _, err := snd.Stream(context.Background(), meta.Index, 2)
	if err != nil {
		t.Fatal(err)
	}
	ta.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: 2, Term: 3, Snapshot: &raft.Snapshot{Meta: meta}}, struct{ io.ReadCloser }{rc}, size)
	if ok := <-ha.reports; !ok {
		t.Fatal("transfer from a sender without resume failed")
	}
}

func readFile(t *testing.T, fs vfs.FS, path string) []byte {
	t.Helper()
	f, err := fs.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
