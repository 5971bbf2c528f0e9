package transport

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// --- helpers ---------------------------------------------------------------

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

type recvSnap struct {
	m    raft.Message
	sum  [32]byte
	n    int64
	err  error
	from time.Time
	to   time.Time
}

type testHandler struct {
	mu          sync.Mutex
	msgs        []raft.Message
	unreachable map[uint64]int
	snapReports []snapResult
	snaps       []recvSnap

	onProcess func(m raft.Message)
	// onSnapshot replaces the default ReceiveSnapshot (read all, hash).
	onSnapshot func(ctx context.Context, m raft.Message, r io.Reader) error
}

func newTestHandler() *testHandler {
	return &testHandler{unreachable: map[uint64]int{}}
}

func (h *testHandler) Process(ctx context.Context, m raft.Message) error {
	if h.onProcess != nil {
		h.onProcess(m)
	}
	h.mu.Lock()
	h.msgs = append(h.msgs, m)
	h.mu.Unlock()
	return nil
}

func (h *testHandler) ReceiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error {
	h.mu.Lock()
	f := h.onSnapshot
	h.mu.Unlock()
	if f != nil {
		return f(ctx, m, r)
	}
	rs := recvSnap{m: m, from: time.Now()}
	hs := sha256.New()
	rs.n, rs.err = io.Copy(hs, r)
	copy(rs.sum[:], hs.Sum(nil))
	rs.to = time.Now()
	h.mu.Lock()
	h.snaps = append(h.snaps, rs)
	h.mu.Unlock()
	return rs.err
}

func (h *testHandler) ReportUnreachable(id uint64) {
	h.mu.Lock()
	h.unreachable[id]++
	h.mu.Unlock()
}

func (h *testHandler) ReportSnapshot(id uint64, ok bool) {
	h.mu.Lock()
	h.snapReports = append(h.snapReports, snapResult{id, ok})
	h.mu.Unlock()
}

func (h *testHandler) received() []raft.Message {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]raft.Message(nil), h.msgs...)
}

func (h *testHandler) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.msgs)
}

func (h *testHandler) unreachableCount(id uint64) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.unreachable[id]
}

func (h *testHandler) snapshotReports() []snapResult {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]snapResult(nil), h.snapReports...)
}

// checkGoroutines fails the test if goroutines started during it are still
// running after every transport closed. Call it first: cleanups run last
// registered first.
func checkGoroutines(t *testing.T) {
	base := runtime.NumGoroutine()
	t.Cleanup(func() {
		deadline := time.Now().Add(5 * time.Second)
		for runtime.NumGoroutine() > base {
			if time.Now().After(deadline) {
				buf := make([]byte, 1<<20)
				buf = buf[:runtime.Stack(buf, true)]
				t.Errorf("goroutine leak: %d running, %d before\n%s", runtime.NumGoroutine(), base, buf)
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	})
}

type nodeOpt func(*Config)

func startNode(t testing.TB, id, cluster uint64, h Handler, addr string, opts ...nodeOpt) (*Transport, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	cfg := Config{
		NodeID: id, ClusterID: cluster, ListenAddr: addr, Handler: h,
		Logger:           slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		HandshakeTimeout: 2 * time.Second,
	}
	if addr == "" {
		cfg.ListenAddr = "127.0.0.1:0"
	}
	for _, o := range opts {
		o(&cfg)
	}
	tr, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr, logs
}

func waitFor(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// --- tests ----------------------------------------------------------------

func TestNewValidates(t *testing.T) {
	if _, err := New(Config{Handler: newTestHandler()}); err == nil {
		t.Fatal("NodeID 0 accepted")
	}
	if _, err := New(Config{NodeID: 1}); err == nil {
		t.Fatal("nil Handler accepted")
	}
}

func TestStartErrorWrapsNetError(t *testing.T) {
	checkGoroutines(t)
	a, _ := startNode(t, 1, 7, newTestHandler(), "")
	b, err := New(Config{NodeID: 2, ListenAddr: a.Addr().String(), Handler: newTestHandler()})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	err = b.Start(context.Background())
	var opErr *net.OpError
	if !errors.As(err, &opErr) || !strings.Contains(err.Error(), a.Addr().String()) {
		t.Fatalf("want wrapped *net.OpError naming the address, got %v", err)
	}
}

func TestThreeNodesExchange(t *testing.T) {
	checkGoroutines(t)
	const n = 3
	hs := make([]*testHandler, n)
	trs := make([]*Transport, n)
	for i := range n {
		hs[i] = newTestHandler()
		trs[i], _ = startNode(t, uint64(i+1), 42, hs[i], "")
	}
	for i := range n {
		for j := range n {
			if i != j {
				trs[i].AddPeer(uint64(j+1), trs[j].Addr().String())
			}
		}
	}
	big := bytes.Repeat([]byte("0123456789abcdef"), 6<<20/16) // a 6 MiB entry
	const perPair = 500
	for i := range n {
		var msgs []raft.Message
		for k := range perPair {
			for j := range n {
				if i == j {
					continue
				}
				m := raft.Message{Type: raft.MsgApp, From: uint64(i + 1), To: uint64(j + 1), Index: uint64(k),
					Entries: []raft.Entry{{Term: 1, Index: uint64(k + 1), Data: []byte(fmt.Sprint(k))}}}
				if k == perPair/2 {
					m.Entries[0].Data = big
				}
				msgs = append(msgs, m)
			}
		}
		trs[i].Send(msgs)
	}
	for j := range n {
		waitFor(t, 20*time.Second, fmt.Sprintf("node %d to receive all", j+1), func() bool {
			return hs[j].count() == perPair*(n-1)
		})
		next := map[uint64]uint64{}
		for _, m := range hs[j].received() {
			if m.To != uint64(j+1) {
				t.Fatalf("node %d got message for %d", j+1, m.To)
			}
			if m.Index != next[m.From] {
				t.Fatalf("node %d: from %d got index %d, want %d (order)", j+1, m.From, m.Index, next[m.From])
			}
			if m.Index == perPair/2 && !bytes.Equal(m.Entries[0].Data, big) {
				t.Fatal("big entry corrupted")
			}
			next[m.From]++
		}
	}
	for i := range n {
		for j := range n {
			if i != j {
				if st, _ := trs[i].PeerStats(uint64(j + 1)); !st.Connected || st.Sent != perPair || st.Dropped != 0 {
					t.Errorf("node %d peer %d stats %+v", i+1, j+1, st)
				}
			}
		}
	}
}

func TestReconnectAfterPeerRestart(t *testing.T) {
	checkGoroutines(t)
	ha, hb := newTestHandler(), newTestHandler()
	a, _ := startNode(t, 1, 1, ha, "")
	b, _ := startNode(t, 2, 1, hb, "")
	addrB := b.Addr().String()
	a.AddPeer(2, addrB)
	hb1 := raft.Message{Type: raft.MsgHeartbeat, From: 1, To: 2, Term: 1}
	a.Send([]raft.Message{hb1})
	waitFor(t, 5*time.Second, "first heartbeat", func() bool { return hb.count() == 1 })

	b.Close()
	// While b is down, sends fail and a reports it unreachable.
	waitFor(t, 5*time.Second, "unreachable report", func() bool {
		a.Send([]raft.Message{hb1})
		return ha.unreachableCount(2) > 0
	})

	hb2 := newTestHandler()
	var b2 *Transport
	waitFor(t, 5*time.Second, "restart on the same address", func() bool {
		tr, err := New(Config{NodeID: 2, ClusterID: 1, ListenAddr: addrB, Handler: hb2})
		if err != nil {
			t.Fatal(err)
		}
		if err := tr.Start(context.Background()); err != nil {
			tr.Close()
			return false
		}
		b2 = tr
		return true
	})
	defer b2.Close()
	start := time.Now()
	waitFor(t, 5*time.Second, "message after restart", func() bool {
		a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2, Term: 2}})
		return hb2.count() > 0
	})
	// How long the reconnect took is the backoff's business, which the
	// test can only log (there is no clock to inject); what it checks is
	// the cap the backoff doubles up to.
	t.Logf("reconnected %v after the restart", time.Since(start))
	if a.cfg.MaxBackoff != time.Second {
		t.Errorf("reconnect backoff capped at %v, want 1s", a.cfg.MaxBackoff)
	}
}

func TestQueueBoundDropsAndReportsUnreachable(t *testing.T) {
	checkGoroutines(t)
	// A peer that accepts TCP connections but never answers the handshake,
	// so everything sent to it stays queued.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var conns []net.Conn
	var connsMu sync.Mutex
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			connsMu.Lock()
			conns = append(conns, c)
			connsMu.Unlock()
		}
	}()
	defer func() {
		ln.Close()
		wg.Wait()
		for _, c := range conns {
			c.Close()
		}
	}()

	h := newTestHandler()
	a, _ := startNode(t, 1, 1, h, "", func(c *Config) {
		c.MaxQueueBytes = 64 << 10
		c.HandshakeTimeout = 10 * time.Second
	})
	a.AddPeer(2, ln.Addr().String())
	waitFor(t, 5*time.Second, "connection to the silent peer", func() bool {
		connsMu.Lock()
		defer connsMu.Unlock()
		return len(conns) > 0
	})
	data := make([]byte, 10<<10)
	var msgs []raft.Message
	for i := range 20 {
		msgs = append(msgs, raft.Message{Type: raft.MsgApp, From: 1, To: 2, Index: uint64(i), Entries: []raft.Entry{{Data: data}}})
	}
	a.Send(msgs)
	st, _ := a.PeerStats(2)
	if st.Dropped == 0 || st.QueuedBytes > 64<<10 {
		t.Fatalf("queue bound not enforced: %+v", st)
	}
	// Priority messages still fit in the headroom.
	a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
	if st2, _ := a.PeerStats(2); st2.Dropped != st.Dropped {
		t.Fatalf("heartbeat dropped: %+v", st2)
	}
	waitFor(t, 2*time.Second, "ReportUnreachable", func() bool { return h.unreachableCount(2) > 0 })
	// Messages to unknown peers are dropped and reported too.
	a.Send([]raft.Message{{Type: raft.MsgApp, From: 1, To: 9}})
	waitFor(t, 2*time.Second, "ReportUnreachable(9)", func() bool { return h.unreachableCount(9) > 0 })
}

func TestPriorityQueueOrder(t *testing.T) {
	tr, err := New(Config{NodeID: 1, Handler: newTestHandler()})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	p := newPeer(tr, 2, "127.0.0.1:1")
	defer p.stop()
	data := make([]byte, 100<<10)
	for i := range 10 {
		p.enqueue(&raft.Message{Type: raft.MsgApp, To: 2, Index: uint64(i), Entries: []raft.Entry{{Data: data}}})
	}
	for _, ty := range []raft.MessageType{raft.MsgHeartbeat, raft.MsgVote, raft.MsgPreVoteResp, raft.MsgReadIndex, raft.MsgTimeoutNow} {
		p.enqueue(&raft.Message{Type: ty, To: 2})
	}
	batch := p.take(nil)
	if len(batch) != 5 {
		t.Fatalf("first batch has %d messages, want the 5 priority ones", len(batch))
	}
	for _, m := range batch {
		if !isPriority(m.Type) {
			t.Fatalf("non-priority %s in first batch", m.Type)
		}
	}
	batch = p.take(nil)
	if len(batch) == 0 || len(batch) > 3 || batch[0].Index != 0 {
		t.Fatalf("second batch: %d messages, first index %d", len(batch), batch[0].Index)
	}
	p.enqueue(&raft.Message{Type: raft.MsgHeartbeatResp, To: 2})
	if batch = p.take(nil); len(batch) != 1 || batch[0].Type != raft.MsgHeartbeatResp {
		t.Fatalf("heartbeat did not jump the MsgApp queue: %v", batch)
	}
}

type sizedReader struct {
	r      io.Reader
	closed atomic.Bool
}

func (s *sizedReader) Read(p []byte) (int, error) { return s.r.Read(p) }
func (s *sizedReader) Close() error               { s.closed.Store(true); return nil }

// rawDial connects to tr and performs a client handshake by hand.
func rawDial(t *testing.T, tr *Transport, cluster, from, to uint64, lane byte) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", tr.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	b := append([]byte(nil), connMagic[:]...)
	hello := []byte{lane}
	hello = binary.BigEndian.AppendUint64(hello, cluster)
	hello = binary.BigEndian.AppendUint64(hello, from)
	hello = binary.BigEndian.AppendUint64(hello, to)
	b = AppendFrame(b, frameHello, hello)
	if _, err := c.Write(b); err != nil {
		t.Fatal(err)
	}
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	kind, p, err := ReadFrame(c, nil, 4096)
	if err != nil || kind != frameHelloAck || p[0] != helloOK {
		t.Fatalf("raw handshake: kind %d payload %q err %v", kind, p, err)
	}
	c.SetReadDeadline(time.Time{})
	return c
}

func TestClusterIDMismatchRejected(t *testing.T) {
	checkGoroutines(t)
	ha, hb := newTestHandler(), newTestHandler()
	a, logsA := startNode(t, 1, 100, ha, "")
	b, logsB := startNode(t, 2, 200, hb, "")
	a.AddPeer(2, b.Addr().String())
	waitFor(t, 5*time.Second, "unreachable", func() bool {
		a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
		return ha.unreachableCount(2) > 0 && strings.Contains(logsB.String(), "cluster id mismatch")
	})
	if hb.count() != 0 {
		t.Fatal("message crossed clusters")
	}
	if !strings.Contains(logsA.String(), "level=ERROR") || !strings.Contains(logsA.String(), "cluster id mismatch") {
		t.Fatalf("sender did not log a clear error:\n%s", logsA.String())
	}
	// Dialing the wrong node id is rejected too.
	a2, logsA2 := startNode(t, 3, 200, newTestHandler(), "")
	a2.AddPeer(5, b.Addr().String()) // b is node 2
	waitFor(t, 5*time.Second, "node id mismatch", func() bool {
		return strings.Contains(logsA2.String(), "node id mismatch")
	})
}

func TestMalformedInputDoesNotCrashReceiver(t *testing.T) {
	checkGoroutines(t)
	hb := newTestHandler()
	b, logs := startNode(t, 2, 1, hb, "", func(c *Config) { c.MaxFrameBytes = 1 << 20 })
	expectClosed := func(c net.Conn, what string) {
		t.Helper()
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := io.Copy(io.Discard, c); err != nil {
			t.Fatalf("%s: connection not closed by receiver: %v", what, err)
		}
		c.Close()
	}
	// Not our protocol at all.
	c, err := net.Dial("tcp", b.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	c.Write([]byte("GET / HTTP/1.1\r\n\r\n"))
	expectClosed(c, "bad magic")

	good := raft.Message{Type: raft.MsgApp, From: 1, To: 2, Entries: []raft.Entry{{Data: []byte("ok")}}}
	cases := map[string][]byte{
		"oversized frame":  {0x7f, 0xff, 0xff, 0xff, ProtocolVersion, frameMessage},
		"bad version":      {0, 0, 0, 1, 9, frameMessage, 0},
		"undecodable":      AppendFrame(nil, frameMessage, []byte{3, 0, 0xff, 0xff, 0xff}),
		"huge entry count": AppendFrame(nil, frameMessage, []byte{3, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f}),
		"wrong kind":       AppendFrame(nil, frameSnapChunk, []byte("x")),
		"wrong sender":     AppendFrame(nil, frameMessage, EncodeMessage(nil, &raft.Message{Type: raft.MsgApp, From: 3, To: 2})),
		"local type":       AppendFrame(nil, frameMessage, EncodeMessage(nil, &raft.Message{Type: raft.MsgHup, From: 1, To: 2})),
		"MsgSnap on lane":  AppendFrame(nil, frameMessage, EncodeMessage(nil, &raft.Message{Type: raft.MsgSnap, From: 1, To: 2})),
		"unknown type":     AppendFrame(nil, frameMessage, EncodeMessage(nil, &raft.Message{Type: 200, From: 1, To: 2})),
		"truncated":        AppendFrame(nil, frameMessage, EncodeMessage(nil, &good))[:10],
	}
	for name, payload := range cases {
		c := rawDial(t, b, 1, 1, 2, laneMessage)
		// A good message first: it must be delivered, then the bad input
		// closes the connection.
		before := hb.count()
		c.Write(append(AppendFrame(nil, frameMessage, EncodeMessage(nil, &good)), payload...))
		if name == "truncated" {
			c.(*net.TCPConn).CloseWrite()
		}
		expectClosed(c, name)
		if hb.count() != before+1 {
			t.Fatalf("%s: good message not delivered", name)
		}
	}
	if !strings.Contains(logs.String(), "level=ERROR") {
		t.Fatal("no error logged")
	}
	// The receiver still works for a well-behaved peer.
	ha := newTestHandler()
	a, _ := startNode(t, 1, 1, ha, "")
	a.AddPeer(2, b.Addr().String())
	before := hb.count()
	a.Send([]raft.Message{good})
	waitFor(t, 5*time.Second, "delivery after malformed input", func() bool { return hb.count() == before+1 })
}

func TestUpdatePeerAndRemovePeer(t *testing.T) {
	checkGoroutines(t)
	ha, hb, hc := newTestHandler(), newTestHandler(), newTestHandler()
	a, _ := startNode(t, 1, 1, ha, "")
	b, _ := startNode(t, 2, 1, hb, "")
	a.AddPeer(2, "127.0.0.1:1") // wrong address first
	a.UpdatePeer(2, b.Addr().String())
	waitFor(t, 5*time.Second, "delivery after UpdatePeer", func() bool {
		a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
		return hb.count() > 0
	})
	// Node 2 moves: a new transport with the same id elsewhere.
	b2, _ := startNode(t, 2, 1, hc, "")
	a.UpdatePeer(2, b2.Addr().String())
	waitFor(t, 5*time.Second, "delivery to the new address", func() bool {
		a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
		return hc.count() > 0
	})
	a.RemovePeer(2)
	if _, ok := a.PeerStats(2); ok {
		t.Fatal("peer still present")
	}
	a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
	waitFor(t, 2*time.Second, "unreachable for removed peer", func() bool { return ha.unreachableCount(2) > 0 })
}

func TestCloseIdempotentAndSendAfterClose(t *testing.T) {
	checkGoroutines(t)
	h := newTestHandler()
	a, _ := startNode(t, 1, 1, h, "")
	a.AddPeer(2, "127.0.0.1:1")
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	a.Send([]raft.Message{{Type: raft.MsgApp, From: 1, To: 2}})
	src := &sizedReader{r: strings.NewReader("x")}
	a.SendSnapshot(raft.Message{Type: raft.MsgSnap, From: 1, To: 2}, src, 1)
	if !src.closed.Load() {
		t.Fatal("data not closed after Close")
	}
	a.AddPeer(3, "127.0.0.1:1")
}

func TestQueueFIFOAndAccounting(t *testing.T) {
	tr, err := New(Config{NodeID: 1, Handler: newTestHandler(), MaxQueueBytes: 1 << 30})
	if err != nil {
		t.Fatal(err)
	}
	defer tr.Close()
	p := newPeer(tr, 2, "127.0.0.1:1")
	defer p.stop()
	r := rand.New(rand.NewPCG(5, 6))
	var nextIn, nextOut, nextHighIn, nextHighOut uint64
	var batch []raft.Message
	for range 500 {
		if r.IntN(3) > 0 {
			for range r.IntN(2000) {
				if r.IntN(10) == 0 {
					p.enqueue(&raft.Message{Type: raft.MsgHeartbeat, To: 2, Commit: nextHighIn})
					nextHighIn++
				} else {
					p.enqueue(&raft.Message{Type: raft.MsgApp, To: 2, Index: nextIn, Entries: []raft.Entry{{Data: make([]byte, r.IntN(300))}}})
					nextIn++
				}
			}
		}
		clear(batch)
		batch = p.take(batch[:0])
		for _, m := range batch {
			if m.Type == raft.MsgHeartbeat {
				if m.Commit != nextHighOut {
					t.Fatalf("priority order: got %d want %d", m.Commit, nextHighOut)
				}
				nextHighOut++
			} else {
				if nextHighOut != nextHighIn {
					t.Fatal("MsgApp taken while heartbeats were queued")
				}
				if m.Index != nextOut {
					t.Fatalf("order: got %d want %d", m.Index, nextOut)
				}
				nextOut++
			}
		}
	}
	for {
		clear(batch)
		if batch = p.take(batch[:0]); len(batch) == 0 {
			break
		}
		nextOut += uint64(len(batch))
	}
	if st := p.stats(); nextOut != nextIn || st.QueuedBytes != 0 || st.Dropped != 0 || p.lowHead != 0 {
		t.Fatalf("drained %d of %d, queued bytes %d, head %d", nextOut, nextIn, p.stats().QueuedBytes, p.lowHead)
	}
}

func TestOversizedMessageDroppedNextDelivered(t *testing.T) {
	checkGoroutines(t)
	ha, hb := newTestHandler(), newTestHandler()
	small := func(c *Config) { c.MaxFrameBytes = 1 << 20 }
	a, _ := startNode(t, 1, 1, ha, "", small)
	b, _ := startNode(t, 2, 1, hb, "", small)
	a.AddPeer(2, b.Addr().String())
	a.Send([]raft.Message{
		{Type: raft.MsgApp, From: 1, To: 2, Index: 1, Entries: []raft.Entry{{Data: make([]byte, 900<<10)}}},
		{Type: raft.MsgApp, From: 1, To: 2, Index: 2, Entries: []raft.Entry{{Data: make([]byte, 2<<20)}}},
		{Type: raft.MsgApp, From: 1, To: 2, Index: 3},
	})
	waitFor(t, 5*time.Second, "delivery", func() bool { return hb.count() == 2 })
	if got := hb.received(); got[0].Index != 1 || got[1].Index != 3 {
		t.Fatalf("got indexes %d, %d", got[0].Index, got[1].Index)
	}
	waitFor(t, 2*time.Second, "unreachable report", func() bool { return ha.unreachableCount(2) > 0 })
}

func TestVersionMismatchRejected(t *testing.T) {
	checkGoroutines(t)
	b, logs := startNode(t, 2, 1, newTestHandler(), "")
	c, err := net.Dial("tcp", b.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	hello := AppendFrame(append([]byte(nil), connMagic[:]...), frameHello, make([]byte, helloSize))
	hello[len(connMagic)+4] = ProtocolVersion + 1 // a future version
	c.Write(hello)
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	kind, p, err := ReadFrame(c, nil, 4096)
	if err != nil || kind != frameHelloAck || p[0] != helloBadVersion || !strings.Contains(string(p[17:]), "version") {
		t.Fatalf("ack kind %d payload %q err %v", kind, p, err)
	}
	waitFor(t, 2*time.Second, "logged rejection", func() bool { return strings.Contains(logs.String(), "protocol version mismatch") })
}

// A peer that stops reading fills the socket: Send (which writes directly
// while the writer goroutine is idle) must still never block, and once
// the peer reads again every message arrives whole and in order, the
// rest of a partly written frame first.
func TestSendNeverBlocksOnStuckPeer(t *testing.T) {
	checkGoroutines(t)
	gate := make(chan struct{})
	hb := newTestHandler()
	hb.onProcess = func(raft.Message) { <-gate }
	b, _ := startNode(t, 2, 42, hb, "")
	a, _ := startNode(t, 1, 42, newTestHandler(), "", func(c *Config) { c.MaxQueueBytes = 256 << 20 })
	// Registered after the transports: runs before their Close (which
	// waits for b's Process), also when the test fails.
	var open sync.Once
	release := func() { open.Do(func() { close(gate) }) }
	t.Cleanup(release)
	a.AddPeer(2, b.Addr().String())
	waitFor(t, 5*time.Second, "a connected to b", func() bool {
		st, _ := a.PeerStats(2)
		return st.Connected
	})
	const n, size = 400, 64 << 10 // 25 MiB: far more than the sockets buffer
	sent := make(chan struct{})
	go func() {
		defer close(sent)
		for k := range n {
			data := bytes.Repeat([]byte{byte(k % 251)}, size)
			a.Send([]raft.Message{{Type: raft.MsgApp, From: 1, To: 2, Index: uint64(k), Entries: []raft.Entry{{Data: data}}}})
		}
	}()
	waitFor(t, 10*time.Second, "every Send to return while the peer reads nothing", func() bool {
		select {
		case <-sent:
			return true
		default:
			return false
		}
	})
	release()
	waitFor(t, 20*time.Second, "b to receive every message", func() bool { return hb.count() == n })
	for k, m := range hb.received() {
		if m.Index != uint64(k) || len(m.Entries) != 1 || !bytes.Equal(m.Entries[0].Data, bytes.Repeat([]byte{byte(k % 251)}, size)) {
			t.Fatalf("message %d: index %d, %d entries (order or content broken)", k, m.Index, len(m.Entries))
		}
	}
	if st, _ := a.PeerStats(2); st.Dropped != 0 || st.Sent != n {
		t.Fatalf("stats %+v", st)
	}
}

// A write deadline that has passed on the connection (the writer
// goroutine sets one for its own writes) must not fail a direct write:
// the messages go through the writer instead, on the same connection.
func TestDirectWriteAfterDeadlinePassed(t *testing.T) {
	checkGoroutines(t)
	hb := newTestHandler()
	b, _ := startNode(t, 2, 42, hb, "")
	a, _ := startNode(t, 1, 42, newTestHandler(), "")
	a.AddPeer(2, b.Addr().String())
	a.Send([]raft.Message{{Type: raft.MsgHeartbeat, From: 1, To: 2}})
	waitFor(t, 5*time.Second, "the first message", func() bool { return hb.count() == 1 })
	p := a.peer(2)
	p.wmu.Lock()
	p.w.conn.SetWriteDeadline(time.Now().Add(-time.Second))
	p.wmu.Unlock()
	for k := range 3 {
		a.Send([]raft.Message{{Type: raft.MsgApp, From: 1, To: 2, Index: uint64(k)}})
	}
	waitFor(t, 5*time.Second, "every message", func() bool { return hb.count() == 4 })
	if st, _ := a.PeerStats(2); st.Connects != 1 || st.Dropped != 0 || !st.Connected {
		t.Fatalf("the connection did not survive: %+v", st)
	}
}
