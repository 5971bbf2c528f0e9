package raftsql

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/adminhttp"
	"github.com/raftsql/raftsql/logstore"
	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/raft"
	"github.com/raftsql/raftsql/raft/transport"
	"github.com/raftsql/raftsql/sqlexec"
)

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
	// clientAuth is the PostgreSQL clients' authentication (security.go).
	clientAuth *clientAuth
	pgLn       net.Listener

	names map[uint64]string
	// clusterID is the cluster this data directory belongs to (join.go).
	clusterID uint64
	// conf is the configuration the core has applied (set by the driver
	// when it applies a change; read by membership code).
	conf atomic.Pointer[membership.Config]
	// The member table (members.go).
	membersMu sync.Mutex
	members   memberTable
	contacts  contacts // SHOW CLUSTER's last_contact
	// joinTarget is the member a joining node asks (join.go); joining
	// the nodes whose join requests this node is carrying out.
	joinTarget atomic.Uint64
	// memberInc is this member's incarnation (join.go): its id is
	// membership.IncarnationID(cfg.Name, memberInc).
	memberInc uint64
	randMu    sync.Mutex // Config.Rand after Start (drawIncarnation)
	// birth: an initial member's way to becoming a voter (birth.go);
	// bornFlag gates the driver until it is born.
	birth    birthState
	bornFlag atomic.Bool
	// removedPeers: where removed members were (join.go, retellRemoved).
	removedPeers removedPeers
	removedOnce  sync.Once // stopRemoved
	joinMu       sync.Mutex
	joining      map[uint64]bool
	// incarnation is random per Start: it prefixes this incarnation's
	// read-request contexts (see readRequestCtx).
	incarnation [8]byte

	propc     chan *proposal
	recvc     chan raft.Message
	readc     chan *readRequest
	statusc   chan chan raft.Status
	unreachc  chan uint64
	snapc     chan snapReport
	transferc chan uint64
	confc     chan *confRequest
	// haltc is closed (halt) when the node is closing or has failed: the
	// driver and the apply goroutine stop.
	haltc     chan struct{}
	haltOnce  sync.Once
	donec     chan struct{} // closed once the driver and the apply goroutine have stopped
	failErr   atomic.Value  // failure: why the node stopped
	applyq    *applyQueue
	applyDone chan struct{} // closed when the apply goroutine returns
	// lastConf is the index of the last configuration change handed to
	// the apply goroutine (driver only; see tick).
	lastConf uint64

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
	commit        atomic.Uint64 // the core's commit index, as of its last Ready
	// localRead is the read index the core would answer a ReadIndex with
	// at once (raft.RawNode.LocalReadIndex: this node leads and is its
	// configuration's only voter), or 0; the driver publishes it before
	// anything it decides leaves it (publishLocalRead), so reads take it
	// without a round through the driver (ReadBarrier).
	localRead atomic.Uint64
	health    health       // readiness (ready.go)
	metrics   *nodeMetrics // Prometheus metrics (metrics.go)
	msgStats  msgStats     // messages and read rounds (msgstats.go)
	admin     *adminhttp.Server
	closeMu   sync.Mutex
	closed    bool
	bgCancel  context.CancelFunc
	bgWG      sync.WaitGroup
	unlockDir func()       // releases the data directory's lock (datadir_lock.go)
	ver       *verifier    // self-verification (verify.go)
	snaps     *snapState   // snapshots and log compaction (snapshots.go)
	rep       *repairState // self-repair (repair.go)
}

// Start opens (or initialises) the node's data directory, starts the Raft
// driver, the peer transport and the PostgreSQL server, and returns once all
// listeners are bound.
func Start(ctx context.Context, cfg Config) (_ *Node, err error) {
	defer func() {
		if err != nil {
			closeListeners(cfg.PGListener, cfg.RaftListener, cfg.HTTPListener)
		}
	}()
	if err := cfg.setDefaults(); err != nil {
		return nil, err
	}
	n := &Node{
		cfg:         cfg,
		id:          membership.MemberID(cfg.Name),
		log:         cfg.Logger.With("node", cfg.Name),
		names:       map[uint64]string{},
		joining:     map[uint64]bool{},
		propc:       make(chan *proposal, 4096),
		recvc:       make(chan raft.Message, 4096),
		readc:       make(chan *readRequest, 4096),
		statusc:     make(chan chan raft.Status),
		unreachc:    make(chan uint64, 256),
		snapc:       make(chan snapReport, 16),
		transferc:   make(chan uint64),
		confc:       make(chan *confRequest),
		haltc:       make(chan struct{}),
		applyq:      newApplyQueue(applyQueueBytes),
		applyDone:   make(chan struct{}),
		donec:       make(chan struct{}),
		waiters:     map[[16]byte]chan *sqlexec.ApplyResult{},
		appliedCond: make(chan struct{}),
		rep:         newRepairState(),

		leaderChanged: make(chan struct{}),
		ver:           newVerifier(),
	}
	n.metrics = newNodeMetrics(n)
	n.health.ready = make(chan struct{})
	n.health.lastKind = "init"
	n.health.leaderlessSince.Store(time.Now().UnixNano())
	for _, m := range cfg.InitialCluster {
		n.names[membership.MemberID(m.Name)] = m.Name
	}
	cleanup := []func(){}
	defer func() {
		if err != nil {
			for i := len(cleanup) - 1; i >= 0; i-- {
				cleanup[i]()
			}
		}
	}()

	unlock, err := lockDataDir(cfg.DataDir)
	if err != nil {
		return nil, err
	}
	n.unlockDir = unlock
	cleanup = append(cleanup, unlock)
	if err := checkRestoreMark(cfg); err != nil {
		return nil, err
	}

	clusterID, err := n.resolveIdentity(ctx)
	if err != nil {
		return nil, err
	}
	n.clusterID = clusterID
	if err := n.openDataDir(ctx); err != nil {
		return nil, err
	}
	cleanup = append(cleanup, func() { n.store.Close() }, func() { n.db.Close() })
	n.loadDiverged()

	var seed [8]byte
	if _, err := io.ReadFull(cfg.Rand, n.incarnation[:]); err != nil {
		return nil, fmt.Errorf("raftsql: draw the incarnation id: %w", err)
	}
	if _, err := io.ReadFull(cfg.Rand, seed[:]); err != nil {
		return nil, fmt.Errorf("raftsql: draw the raft seed: %w", err)
	}
	rn, err := raft.NewRawNode(raft.Config{
		ID:                 n.id,
		ElectionTick:       cfg.ElectionTicks,
		HeartbeatTick:      cfg.HeartbeatTicks,
		ReadOnlyOption:     readOnlyOption(cfg.ReadLease),
		Storage:            n.store,
		AsyncStorageWrites: cfg.PipelinedLogWrites, // persist.go
		Applied:            n.applied,
		Seed:               binary.LittleEndian.Uint64(seed[:]),
		Logger:             n.log,
	})
	if err != nil {
		return nil, fmt.Errorf("raftsql: start raft: %w", err)
	}
	n.rn = rn

	tr, err := transport.New(transport.Config{
		NodeID:     n.id,
		ClusterID:  clusterID,
		ListenAddr: cfg.RaftListen,
		Listener:   cfg.RaftListener,
		Handler:    (*transportHandler)(n),
		Logger:     n.log,
		TLS:        cfg.PeerTLS,
	})
	if err != nil {
		return nil, fmt.Errorf("raftsql: transport: %w", err)
	}
	// Set before the transport starts: its handler may answer a peer
	// (birth.go, join.go) as soon as it accepts.
	n.tr = tr
	if err := tr.Start(ctx); err != nil {
		return nil, &FieldError{Field: "RaftListen", Err: fmt.Errorf("cannot listen on %s (%w)", cfg.RaftListen, err)}
	}
	cleanup = append(cleanup, func() { tr.Close() })
	for _, m := range cfg.InitialCluster {
		if id := membership.MemberID(m.Name); id != n.id {
			n.addPeer(id, m.Name, m.RaftAddr)
		}
	}
	for _, m := range n.memberList() {
		if m.ID != n.id && m.RaftAddr != "" {
			n.addPeer(m.ID, m.Name, m.RaftAddr)
		}
	}

	ln := cfg.PGListener
	if ln == nil {
		ln, err = net.Listen("tcp", cfg.PGListen)
		if err != nil {
			return nil, &FieldError{Field: "PGListen", Err: fmt.Errorf("cannot listen on %s (%w)", cfg.PGListen, err)}
		}
	}
	n.pgLn = ln
	cleanup = append(cleanup, func() { ln.Close() })

	if err := n.newWireServer(n.db, cfg); err != nil {
		return nil, err
	}
	adminLn, err := listenAdmin(cfg)
	if err != nil {
		return nil, err
	}
	if adminLn != nil {
		cleanup = append(cleanup, func() { adminLn.Close() })
	}

	n.startSnapshots()
	go n.applyLoop()
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
	n.bgWG.Add(1)
	go func() {
		defer n.bgWG.Done()
		n.runVerifier(bgCtx)
	}()
	n.bgWG.Add(1)
	go func() {
		defer n.bgWG.Done()
		n.runUpkeep(bgCtx)
	}()
	if !n.born() {
		n.bgWG.Add(1)
		go func() {
			defer n.bgWG.Done()
			n.runBirth(bgCtx)
		}()
	}
	n.bgWG.Add(1)
	go func() {
		defer n.bgWG.Done()
		n.watchReadiness(bgCtx)
	}()
	n.startAdmin(adminLn, cfg)
	args := []any{"pg", ln.Addr().String(), "raft", tr.Addr().String(), "applied", n.AppliedIndex()}
	if adminLn != nil {
		args = append(args, "http", adminLn.Addr().String())
	}
	n.log.Info("node started", args...)
	return n, nil
}

// Name returns the member's name.
func (n *Node) Name() string { return n.cfg.Name }

// ID returns the member's Raft id.
func (n *Node) ID() uint64 { return n.id }

// PGAddr returns the address the PostgreSQL server listens on.
func (n *Node) PGAddr() net.Addr { return n.pgLn.Addr() }

// RaftAddr returns the address the peer transport listens on.
func (n *Node) RaftAddr() net.Addr { return n.tr.Addr() }

// Done is closed when the node's driver and apply goroutine have stopped
// (after Close, or after a fatal error such as a failed fsync or an entry
// SQLite could not record; see Err).
func (n *Node) Done() <-chan struct{} { return n.donec }

// Err returns why the driver stopped, or nil if it is running or was closed.
func (n *Node) Err() error {
	if v := n.failErr.Load(); v != nil {
		return v.(failure).err
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

func (n *Node) nameOf(id uint64) string {
	if id == 0 {
		return "none"
	}
	if s, ok := n.names[id]; ok {
		return s
	}
	if m, ok := n.memberInfo(id); ok && m.Name != "" {
		return m.Name
	}
	return fmt.Sprintf("%x", id)
}

func (n *Node) isClosed() bool {
	n.closeMu.Lock()
	defer n.closeMu.Unlock()
	return n.closed
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
	if err := n.stopAdmin(); err != nil {
		errs = append(errs, err)
	}
	if err := n.pg.Close(); err != nil {
		errs = append(errs, err)
	}
	n.bgCancel()
	n.bgWG.Wait()
	// Stops the driver, which interrupts the apply goroutine's batch (if
	// any: it is rolled back and applied again after a restart) and waits
	// for it.
	n.halt()
	<-n.donec
	if err := n.tr.Close(); err != nil {
		errs = append(errs, err)
	}
	n.stopSnapshots()
	n.failWaiters(errNodeStopped)
	if err := n.db.Close(); err != nil {
		errs = append(errs, err)
	}
	if err := n.store.Close(); err != nil {
		errs = append(errs, err)
	}
	n.unlockDir()
	return errors.Join(errs...)
}
