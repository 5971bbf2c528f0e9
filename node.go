// Package raftsql is a raftsql node: it wires the Raft core (raft), its
// durable log (logstore), the peer transport (raft/transport), the SQLite
// state machine (sqlexec) and the PostgreSQL front end (pgwire) into one
// running member of a cluster. It is also the embedding API for Go programs:
// Start a node, connect to its PostgreSQL address with any PostgreSQL client,
// Close it.
//
// One goroutine, the driver (run), owns the Raft core. For each Ready it
// follows the core's persistence contract: persist the snapshot, hard state
// and entries in one synced log store batch; then send the messages; then
// apply the committed entries to SQLite; then Advance. Client goroutines
// never touch the core: they hand proposals and read requests to the driver
// over channels and wait for this node's own apply of their request id.
//
// Invariants:
//   - A client hears success for a write only after its entry committed
//     (durable on a majority) and was applied on this node.
//   - Entries are applied in log order, exactly once per request id.
//   - A linearizable read runs only after this node has applied at least the
//     read index the leader confirmed after the read began.
package raftsql

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/logstore"
	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/transport"
	"github.com/raftsql/raftsql/sqlexec"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Version is raftsql's release version, reported in server_version.
const Version = "0.1.0"

// Member names one member of the cluster and where its peers reach it.
type Member struct {
	Name     string
	RaftAddr string
}

// Config configures a node.
type Config struct {
	// Name is this member's name (e.g. "n1"); it must appear in
	// InitialCluster when a new cluster is bootstrapped.
	Name string
	// DataDir holds the Raft log (DataDir/raft) and the SQLite database
	// (DataDir/db.sqlite).
	DataDir string
	// PGListen is the PostgreSQL wire protocol address ("127.0.0.1:5432";
	// port 0 picks a free one).
	PGListen string
	// RaftListen is the peer transport address.
	RaftListen string
	// InitialCluster lists the members of a new cluster. It is used only
	// the first time a data directory is initialised; afterwards the stored
	// configuration wins.
	InitialCluster []Member

	TickInterval   time.Duration // default 15ms
	ElectionTicks  int           // default 10: 150-300 ms election timeout
	HeartbeatTicks int           // default 1
	// WriteTimeout bounds how long a write waits for its outcome before the
	// client is told the outcome is unknown (default 10s).
	WriteTimeout time.Duration
	// ReadTimeout bounds how long a linearizable read waits for a read
	// index (default 10s).
	ReadTimeout time.Duration
	// MaxConnections limits PostgreSQL client connections (default 200).
	MaxConnections int

	Logger *slog.Logger
}

func (c *Config) setDefaults() error {
	if c.Name == "" {
		c.Name = "n1"
	}
	if c.DataDir == "" {
		return errors.New("raftsql: a data directory is required")
	}
	if c.PGListen == "" {
		c.PGListen = "127.0.0.1:5432"
	}
	if c.TickInterval <= 0 {
		c.TickInterval = 15 * time.Millisecond
	}
	if c.ElectionTicks <= 0 {
		c.ElectionTicks = 10
	}
	if c.HeartbeatTicks <= 0 {
		c.HeartbeatTicks = 1
	}
	if c.WriteTimeout <= 0 {
		c.WriteTimeout = 10 * time.Second
	}
	if c.ReadTimeout <= 0 {
		c.ReadTimeout = 10 * time.Second
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if len(c.InitialCluster) == 0 {
		if c.RaftListen == "" {
			c.RaftListen = "127.0.0.1:7001"
		}
		c.InitialCluster = []Member{{Name: c.Name, RaftAddr: c.RaftListen}}
	}
	seen := map[string]bool{}
	var self *Member
	for i, m := range c.InitialCluster {
		if m.Name == "" || m.RaftAddr == "" {
			return fmt.Errorf("raftsql: initial cluster member %d needs name=host:port", i+1)
		}
		if seen[m.Name] {
			return fmt.Errorf("raftsql: initial cluster names %q twice", m.Name)
		}
		seen[m.Name] = true
		if m.Name == c.Name {
			self = &c.InitialCluster[i]
		}
	}
	if self == nil {
		return fmt.Errorf("raftsql: --id %q is not in --initial-cluster", c.Name)
	}
	if c.RaftListen == "" {
		c.RaftListen = self.RaftAddr
	}
	return nil
}

// MemberID maps a member name to its Raft node id: a stable 64-bit hash,
// so every member derives the same ids from the same names.
func MemberID(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	id := h.Sum64()
	if id == 0 {
		id = 1
	}
	return id
}

// ParseInitialCluster parses "n1=127.0.0.1:7001,n2=127.0.0.1:7002".
func ParseInitialCluster(s string) ([]Member, error) {
	var ms []Member
	for _, part := range strings.Split(s, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, addr, ok := strings.Cut(part, "=")
		if !ok || name == "" || addr == "" {
			return nil, fmt.Errorf("initial cluster entry %q: want name=host:port", part)
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return nil, fmt.Errorf("initial cluster entry %q: %v", part, err)
		}
		ms = append(ms, Member{Name: name, RaftAddr: addr})
	}
	if len(ms) == 0 {
		return nil, errors.New("initial cluster is empty")
	}
	return ms, nil
}

// AddrInUseError reports that a listen address is taken; Flag names the
// command-line flag that chooses it.
type AddrInUseError struct {
	Flag string
	Addr string
	Err  error
}

func (e *AddrInUseError) Error() string {
	return fmt.Sprintf("cannot listen on %s (%v): choose another address with %s", e.Addr, e.Err, e.Flag)
}

func (e *AddrInUseError) Unwrap() error { return e.Err }

// Node is one running raftsql member.
type Node struct {
	cfg   Config
	id    uint64
	log   *slog.Logger
	store *logstore.Store
	db    *sqlexec.DB
	rn    *raft.RawNode // owned by the driver goroutine
	tr    *transport.Transport
	pg    *pgwire.Server
	pgLn  net.Listener

	names map[uint64]string

	propc     chan *proposal
	recvc     chan raft.Message
	readc     chan *readRequest
	statusc   chan chan raft.Status
	unreachc  chan uint64
	snapc     chan snapReport
	transferc chan uint64
	stopc     chan struct{}
	donec     chan struct{}
	failErr   atomic.Value // error: why the driver stopped

	waitMu  sync.Mutex
	waiters map[[16]byte]chan *sqlexec.ApplyResult

	appliedMu   sync.Mutex
	applied     uint64
	appliedCond chan struct{} // closed and replaced whenever applied grows

	leader atomic.Uint64
	// leaderChanged is closed and replaced whenever the known leader
	// changes, so waiting writes and reads re-send at once instead of
	// waiting out their retry interval.
	leaderMu      sync.Mutex
	leaderChanged chan struct{}
	term          atomic.Uint64
	closeMu       sync.Mutex
	closed        bool
	bgCancel      context.CancelFunc
	bgWG          sync.WaitGroup
}

type proposal struct {
	data  []byte
	errc  chan error
	isCfg bool
	cc    membership.Change
}

type readRequest struct {
	done  chan uint64 // receives the read index
	errc  chan error
	start time.Time
}

type snapReport struct {
	id uint64
	ok bool
}

// Start opens (or initialises) the node's data directory, starts the Raft
// driver, the peer transport and the PostgreSQL server, and returns once all
// listeners are bound.
func Start(ctx context.Context, cfg Config) (_ *Node, err error) {
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	n := &Node{
		cfg:         cfg,
		id:          MemberID(cfg.Name),
		log:         cfg.Logger.With("node", cfg.Name),
		names:       map[uint64]string{},
		propc:       make(chan *proposal, 4096),
		recvc:       make(chan raft.Message, 4096),
		readc:       make(chan *readRequest, 4096),
		statusc:     make(chan chan raft.Status),
		unreachc:    make(chan uint64, 256),
		snapc:       make(chan snapReport, 16),
		transferc:   make(chan uint64),
		stopc:       make(chan struct{}),
		donec:       make(chan struct{}),
		waiters:     map[[16]byte]chan *sqlexec.ApplyResult{},
		appliedCond: make(chan struct{}),

		leaderChanged: make(chan struct{}),
	}
	for _, m := range cfg.InitialCluster {
		n.names[MemberID(m.Name)] = m.Name
	}
	cleanup := []func(){}
	defer func() {
		if err != nil {
			for i := len(cleanup) - 1; i >= 0; i-- {
				cleanup[i]()
			}
		}
	}()

	if err := os.MkdirAll(cfg.DataDir, 0o755); err != nil {
		return nil, fmt.Errorf("raftsql: data dir: %w", err)
	}
	store, err := logstore.Open(filepath.Join(cfg.DataDir, "raft"), logstore.Options{NodeID: n.id, Logger: n.log})
	if err != nil {
		return nil, fmt.Errorf("raftsql: open raft log in %s: %w", cfg.DataDir, err)
	}
	n.store = store
	cleanup = append(cleanup, func() { store.Close() })

	hs, conf, err := store.InitialState()
	if err != nil {
		return nil, fmt.Errorf("raftsql: read raft state: %w", err)
	}
	last, err := store.LastIndex()
	if err != nil {
		return nil, fmt.Errorf("raftsql: read raft state: %w", err)
	}
	if hs.IsEmpty() && last == 0 && len(conf.Voters) == 0 && len(conf.Learners) == 0 {
		var voters []uint64
		for _, m := range cfg.InitialCluster {
			voters = append(voters, MemberID(m.Name))
		}
		sort.Slice(voters, func(i, j int) bool { return voters[i] < voters[j] })
		if err := store.Bootstrap(membership.Config{Voters: voters}); err != nil {
			return nil, fmt.Errorf("raftsql: bootstrap: %w", err)
		}
		n.log.Info("bootstrapped a new cluster member", "members", len(voters))
	}

	db, err := sqlexec.Open(ctx, filepath.Join(cfg.DataDir, "db.sqlite"), sqlexec.Options{Logger: n.log})
	if err != nil {
		return nil, fmt.Errorf("raftsql: open the SQLite database %s: %w (if the file is damaged, move it aside and restart: the node rebuilds it from its Raft log)", filepath.Join(cfg.DataDir, "db.sqlite"), err)
	}
	n.db = db
	cleanup = append(cleanup, func() { db.Close() })
	n.applied = db.AppliedIndex()
	// SQLite may be ahead of the stored commit index: the driver records
	// commit-only hard state changes without an fsync, and SQLite applies
	// only committed entries. Every applied entry was committed, so the
	// commit index is raised to the applied one, provided the log still
	// holds those entries.
	if hs, _, err := store.InitialState(); err != nil {
		return nil, fmt.Errorf("raftsql: read raft state: %w", err)
	} else if n.applied > hs.Commit {
		last, err := store.LastIndex()
		if err != nil {
			return nil, fmt.Errorf("raftsql: read raft state: %w", err)
		}
		if n.applied > last {
			return nil, fmt.Errorf("raftsql: the database in %s has applied entry %d but the raft log ends at %d: the data directory is inconsistent; remove it and re-join this member to the cluster", cfg.DataDir, n.applied, last)
		}
		hs.Commit = n.applied
		if err := store.Save(hs, nil, raft.Snapshot{}); err != nil {
			return nil, fmt.Errorf("raftsql: raise commit index to %d: %w", n.applied, err)
		}
	}

	var seed [8]byte
	rand.Read(seed[:])
	rn, err := raft.NewRawNode(raft.Config{
		ID:            n.id,
		ElectionTick:  cfg.ElectionTicks,
		HeartbeatTick: cfg.HeartbeatTicks,
		Storage:       store,
		Applied:       n.applied,
		Seed:          binary.LittleEndian.Uint64(seed[:]),
		Logger:        n.log,
	})
	if err != nil {
		return nil, fmt.Errorf("raftsql: start raft: %w", err)
	}
	n.rn = rn

	tr, err := transport.New(transport.Config{
		NodeID:     n.id,
		ClusterID:  clusterID(cfg.InitialCluster),
		ListenAddr: cfg.RaftListen,
		Handler:    (*transportHandler)(n),
		Logger:     n.log,
	})
	if err != nil {
		return nil, fmt.Errorf("raftsql: transport: %w", err)
	}
	if err := tr.Start(ctx); err != nil {
		return nil, &AddrInUseError{Flag: "--raft-listen", Addr: cfg.RaftListen, Err: err}
	}
	n.tr = tr
	cleanup = append(cleanup, func() { tr.Close() })
	for _, m := range cfg.InitialCluster {
		if id := MemberID(m.Name); id != n.id {
			tr.AddPeer(id, m.RaftAddr)
		}
	}

	ln, err := net.Listen("tcp", cfg.PGListen)
	if err != nil {
		return nil, &AddrInUseError{Flag: "--pg-listen", Addr: cfg.PGListen, Err: err}
	}
	n.pgLn = ln
	cleanup = append(cleanup, func() { ln.Close() })

	serverVersion := pgdialect.PostgresVersion + " (raftsql " + Version + ")"
	engine := sqlexec.NewEngine(db, (*replicator)(n), sqlexec.EngineOptions{
		ServerVersion: serverVersion,
		NodeSettings:  (*nodeSettings)(n),
	})
	n.pg = pgwire.NewServer(pgwire.Config{
		Engine:         engine,
		Logger:         n.log,
		MaxConnections: cfg.MaxConnections,
		ServerVersion:  serverVersion,
	})

	go n.run()
	bgCtx, cancel := context.WithCancel(context.Background())
	n.bgCancel = cancel
	n.bgWG.Add(1)
	go func() {
		defer n.bgWG.Done()
		if err := n.pg.Serve(bgCtx, ln); err != nil && bgCtx.Err() == nil && !n.isClosed() {
			n.log.Error("postgres server stopped", "err", err)
		}
	}()
	n.log.Info("node started", "pg", ln.Addr().String(), "raft", tr.Addr().String(), "applied", n.applied)
	return n, nil
}

func clusterID(ms []Member) uint64 {
	names := make([]string, 0, len(ms))
	for _, m := range ms {
		names = append(names, m.Name)
	}
	sort.Strings(names)
	h := fnv.New64a()
	h.Write([]byte(strings.Join(names, ",")))
	return h.Sum64()
}

// Name returns the member's name.
func (n *Node) Name() string { return n.cfg.Name }

// ID returns the member's Raft id.
func (n *Node) ID() uint64 { return n.id }

// PGAddr returns the address the PostgreSQL server listens on.
func (n *Node) PGAddr() net.Addr { return n.pgLn.Addr() }

// RaftAddr returns the address the peer transport listens on.
func (n *Node) RaftAddr() net.Addr { return n.tr.Addr() }

// Done is closed when the node's driver has stopped (after Close, or after a
// fatal error such as a failed fsync; see Err).
func (n *Node) Done() <-chan struct{} { return n.donec }

// Err returns why the driver stopped, or nil if it is running or was closed.
func (n *Node) Err() error {
	if v := n.failErr.Load(); v != nil {
		return v.(error)
	}
	return nil
}

// Leader returns the current leader's id as this node knows it (0: none).
func (n *Node) Leader() uint64 { return n.leader.Load() }

// IsLeader reports whether this node is the leader.
func (n *Node) IsLeader() bool { return n.leader.Load() == n.id }

// AppliedIndex returns the index of the last entry applied to SQLite.
func (n *Node) AppliedIndex() uint64 {
	n.appliedMu.Lock()
	defer n.appliedMu.Unlock()
	return n.applied
}

// Status returns the Raft core's status.
func (n *Node) Status(ctx context.Context) (raft.Status, error) {
	ch := make(chan raft.Status, 1)
	select {
	case n.statusc <- ch:
	case <-n.donec:
		return raft.Status{}, errNodeStopped
	case <-ctx.Done():
		return raft.Status{}, ctx.Err()
	}
	select {
	case st := <-ch:
		return st, nil
	case <-n.donec:
		return raft.Status{}, errNodeStopped
	case <-ctx.Done():
		return raft.Status{}, ctx.Err()
	}
}

// Checksum returns a checksum of the database content and the applied index
// it was computed at; all replicas at one index have the same checksum.
func (n *Node) Checksum(ctx context.Context) (string, uint64, error) {
	return n.db.Checksum(ctx)
}

// TransferLeadership asks the core to hand leadership to the named member.
func (n *Node) TransferLeadership(ctx context.Context, to string) error {
	return n.transfer(ctx, MemberID(to))
}

var errNodeStopped = errors.New("raftsql: node is stopped")

func (n *Node) isClosed() bool {
	n.closeMu.Lock()
	defer n.closeMu.Unlock()
	return n.closed
}

// leaderChange returns a channel closed at the next change of leader.
func (n *Node) leaderChange() <-chan struct{} {
	n.leaderMu.Lock()
	defer n.leaderMu.Unlock()
	return n.leaderChanged
}

// Close stops the node gracefully: stop accepting clients, let in-flight
// statements finish, stop the driver, close the transport, SQLite and the
// log store.
func (n *Node) Close() error {
	n.closeMu.Lock()
	if n.closed {
		n.closeMu.Unlock()
		<-n.donec
		return nil
	}
	n.closed = true
	n.closeMu.Unlock()

	var errs []error
	if err := n.pg.Close(); err != nil {
		errs = append(errs, err)
	}
	n.bgCancel()
	n.bgWG.Wait()
	close(n.stopc)
	<-n.donec
	if err := n.tr.Close(); err != nil {
		errs = append(errs, err)
	}
	n.failWaiters(errNodeStopped)
	if err := n.db.Close(); err != nil {
		errs = append(errs, err)
	}
	if err := n.store.Close(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}
