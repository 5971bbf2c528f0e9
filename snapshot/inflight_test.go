package snapshot

import (
	"context"
	"errors"
	"io"
	"os"
	"testing"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"
)

// inflightRig is a leader's store and Sender and a follower's store on
// one in-memory file system, with a clock the test moves.
type inflightRig struct {
	t     *testing.T
	fs    vfs.FS
	lead  *Store
	recv  *Store
	snd   *Sender
	clock *fakeClock
}

const inflightHold = 10 * time.Second

func newInflightRig(t *testing.T) *inflightRig {
	fs := vfs.NewMem()
	r := &inflightRig{t: t, fs: fs, clock: &fakeClock{t: time.Unix(1000, 0)},
		lead: openStore(t, fs, "lead", Options{ChunkBytes: rsChunk}),
		recv: openStore(t, fs, "recv", Options{ChunkBytes: rsChunk, ResumeEvery: rsEvery})}
	r.snd = NewSender(r.lead, SenderOptions{Now: r.clock.now, ResumeHold: inflightHold})
	return r
}

// make makes the leader's snapshot at index.
func (r *inflightRig) make(index uint64) Info {
	r.t.Helper()
	in, err := r.lead.Make(context.Background(), &fakeSource{fs: r.fs, meta: testMeta(index), seed: index, size: rsImage})
	if err != nil {
		r.t.Fatal(err)
	}
	return in
}

// streamTo opens the transfer to peer 2 the core wants sent newest, and
// checks the snapshot the Sender chose.
func (r *inflightRig) streamTo(newest, logFirst, want uint64) (io.ReadCloser, Info) {
	r.t.Helper()
	rc, in, err := r.snd.StreamTo(context.Background(), 2, newest, logFirst)
	if err != nil {
		r.t.Fatal(err)
	}
	if in.Meta.Index != want {
		rc.Close()
		r.t.Fatalf("asked for %d with the log from %d: sending %d, want %d", newest, logFirst, in.Meta.Index, want)
	}
	return rc, in
}

// ship plays the snapshot lane: the receiver offers what it kept, the
// sender skips it, and the link fails after limit bytes (< 0: never). It
// returns the bytes that crossed the link and the receive's error.
func (r *inflightRig) ship(rc io.ReadCloser, in Info, limit int64) (int64, error) {
	r.t.Helper()
	defer rc.Close()
	src := rc.(interface {
		ResumeID() []byte
		Skip(int64) error
	})
	id := src.ResumeID()
	off := r.recv.ResumeOffset(context.Background(), in.Meta, id)
	if err := src.Skip(off); err != nil {
		r.t.Fatal(err)
	}
	link := &linkCut{r: rc, left: limit}
	_, err := r.recv.ReceiveFrom(context.Background(), link, in.Meta, Resume{ID: id, Offset: off})
	if err == nil {
		r.snd.Delivered(2) // the lane's ack
	}
	return link.crossed, err
}

func (r *inflightRig) floor() (uint64, bool) { return r.snd.LogFloor() }

func (r *inflightRig) stored(index uint64) bool {
	_, err := r.lead.Get(index)
	if err != nil && !errors.Is(err, ErrNotFound) {
		r.t.Fatal(err)
	}
	return err == nil
}

// linkCut passes left bytes on (< 0: all), then fails as a reset
// connection does.
type linkCut struct {
	r       io.Reader
	left    int64
	crossed int64
}

func (l *linkCut) Read(p []byte) (int, error) {
	if l.left == 0 {
		return 0, errors.New("link cut")
	}
	if l.left > 0 {
		p = p[:min(int64(len(p)), l.left)]
	}
	n, err := l.r.Read(p)
	l.crossed += int64(n)
	if l.left > 0 {
		l.left -= int64(n)
	}
	return n, err
}

// TestCutTransferResumesDespiteNewerSnapshots: snapshots are made faster
// than one ships. The one being shipped is kept (beyond Keep) and holds
// the log floor while it ships; when its transfer is cut, the next
// transfer to that follower ships the same snapshot again rather than the
// newest, and resumes it, so the follower is not sent a newer one from
// zero each time. Once it is through, the snapshot and the floor are
// released.
func TestCutTransferResumesDespiteNewerSnapshots(t *testing.T) {
	r := newInflightRig(t)
	first := r.make(100)
	rc, in := r.streamTo(100, 50, 100)
	if f, ok := r.floor(); !ok || f != 100 {
		t.Fatalf("log floor during the transfer of 100: %d, %v", f, ok)
	}
	for _, i := range []uint64{200, 300, 400} {
		r.make(i)
	}
	if !r.stored(100) {
		t.Fatal("the snapshot being shipped was removed by retention")
	}
	if _, err := r.ship(rc, in, first.FileBytes*6/10); err == nil {
		t.Fatal("a cut transfer succeeded")
	}
	if f, ok := r.floor(); !ok || f != 100 {
		t.Fatalf("log floor after the transfer of 100 was cut: %d, %v", f, ok)
	}
	r.make(500)
	if !r.stored(100) {
		t.Fatal("a cut transfer's snapshot was removed within its hold")
	}

	r.clock.t = r.clock.t.Add(inflightHold / 2)
	rc, in = r.streamTo(500, 90, 100)
	crossed, err := r.ship(rc, in, -1)
	if err != nil {
		t.Fatal(err)
	}
	if crossed >= first.FileBytes {
		t.Fatalf("the resumed transfer sent %d bytes of a %d-byte file", crossed, first.FileBytes)
	}
	if _, err := r.recv.Get(100); err != nil {
		t.Fatalf("the follower has no snapshot 100 after the resumed transfer: %v", err)
	}
	if f, ok := r.floor(); ok {
		t.Fatalf("log floor %d after the transfer completed", f)
	}
	if r.stored(100) {
		t.Fatal("snapshot 100 is kept beyond Keep after its transfer completed")
	}
	if _, err := r.fs.Stat(first.Path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("snapshot file 100 after its release: %v", err)
	}
	// Nothing is remembered any more: the newest goes next.
	rc, _ = r.streamTo(500, 90, 500)
	rc.Close()
}

// TestCutTransferForgottenAfterHold: a follower that does not come back
// within ResumeHold holds neither the log nor the snapshot any longer;
// the next transfer ships the newest from zero and the follower discards
// its partial of the older one.
func TestCutTransferForgottenAfterHold(t *testing.T) {
	r := newInflightRig(t)
	first := r.make(100)
	rc, in := r.streamTo(100, 50, 100)
	if _, err := r.ship(rc, in, first.FileBytes*6/10); err == nil {
		t.Fatal("a cut transfer succeeded")
	}
	r.make(200)
	r.make(300)
	r.clock.t = r.clock.t.Add(inflightHold + time.Second)
	if f, ok := r.floor(); ok {
		t.Fatalf("log floor %d after the hold", f)
	}
	if r.stored(100) {
		t.Fatal("snapshot 100 is kept beyond Keep after its hold")
	}
	rc, in = r.streamTo(300, 250, 300)
	crossed, err := r.ship(rc, in, -1)
	if err != nil {
		t.Fatal(err)
	}
	if crossed != in.FileBytes {
		t.Fatalf("a fresh transfer sent %d bytes of %d", crossed, in.FileBytes)
	}
	for _, name := range []string{partName, partName + progressSuffix} {
		if _, err := r.fs.Stat(r.fs.PathJoin("recv", name)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("the follower kept %s after receiving a newer snapshot: %v", name, err)
		}
	}
	if _, err := r.recv.Get(300); err != nil {
		t.Fatal(err)
	}
}

// TestCutTransferNotResumedPastTheLog: when the log after a cut
// transfer's snapshot is gone (the follower could not continue from it),
// the newest is sent and the old one released.
func TestCutTransferNotResumedPastTheLog(t *testing.T) {
	r := newInflightRig(t)
	first := r.make(100)
	rc, in := r.streamTo(100, 50, 100)
	if _, err := r.ship(rc, in, first.FileBytes/2); err == nil {
		t.Fatal("a cut transfer succeeded")
	}
	r.make(200)
	r.make(300)
	rc, _ = r.streamTo(300, 150, 300)
	defer rc.Close()
	if r.stored(100) {
		t.Fatal("snapshot 100 is kept beyond Keep once it cannot be resumed")
	}
	if f, ok := r.floor(); !ok || f != 300 {
		t.Fatalf("log floor %d, %v during the transfer of 300", f, ok)
	}
}

// TestCutTransferHeldFileGone: a held snapshot dropped meanwhile (a
// repair's DropOlder) falls back to the newest.
func TestCutTransferHeldFileGone(t *testing.T) {
	r := newInflightRig(t)
	first := r.make(100)
	rc, in := r.streamTo(100, 50, 100)
	if _, err := r.ship(rc, in, first.FileBytes/2); err == nil {
		t.Fatal("a cut transfer succeeded")
	}
	r.make(200)
	r.lead.DropOlder(200)
	rc, _ = r.streamTo(200, 90, 200)
	if f, ok := r.floor(); !ok || f != 200 {
		t.Fatalf("log floor %d, %v during the transfer of 200", f, ok)
	}
	rc.Close()
}

// TestDeliveredAfterClose: the transport's report of success may come
// after it closed the stream; the transfer is then not held as cut.
func TestDeliveredAfterClose(t *testing.T) {
	r := newInflightRig(t)
	r.make(100)
	rc, _ := r.streamTo(100, 50, 100)
	if _, err := io.Copy(io.Discard, rc); err != nil {
		t.Fatal(err)
	}
	rc.Close()
	if f, ok := r.floor(); !ok || f != 100 {
		t.Fatalf("log floor %d, %v before the report", f, ok)
	}
	r.snd.Delivered(2)
	if f, ok := r.floor(); ok {
		t.Fatalf("log floor %d after the report of success", f)
	}
	r.make(200)
	r.make(300)
	if r.stored(100) {
		t.Fatal("a delivered snapshot is kept beyond Keep")
	}
}
