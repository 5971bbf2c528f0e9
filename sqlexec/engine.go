package sqlexec

import (
	"context"
	"encoding/binary"
	"io"
	"log/slog"
	"time"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// The engine: one per node, over the state machine (DB) and the node's
// Replicator; it is the pgwire.Engine the wire server calls, with the
// clock, randomness and server version every session shares.

// EngineOptions configure sessions.
type EngineOptions struct {
	ServerVersion string // reported server_version (default pgdialect.PostgresVersion)
	// DefaultReadConsistency: "linearizable" (default) or "stale".
	DefaultReadConsistency string
	MaxTxnStatements       int // statements per explicit transaction (default 1000)
	MaxTxnBytes            int // SQL+argument bytes per transaction (default 16 MiB)
	CopyBatchRows          int // rows read from the client per batch by COPY FROM (default 1000)
	Logger                 *slog.Logger
	// NodeSettings answers SHOW for the node's own settings
	// (raftsql.leader, ...); nil when the engine runs without a node.
	NodeSettings NodeSettings
	// AdvisoryLease: how long an advisory lock outlives its node without
	// renewal (default DefaultAdvisoryLease; advisory.go).
	AdvisoryLease time.Duration
	// CopyChunkBytes: a COPY FROM outside a transaction larger than this
	// streams through the log in chunks of about this size (default
	// DefaultCopyChunkBytes; copystream.go).
	CopyChunkBytes int
	// CopyStageLease: how long a streamed COPY's staged rows outlive
	// their session's node (default DefaultCopyStageLease).
	CopyStageLease time.Duration
	// ClusterAdmin carries out ALTER CLUSTER; nil when the engine runs
	// without a node (the statement is then refused with 0A000).
	ClusterAdmin ClusterAdmin
	// IsSuperuser reports whether a user may run admin SQL and change
	// roles (roles.go); nil: every user (trust without roles).
	IsSuperuser func(user string) bool
	// BootstrapSuperuser is the superuser that exists before any role
	// statement (the node's --superuser); ALTER ROLE of it creates its row.
	BootstrapSuperuser string
}

// Engine creates sessions over a DB and a Replicator.
type Engine struct {
	db   *DB
	r    Replicator
	opts EngineOptions
	log  *slog.Logger
	adv  advisoryLocks // locks held by this engine's sessions (advisory.go)
}

// NewEngine returns an Engine.
func NewEngine(db *DB, r Replicator, opts EngineOptions) *Engine {
	if opts.ServerVersion == "" {
		opts.ServerVersion = pgdialect.PostgresVersion
	}
	if opts.DefaultReadConsistency == "" {
		opts.DefaultReadConsistency = "linearizable"
	}
	if opts.MaxTxnStatements <= 0 {
		opts.MaxTxnStatements = 1000
	}
	if opts.MaxTxnBytes <= 0 {
		opts.MaxTxnBytes = 16 << 20
	}
	if opts.CopyBatchRows <= 0 {
		opts.CopyBatchRows = 1000
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Engine{db: db, r: r, opts: opts, log: opts.Logger}
}

// DB returns the engine's database.
func (e *Engine) DB() *DB { return e.db }

// now reads the engine's clock (the DB's Options.Clock).
func (e *Engine) now() time.Time { return e.db.opts.Clock() }

// newCommand starts the log entry of a write proposed now: a fresh request
// id, the time and seed every replica will apply it with.
// One clock read serves the id and the timestamp, and one draw of 16
// bytes the id's random half and the seed, in the order two draws gave
// them: each read is a system call or a vDSO call, together ~10% of the
// session's CPU per INSERT (BenchmarkSessionInsert).
func (e *Engine) newCommand(stmts []Statement) *Command {
	now := e.now()
	var r [16]byte
	_, _ = io.ReadFull(e.db.opts.Rand, r[:])
	return &Command{RequestID: requestIDOf(now, [8]byte(r[:8])), Timestamp: now.UnixMicro(), Seed: binary.LittleEndian.Uint64(r[8:]), Statements: stmts}
}

// randUint64 draws a write's seed from the engine's randomness.
func (e *Engine) randUint64() uint64 {
	var b [8]byte
	_, _ = io.ReadFull(e.db.opts.Rand, b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// newRequestID makes a fresh request id (requestID) from the engine's
// clock and randomness.
func (e *Engine) newRequestID() [16]byte { return requestID(e.now(), e.db.opts.Rand) }

// requestID is a write's request id: the time it is proposed (Unix
// microseconds, big-endian) and 8 random bytes, unique among the ids of
// one microsecond. (The time first once kept an apply batch's rows
// together in raftsql_requests when that table was keyed by the id;
// keyed by the entry's index now, dedup.go, the table does not care.)
// Clocks that disagree cost nothing: an id's use is equality.
func requestID(now time.Time, r io.Reader) [16]byte {
	var rnd [8]byte
	_, _ = io.ReadFull(r, rnd[:])
	return requestIDOf(now, rnd)
}

// requestIDOf lays out a request id from its time and random half.
func requestIDOf(now time.Time, rnd [8]byte) [16]byte {
	var id [16]byte
	binary.BigEndian.PutUint64(id[:8], uint64(now.UnixMicro()))
	copy(id[8:], rnd[:])
	return id
}

// The engine implements the wire server's contract directly.
var (
	_ pgwire.Engine           = (*Engine)(nil)
	_ pgwire.Session          = (*Session)(nil)
	_ pgwire.PipelineSession  = (*Session)(nil)
	_ pgwire.NotifyingSession = (*Session)(nil)
	_ pgwire.Statement        = (*PreparedStatement)(nil)
)

// Replicator is implemented by the node (root package).
type Replicator interface {
	// Propose replicates cmd and returns this node's own apply result.
	Propose(ctx context.Context, cmd *Command) (*ApplyResult, error)
	// ReadBarrier waits until the local state reflects every write
	// committed before the call (ReadIndex + wait for local apply).
	ReadBarrier(ctx context.Context) error
}
