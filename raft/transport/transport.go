package transport

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/raft"
)

// Handler receives what the transport gets from peers. The transport never
// calls the Handler from inside Send, SendSnapshot, AddPeer, UpdatePeer,
// RemovePeer or Close, so the node may hold its own locks around those
// calls. Process and ReceiveSnapshot are called concurrently from one
// goroutine per inbound connection; ReportUnreachable and ReportSnapshot
// are called one at a time from a single reporting goroutine.
type Handler interface {
	// Process delivers a message received from a peer to the local Raft
	// node. Byte slices in m are owned by the handler. Blocking applies
	// back-pressure to that peer's connection.
	Process(ctx context.Context, m raft.Message) error
	// ReceiveSnapshot is called for an incoming MsgSnap with the snapshot
	// data stream; the handler consumes (persists) r before returning; the
	// message is then processed by the handler itself. r returns io.EOF
	// only after the whole stream arrived and its length and CRC-32C
	// checksum matched the sender's trailer; any other error means the
	// stream is truncated or corrupt and the data must be discarded. The
	// handler's result is reported back to the sender, whose
	// ReportSnapshot(id, ok) reflects it.
	ReceiveSnapshot(ctx context.Context, m raft.Message, r io.Reader) error
	// ReportUnreachable reports that messages to peer id were dropped or
	// the connection to it failed.
	ReportUnreachable(id uint64)
	// ReportSnapshot reports the outcome of a SendSnapshot to peer id.
	ReportSnapshot(id uint64, ok bool)
}

// Defaults for Config fields left zero.
const (
	DefaultMaxQueueBytes        = 64 << 20
	DefaultMaxFrameBytes        = 64 << 20
	DefaultDialTimeout          = 2 * time.Second
	DefaultHandshakeTimeout     = 5 * time.Second
	DefaultWriteTimeout         = 10 * time.Second
	DefaultSnapshotChunkBytes   = 1 << 20
	DefaultSnapshotWriteTimeout = time.Minute
	DefaultMinBackoff           = 20 * time.Millisecond
	DefaultMaxBackoff           = time.Second
)

// priorityHeadroom is how far priority messages (heartbeats, votes, ...)
// may exceed a peer's MaxQueueBytes, so that a queue full of MsgApp never
// causes heartbeats to be dropped.
const priorityHeadroom = 1 << 20

// lowBatchBytes bounds how many bytes of regular (MsgApp...) messages the
// writer takes from the queue at a time, so a priority message queued
// meanwhile waits for at most this much (plus one large message).
const lowBatchBytes = 256 << 10

// Config configures a Transport.
type Config struct {
	// NodeID is the local node's Raft ID (required, non-zero).
	NodeID uint64
	// ClusterID must match between peers; the handshake rejects others.
	ClusterID uint64
	// ListenAddr is the TCP address Start listens on ("127.0.0.1:0" etc.).
	ListenAddr string
	// Listener, when set, is served by Start instead of listening on
	// ListenAddr; the transport closes it on Close.
	Listener net.Listener
	// Handler receives inbound messages and reports (required).
	Handler Handler
	// Logger defaults to a logger that discards everything.
	Logger *slog.Logger
	// MaxQueueBytes bounds the encoded bytes queued per peer (default 64 MiB).
	MaxQueueBytes int
	// MaxFrameBytes bounds the payload of one frame, sent or received
	// (default 64 MiB). A MsgApp whose encoding is larger is dropped.
	MaxFrameBytes int
	// DialTimeout bounds one TCP connect (default 2 s).
	DialTimeout time.Duration
	// HandshakeTimeout bounds the handshake after connect (default 5 s).
	HandshakeTimeout time.Duration
	// WriteTimeout bounds each batch write on a peer connection; a peer
	// that stops reading for longer is treated as failed (default 10 s).
	WriteTimeout time.Duration
	// SnapshotChunkBytes is the chunk size of snapshot streams (default 1 MiB).
	SnapshotChunkBytes int
	// SnapshotWriteTimeout bounds each chunk write of a snapshot stream,
	// i.e. how long the receiver may stop reading (persisting) before the
	// transfer fails (default 1 min).
	SnapshotWriteTimeout time.Duration
	// MinBackoff and MaxBackoff bound the reconnect delay, which doubles
	// after each failed attempt and is jittered (defaults 20 ms and 1 s).
	MinBackoff, MaxBackoff time.Duration
	// TLS, when set, makes every peer connection mutual TLS with the
	// cluster CA (tls.go); nil is plaintext.
	TLS *PeerTLS
}

func (c *Config) setDefaults() error {
	if c.NodeID == 0 {
		return errors.New("transport: Config.NodeID must be non-zero")
	}
	if c.Handler == nil {
		return errors.New("transport: Config.Handler is required")
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.MaxQueueBytes <= 0 {
		c.MaxQueueBytes = DefaultMaxQueueBytes
	}
	if c.MaxFrameBytes <= 0 {
		c.MaxFrameBytes = DefaultMaxFrameBytes
	}
	if c.MaxFrameBytes > 1<<31 {
		return fmt.Errorf("transport: Config.MaxFrameBytes %d exceeds 2 GiB", c.MaxFrameBytes)
	}
	if c.DialTimeout <= 0 {
		c.DialTimeout = DefaultDialTimeout
	}
	if c.HandshakeTimeout <= 0 {
		c.HandshakeTimeout = DefaultHandshakeTimeout
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = DefaultWriteTimeout
	}
	if c.SnapshotChunkBytes <= 0 {
		c.SnapshotChunkBytes = DefaultSnapshotChunkBytes
	}
	c.SnapshotChunkBytes = min(c.SnapshotChunkBytes, c.MaxFrameBytes)
	if c.SnapshotWriteTimeout <= 0 {
		c.SnapshotWriteTimeout = DefaultSnapshotWriteTimeout
	}
	if c.MinBackoff <= 0 {
		c.MinBackoff = DefaultMinBackoff
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = DefaultMaxBackoff
	}
	c.MaxBackoff = max(c.MaxBackoff, c.MinBackoff)
	return nil
}

// Transport is the peer transport of one raftsql node. All methods are
// safe for concurrent use.
type Transport struct {
	cfg    Config
	log    *slog.Logger
	ctx    context.Context // canceled by Close
	cancel context.CancelFunc
	wg     sync.WaitGroup
	rep    reporter

	mu       sync.Mutex
	peers    map[uint64]*peer
	ln       net.Listener
	started  bool
	closed   bool
	rejectAt map[string]time.Time // rate limit for inbound handshake-reject logs
	// lastReject: why the last inbound handshake was refused (Stats).
	lastReject string

	receivedBytes atomic.Uint64
	rejected      atomic.Uint64
}

// New returns a Transport. It does not listen or dial until Start/AddPeer.
func New(cfg Config) (*Transport, error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	t := &Transport{
		cfg:      cfg,
		log:      cfg.Logger.With("component", "transport", "node_id", cfg.NodeID),
		ctx:      ctx,
		cancel:   cancel,
		peers:    make(map[uint64]*peer),
		rejectAt: make(map[string]time.Time),
	}
	t.rep.init(cfg.Handler)
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		t.rep.run(ctx)
	}()
	return t, nil
}

// Start listens on Config.ListenAddr and serves inbound peer connections
// until Close. ctx bounds only the listen call. The error wraps the
// underlying net error (errors.As(err, new(*net.OpError))) and names the
// address.
func (t *Transport) Start(ctx context.Context) error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		return errors.New("transport: Start after Close")
	}
	if t.started {
		t.mu.Unlock()
		return errors.New("transport: already started")
	}
	t.started = true
	t.mu.Unlock()

	ln := t.cfg.Listener
	if ln == nil {
		var lc net.ListenConfig
		var err error
		ln, err = lc.Listen(ctx, "tcp", t.cfg.ListenAddr)
		if err != nil {
			t.mu.Lock()
			t.started = false
			t.mu.Unlock()
			return fmt.Errorf("transport: listen for peers on %q: %w", t.cfg.ListenAddr, err)
		}
	}
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		ln.Close()
		return errors.New("transport: closed during Start")
	}
	t.ln = ln
	t.wg.Add(1)
	t.mu.Unlock()
	t.log.Info("transport listening", "addr", ln.Addr().String())
	go t.acceptLoop(ln)
	return nil
}

// Addr returns the listening address, or nil before Start.
func (t *Transport) Addr() net.Addr {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ln == nil {
		return nil
	}
	return t.ln.Addr()
}

// AddPeer registers peer id at addr and starts its outbound connection. If
// the peer is already known, AddPeer behaves like UpdatePeer.
func (t *Transport) AddPeer(id uint64, addr string) {
	if id == 0 || id == t.cfg.NodeID {
		t.log.Warn("transport: ignoring AddPeer for invalid or local id", "peer", id)
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return
	}
	if p, ok := t.peers[id]; ok {
		p.setAddr(addr)
		return
	}
	p := newPeer(t, id, addr)
	t.peers[id] = p
	t.wg.Add(1)
	go p.run()
}

// UpdatePeer changes the address of peer id; the current connection is
// dropped and redialed at the new address. Unknown peers are added.
func (t *Transport) UpdatePeer(id uint64, addr string) {
	t.AddPeer(id, addr)
}

// RemovePeer stops sending to peer id and drops whatever is queued for it.
// It does not wait for the peer's goroutines; Close does.
func (t *Transport) RemovePeer(id uint64) {
	t.mu.Lock()
	p, ok := t.peers[id]
	delete(t.peers, id)
	t.mu.Unlock()
	if ok {
		p.stop()
	}
}

// Send queues msgs for their peers (m.To) and returns without blocking.
// Messages to unknown peers, or beyond a peer's MaxQueueBytes, are dropped
// and Handler.ReportUnreachable is called (asynchronously). MsgSnap
// messages are handed to SendSnapshot with no data stream.
func (t *Transport) Send(msgs []raft.Message) {
	var lastPeer *peer
	// The peers written to, each kicked once all of msgs are queued so
	// that one write carries all of a peer's messages.
	var kicks [4]*peer
	touched := kicks[:0]
	for i := range msgs {
		m := &msgs[i]
		if m.Type == raft.MsgSnap {
			t.SendSnapshot(*m, nil, 0)
			continue
		}
		p := lastPeer
		if p == nil || p.id != m.To {
			p = t.peer(m.To)
			lastPeer = p
		}
		if p == nil {
			if !t.isClosed() {
				t.log.Debug("transport: dropping message to unknown peer", "to", m.To, "type", m.Type)
				t.rep.unreachable(m.To)
			}
			continue
		}
		p.enqueue(m)
		if !slices.Contains(touched, p) {
			touched = append(touched, p)
		}
	}
	for _, p := range touched {
		p.kick()
	}
}

func (t *Transport) peer(id uint64) *peer {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.peers[id]
}

func (t *Transport) isClosed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.closed
}

// PeerStats are counters of one peer's outbound lane.
type PeerStats struct {
	Addr        string
	Connected   bool
	QueuedBytes int    // encoded bytes currently queued
	Sent        uint64 // messages written to a connection
	SentBytes   uint64 // their encoded bytes, frame headers included
	Dropped     uint64 // messages dropped (queue bound, failed connection, too large)
	Connects    uint64 // connections established (the first, then reconnects)
	// LastErr is why the last connection attempt or connection failed
	// ("" while connected): a handshake refusal such as a cluster id
	// mismatch stays here for as long as the peer keeps refusing.
	LastErr string
}

// Stats are transport-wide counters of inbound traffic.
type Stats struct {
	ReceivedBytes uint64 // message-lane bytes read from peers, frame headers included
	// Rejected counts inbound handshakes refused (cluster or node id
	// mismatch, malformed hello); LastReject says why the last one was.
	Rejected   uint64
	LastReject string
}

// Stats returns the transport-wide counters.
func (t *Transport) Stats() Stats {
	t.mu.Lock()
	last := t.lastReject
	t.mu.Unlock()
	return Stats{ReceivedBytes: t.receivedBytes.Load(), Rejected: t.rejected.Load(), LastReject: last}
}

// PeerStats returns the counters of peer id.
func (t *Transport) PeerStats(id uint64) (PeerStats, bool) {
	p := t.peer(id)
	if p == nil {
		return PeerStats{}, false
	}
	return p.stats(), true
}

// Close stops listening, closes every connection, stops all goroutines and
// waits for them. Handler callbacks still in progress are waited for (their
// context is canceled). Close is idempotent.
func (t *Transport) Close() error {
	t.mu.Lock()
	if t.closed {
		t.mu.Unlock()
		t.wg.Wait()
		return nil
	}
	t.closed = true
	ln := t.ln
	peers := t.peers
	t.peers = make(map[uint64]*peer)
	t.mu.Unlock()

	t.cancel()
	var err error
	if ln != nil {
		err = ln.Close()
		if errors.Is(err, net.ErrClosed) {
			err = nil
		}
	}
	for _, p := range peers {
		p.stop()
	}
	t.wg.Wait()
	return err
}

// logReject logs an inbound handshake rejection, at most once per 10 s per
// distinct reason.
func (t *Transport) logReject(key string, msg string, args ...any) {
	t.rejected.Add(1)
	t.mu.Lock()
	t.lastReject = strings.TrimPrefix(msg, "transport: rejecting peer: ")
	now := time.Now()
	last, ok := t.rejectAt[key]
	if ok && now.Sub(last) < 10*time.Second {
		t.mu.Unlock()
		t.log.Debug(msg, args...)
		return
	}
	if len(t.rejectAt) > 1024 {
		clear(t.rejectAt)
	}
	t.rejectAt[key] = now
	t.mu.Unlock()
	t.log.Error(msg, args...)
}

// reporter calls Handler.ReportUnreachable/ReportSnapshot from its own
// goroutine, coalescing repeated unreachable reports for the same peer.
type reporter struct {
	h      Handler
	mu     sync.Mutex
	unr    map[uint64]struct{}
	unrOrd []uint64
	snaps  []snapResult
	notify chan struct{}
}

type snapResult struct {
	id uint64
	ok bool
}

func (r *reporter) init(h Handler) {
	r.h = h
	r.unr = make(map[uint64]struct{})
	r.notify = make(chan struct{}, 1)
}

func (r *reporter) unreachable(id uint64) {
	r.mu.Lock()
	if _, ok := r.unr[id]; !ok {
		r.unr[id] = struct{}{}
		r.unrOrd = append(r.unrOrd, id)
	}
	r.mu.Unlock()
	r.wake()
}

func (r *reporter) snapshot(id uint64, ok bool) {
	r.mu.Lock()
	r.snaps = append(r.snaps, snapResult{id, ok})
	r.mu.Unlock()
	r.wake()
}

func (r *reporter) wake() {
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

func (r *reporter) run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.notify:
		}
		r.mu.Lock()
		ids := r.unrOrd
		snaps := r.snaps
		r.unrOrd, r.snaps = nil, nil
		clear(r.unr)
		r.mu.Unlock()
		for _, id := range ids {
			r.h.ReportUnreachable(id)
		}
		for _, s := range snaps {
			r.h.ReportSnapshot(s.id, s.ok)
		}
	}
}
