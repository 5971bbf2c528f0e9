package transport

// Snapshot streams: delivered beside heartbeats, and every way they can
// fail reported to the sender.

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/raftsql/raftsql/raft"
)

func TestSnapshotStreamWhileHeartbeatsFlow(t *testing.T) {
	checkGoroutines(t)
	ha, hb := newTestHandler(), newTestHandler()
	a, _ := startNode(t, 1, 1, ha, "")
	b, _ := startNode(t, 2, 1, hb, "")

	const size = 20 << 20
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(i*31 + i>>12)
	}
	want := sha256.Sum256(data)

	var snapStart, snapEnd atomic.Int64
	var hbDuring atomic.Int64
	hbArrived := make(chan struct{}, 1)
	hb.onProcess = func(m raft.Message) {
		if m.Type != raft.MsgHeartbeat {
			return
		}
		if snapStart.Load() != 0 && snapEnd.Load() == 0 {
			hbDuring.Add(1)
		}
		select {
		case hbArrived <- struct{}{}:
		default:
		}
	}
	// The receiver reads the stream no faster than heartbeats arrive
	// beside it: after each of the first hbWanted chunks it waits for one
	// more heartbeat, so the transfer is still open while they do.
	const hbWanted = 10
	var resMu sync.Mutex
	var got [32]byte
	var gotN int64
	hb.onSnapshot = func(ctx context.Context, m raft.Message, r io.Reader) error {
		snapStart.Store(time.Now().UnixNano())
		defer func() { snapEnd.Store(time.Now().UnixNano()) }()
		resMu.Lock()
		defer resMu.Unlock()
		if m.Type != raft.MsgSnap || m.Snapshot == nil || m.Snapshot.Meta.Index != 77 {
			return fmt.Errorf("bad MsgSnap %+v", m)
		}
		h := sha256.New()
		buf := make([]byte, 64<<10)
		var chunks int64
		for {
			n, err := r.Read(buf)
			h.Write(buf[:n])
			gotN += int64(n)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if chunks++; chunks <= hbWanted {
				deadline := time.Now().Add(10 * time.Second)
				for hbDuring.Load() < chunks {
					if time.Now().After(deadline) {
						return fmt.Errorf("%d heartbeats arrived during the transfer, waited for %d", hbDuring.Load(), chunks)
					}
					time.Sleep(time.Millisecond) // poll interval
				}
			}
		}
		copy(got[:], h.Sum(nil))
		return nil
	}

	a.AddPeer(2, b.Addr().String())
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		// The next heartbeat goes out once the previous one arrived (or,
		// should one be lost, after a while).
		defer wg.Done()
		for i := uint64(1); ; i++ {
			a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2, Term: 1, Commit: i}})
			select {
			case <-stop:
				return
			case <-hbArrived:
			case <-time.After(time.Second):
			}
		}
	}()
	src := &sizedReader{r: bytes.NewReader(data)}
	a.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: 2, Term: 1,
		Snapshot: &raft.Snapshot{Meta: raft.SnapshotMeta{Index: 77, Term: 1}}}, src, size)
	waitFor(t, 30*time.Second, "snapshot report", func() bool { return len(ha.snapshotReports()) > 0 })
	close(stop)
	wg.Wait()

	if r := ha.snapshotReports(); r[0] != (snapResult{2, true}) {
		t.Fatalf("snapshot report %+v", r)
	}
	resMu.Lock()
	defer resMu.Unlock()
	if gotN != size || got != want {
		t.Fatalf("snapshot data mismatch: %d bytes", gotN)
	}
	if !src.closed.Load() {
		t.Fatal("snapshot data not closed")
	}
	took := time.Duration(snapEnd.Load() - snapStart.Load())
	if n := hbDuring.Load(); n < hbWanted {
		t.Fatalf("only %d heartbeats arrived during the %v snapshot transfer", n, took)
	}
	t.Logf("%d heartbeats arrived during the %v transfer of %d MiB", hbDuring.Load(), took, size>>20)
}

func TestSnapshotShortDataReportsFailure(t *testing.T) {
	checkGoroutines(t)
	ha, hb := newTestHandler(), newTestHandler()
	a, _ := startNode(t, 1, 1, ha, "")
	b, _ := startNode(t, 2, 1, hb, "")
	a.AddPeer(2, b.Addr().String())
	// The data is shorter than announced: the sender aborts the stream.
	a.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: 2, Snapshot: &raft.Snapshot{Meta: raft.SnapshotMeta{Index: 5}}},
		io.NopCloser(bytes.NewReader(make([]byte, 3<<20))), 4<<20)
	waitFor(t, 10*time.Second, "snapshot report", func() bool { return len(ha.snapshotReports()) > 0 })
	if r := ha.snapshotReports(); r[0] != (snapResult{2, false}) {
		t.Fatalf("report %+v", r)
	}
	waitFor(t, 5*time.Second, "receiver saw the failure", func() bool {
		hb.mu.Lock()
		defer hb.mu.Unlock()
		return len(hb.snaps) == 1
	})
	if err := hb.snaps[0].err; !errors.Is(err, ErrSnapshotStream) {
		t.Fatalf("receiver error %v", err)
	}
	// A handler error is reported as failure too.
	hb.mu.Lock()
	hb.onSnapshot = func(ctx context.Context, m raft.Message, r io.Reader) error { return errors.New("disk full") }
	hb.mu.Unlock()
	a.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: 2}, io.NopCloser(strings.NewReader("x")), 1)
	waitFor(t, 10*time.Second, "second report", func() bool { return len(ha.snapshotReports()) == 2 })
	if r := ha.snapshotReports(); r[1] != (snapResult{2, false}) {
		t.Fatalf("report %+v", r)
	}
}

func TestSnapshotTruncatedStreamDetected(t *testing.T) {
	checkGoroutines(t)
	hb := newTestHandler()
	b, _ := startNode(t, 2, 1, hb, "")
	c := rawDial(t, b, 1, 1, 2, laneSnapshot)
	m := raft.Message{Type: raft.MsgSnap, From: 1, To: 2}
	w := AppendFrame(nil, frameMessage, EncodeMessage(nil, &m))
	w = AppendFrame(w, frameSnapChunk, make([]byte, 1000))
	w = AppendFrame(w, frameSnapChunk, make([]byte, 1000))[:len(w)+frameHeaderSize+500] // cut mid-chunk
	c.Write(w)
	c.Close()
	waitFor(t, 5*time.Second, "receiver to fail", func() bool {
		hb.mu.Lock()
		defer hb.mu.Unlock()
		return len(hb.snaps) == 1
	})
	if s := hb.snaps[0]; !errors.Is(s.err, ErrSnapshotStream) || !errors.Is(s.err, io.ErrUnexpectedEOF) {
		t.Fatalf("truncated stream: err %v after %d bytes", s.err, s.n)
	}
	// A complete stream with a wrong checksum is refused as well.
	c = rawDial(t, b, 1, 1, 2, laneSnapshot)
	defer c.Close()
	w = AppendFrame(nil, frameMessage, EncodeMessage(nil, &m))
	w = AppendFrame(w, frameSnapChunk, []byte("data"))
	w = AppendFrame(w, frameSnapEnd, binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(nil, 4), 12345))
	c.Write(w)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	kind, p, err := ReadFrame(c, nil, 4096)
	if err != nil || kind != frameSnapAck || p[0] != snapAckFail {
		t.Fatalf("corrupt stream ack: kind %d %q %v", kind, p, err)
	}
}

func TestSnapshotReceiverDiesReportsFailure(t *testing.T) {
	checkGoroutines(t)
	ha, hb := newTestHandler(), newTestHandler()
	a, _ := startNode(t, 1, 1, ha, "")
	b, _ := startNode(t, 2, 1, hb, "")
	started := make(chan struct{})
	hb.onSnapshot = func(ctx context.Context, m raft.Message, r io.Reader) error {
		close(started)
		<-ctx.Done() // blocks until b closes
		return ctx.Err()
	}
	a.AddPeer(2, b.Addr().String())
	a.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: 2}, io.NopCloser(bytes.NewReader(make([]byte, 8<<20))), -1)
	<-started
	b.Close()
	waitFor(t, 10*time.Second, "failure report", func() bool { return len(ha.snapshotReports()) > 0 })
	if r := ha.snapshotReports(); r[0] != (snapResult{2, false}) {
		t.Fatalf("report %+v", r)
	}
}
