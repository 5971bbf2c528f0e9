package raftsql

import (
	"crypto/rand"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"time"

	"github.com/cockroachdb/pebble/v2/vfs"

	"github.com/raftsql/raftsql/membership"
	"github.com/raftsql/raftsql/raft/transport"
)

// Version is raftsql's release version, reported in server_version.
const Version = "0.1.0"

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
	// PGListener, when set, is used instead of listening on PGListen, and
	// RaftListener instead of listening on RaftListen. A caller that binds
	// first (tests, supervisors handing over sockets) never has to close a
	// port and hope to get it back. Start takes ownership of both: the node
	// closes them on Close, and Start closes them if it fails.
	PGListener   net.Listener
	RaftListener net.Listener
	// InitialCluster lists the members of a new cluster. It is used only
	// the first time a data directory is initialised; afterwards the stored
	// configuration wins.
	InitialCluster []membership.Member
	// Join is an existing member's Raft address: the node joins that
	// member's cluster instead of bootstrapping one (join.go). It is
	// exclusive with InitialCluster; once the data directory belongs to a
	// cluster, a restart needs neither.
	Join string
	// PeerDialAddrs maps member names to the Raft address this node dials
	// to reach them, overriding the address each advertises (NAT, a
	// port-forward, a proxy between this node and that member; see
	// peeraddr.go). Only this node's dialing changes: the member table and
	// what other nodes dial keep the advertised addresses.
	PeerDialAddrs map[string]string
	// JoinToken is the cluster's join secret (jointoken.go): a joining
	// node presents it (required with Join); a member whose data
	// directory records none (a cluster from before join tokens) uses it
	// as the cluster's token.
	JoinToken string

	TickInterval   time.Duration // default 15ms
	ElectionTicks  int           // default 10: 150-300 ms election timeout
	HeartbeatTicks int           // default 1
	// ReadLease answers linearizable reads from the leader's lease
	// (raft.ReadOnlyLeaseBased) instead of a heartbeat round per batch of
	// reads. It assumes the nodes' clocks run at rates within 10% of each
	// other (the lease is counted in ticks; docs/design.md, "Lease
	// reads"); check-quorum is always on. Every member must use the same
	// value: a member without it does not honour a lease after a restart.
	ReadLease bool
	// PipelinedLogWrites starts each Raft log write while the previous one
	// is still syncing and lets what depends on a write leave as soon as
	// that write is durable (raft's asynchronous storage writes;
	// docs/design.md, "Pipelined log writes"). Off by default: on the
	// shared 2-core machine it measured no faster (docs/benchmarks.md).
	// Members may differ.
	PipelinedLogWrites bool
	// WriteTimeout bounds how long a write waits for its outcome before the
	// client is told the outcome is unknown (default 10s).
	WriteTimeout time.Duration
	// ReadTimeout bounds how long a linearizable read waits for a read
	// index (default 10s).
	ReadTimeout time.Duration
	// MaxConnections limits PostgreSQL client connections (default 200).
	MaxConnections int
	// CopyChunkBytes: a COPY FROM larger than this streams through the log
	// in chunks of about this size, applied at its end (0: the default,
	// sqlexec.DefaultCopyChunkBytes); CopyStageLease: how long the staged
	// rows of a COPY whose node died are kept (0: the default,
	// sqlexec.DefaultCopyStageLease). See docs/design.md, "Writes".
	CopyChunkBytes int
	CopyStageLease time.Duration
	// StepBudget is the deterministic work budget of one log entry, in
	// SQLite VM instructions (sqlexec.Options.StepBudget: 0 means
	// sqlexec.DefaultStepBudget, negative none). An entry over it fails
	// with 54000 on every node, so every node of a cluster must use the
	// same value.
	StepBudget int64
	// VerifyInterval is how often the leader proposes a verification
	// check (default 5s; negative: never), and VerifyRows how many rows
	// one check hashes (default 2000). See verify.go.
	VerifyInterval time.Duration
	VerifyRows     int
	// NoSelfRepair keeps a node whose SQLite state cannot be trusted (a
	// diverged replica, a damaged file) as it is, for forensics: it stays
	// diverged, or stops, until an operator repairs it. By default it
	// repairs itself (repair.go).
	NoSelfRepair bool

	// Snapshots and log compaction (snapshots.go). A snapshot is made
	// after SnapshotEntries entries (default 100000) or SnapshotLogBytes
	// bytes of entry data (default 256 MiB) applied since the last one,
	// and the log is then compacted but for its last LogTailEntries
	// entries (default 10000). SnapshotKeep snapshots are kept on disk
	// (default and minimum 2: the newest is being sent while the next is
	// made); MaxSnapshotTransfers bounds concurrent outgoing transfers
	// (default 2). A snapshot being received is made durable every
	// SnapshotResumeBytes bytes (default 8 MiB), so a transfer cut after
	// that resumes there (snapshot/resume.go).
	SnapshotEntries      uint64
	SnapshotLogBytes     int64
	LogTailEntries       uint64
	SnapshotKeep         int
	MaxSnapshotTransfers int
	SnapshotResumeBytes  int64
	// Auth is how PostgreSQL clients authenticate: AuthTrust or AuthSCRAM
	// (default: trust when PGListen is a loopback address, scram
	// otherwise; see security.go). Superuser is the bootstrap superuser
	// (default "postgres") and SuperuserPassword its password, required
	// under scram.
	Auth              string
	Superuser         string
	SuperuserPassword string
	// TLS, when set, is offered to PostgreSQL clients (SSLRequest);
	// ClientCAs/ClientAuth in it verify client certificates.
	TLS *tls.Config
	// HBAFile, when set, is a host-based authentication file (a subset of
	// pg_hba.conf, pgwire/hba.go) that decides each client's method instead
	// of Auth; Node.ReloadHBA re-reads it. Without it, the rules are
	// derived from Auth and TLS (security.go).
	HBAFile string
	// IdleSessionTimeout closes client sessions idle outside a transaction
	// for longer (0: never). ReservedConnections of MaxConnections are kept
	// for superusers.
	IdleSessionTimeout  time.Duration
	ReservedConnections int
	// AuthenticationTimeout bounds a client's time from connecting to the
	// end of authentication (default 10s): a slow-loris client holding a
	// half-sent startup packet or an unanswered challenge is dropped.
	AuthenticationTimeout time.Duration
	// PeerTLS, when set, makes peer traffic mutual TLS with the cluster CA
	// (raft/transport/tls.go); every member must use it.
	PeerTLS *transport.PeerTLS

	// HTTPListen, when set, is the admin HTTP listener's address
	// (adminhttp: /metrics, /livez, /readyz, the status page); HTTPListener
	// is used instead when set (Start owns it, as PGListener). Pprof adds
	// Go's pprof endpoints to it. Off by default: the listener shows the
	// cluster's topology to whoever can reach it.
	HTTPListen   string
	HTTPListener net.Listener
	Pprof        bool
	// ReadyLag is how many committed entries a node may have left to
	// apply and still be ready (default 1000; see ready.go).
	ReadyLag uint64

	Logger *slog.Logger
	// Rand is the node's source of randomness, read at Start for the Raft
	// core's seed (election jitter) and the incarnation id that makes
	// read-request ids unique across restarts (default crypto/rand.Reader).
	Rand io.Reader
	// Clock is the SQL engine's wall clock: the time a write pins into its
	// log entry, now() on reads, session timeouts (default time.Now).
	// Tests inject it to make time pass without sleeping.
	Clock func() time.Time

	// restoring: Start is run by Restore on the data directory it is
	// making (restore.go), which Start otherwise refuses.
	restoring bool
	// logFS, when set, is the Raft log's file system (default: the OS's):
	// tests inject failing syncs and full disks (diskfault_test.go).
	logFS vfs.FS
}

func (c *Config) setDefaults() error {
	if c.Name == "" {
		c.Name = "n1"
	}
	if c.DataDir == "" {
		return &FieldError{Field: "DataDir", Err: errors.New("a data directory is required")}
	}
	if c.PGListener != nil {
		c.PGListen = c.PGListener.Addr().String()
	}
	if c.PGListen == "" {
		c.PGListen = "127.0.0.1:5432"
	}
	if c.RaftListener != nil {
		c.RaftListen = c.RaftListener.Addr().String()
	}
	if c.HTTPListener != nil {
		c.HTTPListen = c.HTTPListener.Addr().String()
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
	if c.VerifyInterval == 0 {
		c.VerifyInterval = 5 * time.Second
	}
	if c.ReadyLag == 0 {
		c.ReadyLag = 1000
	}
	if c.VerifyRows <= 0 {
		c.VerifyRows = 2000
	}
	if c.SnapshotKeep == 0 {
		c.SnapshotKeep = 2
	}
	if c.SnapshotKeep < 2 {
		return &FieldError{Field: "SnapshotKeep", Err: fmt.Errorf("%d: at least 2 snapshots are kept (the newest may be in transfer while the next is made)", c.SnapshotKeep)}
	}
	if c.SnapshotLogBytes < 0 {
		return &FieldError{Field: "SnapshotLogBytes", Err: fmt.Errorf("%d: must not be negative (0: the default)", c.SnapshotLogBytes)}
	}
	if c.MaxSnapshotTransfers < 0 {
		return &FieldError{Field: "MaxSnapshotTransfers", Err: fmt.Errorf("%d: must not be negative (0: the default)", c.MaxSnapshotTransfers)}
	}
	if c.Rand == nil {
		c.Rand = rand.Reader
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if err := c.setSecurityDefaults(); err != nil {
		return err
	}
	for name, addr := range c.PeerDialAddrs {
		if name == c.Name {
			return &FieldError{Field: "PeerDialAddrs", Err: fmt.Errorf("%q is this node: a node does not dial itself", name)}
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return &FieldError{Field: "PeerDialAddrs", Err: fmt.Errorf("member %q: want a raft address host:port: %w", name, err)}
		}
	}
	if c.Join != "" {
		if len(c.InitialCluster) > 0 {
			return &FieldError{Field: "Join", Err: errors.New("joining an existing cluster and bootstrapping a new one (InitialCluster) are exclusive: choose one")}
		}
		if _, _, err := net.SplitHostPort(c.Join); err != nil {
			return &FieldError{Field: "Join", Err: fmt.Errorf("want a member's raft address host:port: %w", err)}
		}
		if c.RaftListen == "" {
			return &FieldError{Field: "RaftListen", Err: errors.New("a joining node needs a raft address its peers can reach")}
		}
		if c.JoinToken == "" {
			return &FieldError{Field: "JoinToken", Err: errors.New("joining a cluster needs its join token: run SHOW raftsql.join_token on any member as a superuser and pass it in a file")}
		}
		return nil
	}
	if len(c.InitialCluster) == 0 {
		if c.RaftListen == "" {
			c.RaftListen = "127.0.0.1:7001"
		}
		c.InitialCluster = []membership.Member{{Name: c.Name, RaftAddr: c.RaftListen}}
	}
	if err := membership.CheckMembers(c.InitialCluster); err != nil {
		return &FieldError{Field: "InitialCluster", Err: err}
	}
	var self *membership.Member
	for i, m := range c.InitialCluster {
		if m.Name == c.Name {
			self = &c.InitialCluster[i]
		}
	}
	if self == nil {
		return &FieldError{Field: "Name", Err: fmt.Errorf("%q is not a member of the initial cluster", c.Name)}
	}
	if c.RaftListen == "" {
		c.RaftListen = self.RaftAddr
	}
	return nil
}

// FieldError reports that the value of one Config field cannot be used
// (a listen address that is taken, a name missing from the initial
// cluster). Field is the Config field's name, so a program that sets the
// field from its own input (the raftsql command's flags) can tell its user
// which input to change.
type FieldError struct {
	Field string // e.g. "PGListen"
	Err   error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("raftsql: Config.%s: %v", e.Field, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

// closeListeners closes the listeners a Config handed to Start when Start
// fails: Start owns them either way.
func closeListeners(ls ...net.Listener) {
	for _, l := range ls {
		if l != nil {
			l.Close()
		}
	}
}
