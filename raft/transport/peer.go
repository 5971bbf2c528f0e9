package transport

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net"
	"sync"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// Lanes, sent in the hello frame.
const (
	laneMessage  byte = 1 // long-lived: a stream of message frames
	laneSnapshot byte = 2 // one MsgSnap, its chunked data, then an ack back
)

// Handshake statuses, sent in the hello-ack frame.
const (
	helloOK              byte = 0
	helloBadVersion      byte = 1
	helloClusterMismatch byte = 2
	helloWrongNode       byte = 3
	helloBadRequest      byte = 4
)

// Capabilities, a bit set sent by the listener as the one byte after an
// ok hello-ack's node id (where a rejection has its reason). A peer of an
// older version sends none, and ignores the byte.
const (
	// capSnapResume: the listener answers a snap-resume frame on the
	// snapshot lane with a snap-offer.
	capSnapResume byte = 1 << 0
)

// helloSize is the payload size of a hello frame: u8 lane, u64 cluster id,
// u64 sender id, u64 receiver id (big endian).
const helloSize = 1 + 8 + 8 + 8

// ErrHandshake is wrapped by errors from a rejected or failed handshake.
var ErrHandshake = errors.New("transport: handshake failed")

// isPriority reports whether messages of type t go ahead of the others in
// a peer's queue.
func isPriority(t raft.MessageType) bool {
	switch t {
	case raft.MsgHeartbeat, raft.MsgHeartbeatResp,
		raft.MsgVote, raft.MsgVoteResp, raft.MsgPreVote, raft.MsgPreVoteResp,
		raft.MsgTimeoutNow, raft.MsgReadIndex, raft.MsgReadIndexResp:
		return true
	}
	return false
}

type peer struct {
	t      *Transport
	id     uint64
	ctx    context.Context
	cancel context.CancelFunc
	notify chan struct{} // queue became non-empty
	redial chan struct{} // address changed

	// wmu guards w, the write side of the connection being served (nil
	// between connections): held by the writer goroutine while it writes
	// and by a sender writing directly (writer.go).
	wmu sync.Mutex
	w   *laneWriter

	mu        sync.Mutex
	addr      string
	high, low []raft.Message
	highBytes int
	lowBytes  int
	lowHead   int // p.low[:lowHead] was already taken
	connected bool
	// everConnected: a peer that was never reached is most likely still
	// starting, which is not worth a warning.
	everConnected bool
	sent          uint64
	sentBytes     uint64
	dropped       uint64
	connects      uint64
	lastErr       string
}

func newPeer(t *Transport, id uint64, addr string) *peer {
	ctx, cancel := context.WithCancel(t.ctx)
	return &peer{
		t: t, id: id, addr: addr, ctx: ctx, cancel: cancel,
		notify: make(chan struct{}, 1),
		redial: make(chan struct{}, 1),
	}
}

func (p *peer) setAddr(addr string) {
	p.mu.Lock()
	changed := p.addr != addr
	p.addr = addr
	p.mu.Unlock()
	if changed {
		select {
		case p.redial <- struct{}{}:
		default:
		}
	}
}

func (p *peer) stop() {
	p.cancel()
	p.mu.Lock()
	p.high, p.low, p.highBytes, p.lowBytes, p.lowHead = nil, nil, 0, 0, 0
	p.mu.Unlock()
}

func (p *peer) stats() PeerStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return PeerStats{Addr: p.addr, Connected: p.connected, QueuedBytes: p.highBytes + p.lowBytes,
		Sent: p.sent, SentBytes: p.sentBytes, Dropped: p.dropped, Connects: p.connects, LastErr: p.lastErr}
}

// enqueue queues m, or drops it and reports the peer unreachable if the
// queue is over its bound. kick then gets it written.
func (p *peer) enqueue(m *raft.Message) {
	size := encodedSize(m)
	limit := p.t.cfg.MaxQueueBytes
	prio := isPriority(m.Type)
	if prio {
		limit += priorityHeadroom
	}
	p.mu.Lock()
	if p.ctx.Err() != nil {
		p.mu.Unlock()
		return
	}
	total := p.highBytes + p.lowBytes
	if total+size > limit {
		p.dropped++
		dropped := p.dropped
		p.mu.Unlock()
		if dropped&(dropped-1) == 0 { // log on powers of two
			p.t.log.Warn("transport: peer queue full, dropping message",
				"peer", p.id, "type", m.Type, "bytes", size, "queued", total, "dropped", dropped)
		}
		p.t.rep.unreachable(p.id)
		return
	}
	if prio {
		p.high = append(p.high, *m)
		p.highBytes += size
	} else {
		p.low = append(p.low, *m)
		p.lowBytes += size
	}
	p.mu.Unlock()
}

// kick gets what is queued written: at once, without blocking, on the
// caller's goroutine when the writer goroutine is idle and the socket
// takes it all, else by waking the writer goroutine. A sender that finds
// the writer busy wakes it, so nothing queued is left unwritten: the
// writer takes the queue again after every wake-up.
func (p *peer) kick() {
	if p.wmu.TryLock() {
		done := p.w != nil && p.writeDirect(p.w)
		p.wmu.Unlock()
		if done {
			return
		}
	}
	select {
	case p.notify <- struct{}{}:
	default:
	}
}

// take removes the next batch to write: every queued priority message, or
// else regular messages up to lowBatchBytes (at least one). spare is an
// empty slice the caller no longer uses; the queue may keep it, and the
// caller owns the returned batch.
func (p *peer) take(spare []raft.Message) []raft.Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.high) > 0 {
		batch := p.high
		p.high = spare[:0]
		p.highBytes = 0
		return batch
	}
	q := p.low[p.lowHead:]
	n, bytes := 0, 0
	for n < len(q) && (n == 0 || bytes < lowBatchBytes) {
		bytes += encodedSize(&q[n])
		n++
	}
	p.lowBytes -= bytes
	if n == len(q) && p.lowHead == 0 {
		batch := p.low
		p.low = spare[:0]
		return batch
	}
	batch := append(spare[:0], q[:n]...)
	clear(q[:n])
	p.lowHead += n
	switch {
	case p.lowHead == len(p.low):
		p.low, p.lowHead = p.low[:0], 0
	case p.lowHead >= 1024 && 2*p.lowHead >= len(p.low):
		k := copy(p.low, p.low[p.lowHead:])
		clear(p.low[k:])
		p.low, p.lowHead = p.low[:k], 0
	}
	return batch
}

// failQueue drops everything queued after a connection failure.
func (p *peer) failQueue(err error) {
	p.mu.Lock()
	n := len(p.high) + len(p.low) - p.lowHead
	p.dropped += uint64(n)
	p.high, p.low, p.highBytes, p.lowBytes, p.lowHead = nil, nil, 0, 0, 0
	p.connected = false
	msg := err.Error()
	repeated := msg == p.lastErr
	p.lastErr = msg
	addr := p.addr
	starting := !p.everConnected
	p.mu.Unlock()
	if p.ctx.Err() != nil {
		return
	}
	level := slog.LevelWarn
	switch {
	case errors.Is(err, ErrHandshake):
		level = slog.LevelError
	case starting:
		level = slog.LevelInfo
	}
	if repeated {
		level = slog.LevelDebug
	}
	p.t.log.Log(context.Background(), level, "transport: connection to peer failed",
		"peer", p.id, "addr", addr, "err", err, "dropped", n)
	p.t.rep.unreachable(p.id)
}

func (p *peer) run() {
	defer p.t.wg.Done()
	backoff := p.t.cfg.MinBackoff
	for p.ctx.Err() == nil {
		p.mu.Lock()
		addr := p.addr
		p.mu.Unlock()
		conn, _, _, err := p.t.dial(p.ctx, addr, p.id, laneMessage)
		if err != nil {
			p.failQueue(err)
			if !p.sleep(jitter(backoff)) {
				return
			}
			backoff = min(2*backoff, p.t.cfg.MaxBackoff)
			continue
		}
		p.mu.Lock()
		p.connected = true
		p.everConnected = true
		p.connects++
		if p.lastErr != "" {
			p.t.log.Info("transport: connected to peer", "peer", p.id, "addr", addr)
		}
		p.lastErr = ""
		p.mu.Unlock()
		backoff = p.t.cfg.MinBackoff
		err = p.serve(conn)
		conn.Close()
		if p.ctx.Err() != nil {
			return
		}
		if err != nil {
			p.failQueue(err)
			if !p.sleep(jitter(p.t.cfg.MinBackoff)) {
				return
			}
		} else {
			p.mu.Lock()
			p.connected = false
			p.mu.Unlock()
		}
	}
}

// sleep waits d, returning early (true) on an address change and false
// when the peer is stopped.
func (p *peer) sleep(d time.Duration) bool {
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-p.ctx.Done():
		return false
	case <-p.redial:
		return true
	case <-tm.C:
		return true
	}
}

// jitter returns a duration in [d/2, d).
func jitter(d time.Duration) time.Duration {
	if d <= 1 {
		return d
	}
	return d/2 + rand.N(d/2)
}

// serve writes queued messages to conn until an error, an address change
// (not reported as a failure: nil is returned) or stop.
func (p *peer) serve(conn net.Conn) error {
	stop := context.AfterFunc(p.ctx, func() { conn.Close() })
	defer stop()

	// The server sends nothing after the handshake: a read returning
	// means the connection is dead.
	dead := make(chan error, 1)
	p.t.wg.Add(1)
	go func() {
		defer p.t.wg.Done()
		var b [1]byte
		_, err := conn.Read(b[:])
		if err == nil {
			err = errors.New("unexpected data from peer on message lane")
		}
		dead <- err
	}()
	defer conn.Close() // unblocks the reader

	w := newLaneWriter(conn)
	p.wmu.Lock()
	p.w = w
	p.wmu.Unlock()
	defer func() {
		p.wmu.Lock()
		p.w = nil
		p.wmu.Unlock()
	}()
	for {
		p.wmu.Lock()
		err := p.writeAll(w)
		p.wmu.Unlock()
		if err != nil {
			return p.writeErr(err)
		}
		select {
		case <-p.notify:
		case err := <-dead:
			if p.ctx.Err() != nil {
				return nil
			}
			p.wmu.Lock()
			werr := w.err
			p.wmu.Unlock()
			if werr != nil {
				return p.writeErr(werr)
			}
			return fmt.Errorf("connection closed by peer: %w", err)
		case <-p.redial:
			return nil
		case <-p.ctx.Done():
			return nil
		}
	}
}

func (p *peer) writeErr(err error) error {
	if p.ctx.Err() != nil {
		return nil
	}
	return fmt.Errorf("write: %w", err)
}

// dial connects to addr and performs the client side of the handshake for
// lane. It returns the connection, a reader holding any bytes buffered
// past the handshake and the capabilities the peer announced (caps*).
func (t *Transport) dial(ctx context.Context, addr string, to uint64, lane byte) (net.Conn, *bufio.Reader, byte, error) {
	d := net.Dialer{Timeout: t.cfg.DialTimeout, KeepAlive: 15 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, nil, 0, err
	}
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	if tc, ok := conn.(*net.TCPConn); ok {
		tc.SetNoDelay(true)
	}
	conn.SetDeadline(time.Now().Add(t.cfg.HandshakeTimeout))
	if tc, err := t.clientTLS(ctx, conn, addr); err != nil {
		conn.Close()
		return nil, nil, 0, err
	} else {
		conn = tc
	}
	b := append([]byte(nil), connMagic[:]...)
	b, start := appendFrameHeader(b, frameHello)
	b = append(b, lane)
	b = binary.BigEndian.AppendUint64(b, t.cfg.ClusterID)
	b = binary.BigEndian.AppendUint64(b, t.cfg.NodeID)
	b = binary.BigEndian.AppendUint64(b, to)
	finishFrame(b, start)
	if _, err := conn.Write(b); err != nil {
		conn.Close()
		return nil, nil, 0, fmt.Errorf("%w with peer %d at %s: write hello: %v", ErrHandshake, to, addr, err)
	}
	br := bufio.NewReaderSize(conn, 4096)
	kind, payload, err := ReadFrame(br, nil, 4096)
	if err == nil && (kind != frameHelloAck || len(payload) < 17) {
		err = fmt.Errorf("unexpected answer (frame kind %d, %d bytes)", kind, len(payload))
	}
	if err != nil {
		conn.Close()
		return nil, nil, 0, fmt.Errorf("%w with peer %d at %s: %v", ErrHandshake, to, addr, err)
	}
	status := payload[0]
	theirCluster := binary.BigEndian.Uint64(payload[1:])
	theirID := binary.BigEndian.Uint64(payload[9:])
	text := string(payload[17:])
	if status != helloOK {
		conn.Close()
		return nil, nil, 0, fmt.Errorf("%w: peer %d at %s (node %d, cluster %d) rejected us (node %d, cluster %d): %s",
			ErrHandshake, to, addr, theirID, theirCluster, t.cfg.NodeID, t.cfg.ClusterID, text)
	}
	if theirCluster != t.cfg.ClusterID || theirID != to {
		conn.Close()
		return nil, nil, 0, fmt.Errorf("%w: peer at %s is node %d of cluster %d, expected node %d of cluster %d",
			ErrHandshake, addr, theirID, theirCluster, to, t.cfg.ClusterID)
	}
	conn.SetDeadline(time.Time{})
	var caps byte
	if len(text) > 0 { // an ok answer's text is its capabilities
		caps = text[0]
	}
	return conn, br, caps, nil
}
