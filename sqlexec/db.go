package sqlexec

import (
	"context"
	crand "crypto/rand"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Options configure Open.
type Options struct {
	// ReadConns is the size of the read-only connection pool (default:
	// twice GOMAXPROCS, at least 4).
	ReadConns int
	// DedupeWindow: request ids are remembered for this many log indexes
	// (default 100000).
	DedupeWindow uint64
	// ConnSetup is SQL run on every connection after it is opened (e.g.
	// pgdialect.CatalogSQL()); errors are logged and ignored.
	ConnSetup []string
	// MaxReadViews caps the read connections held by open transactions
	// (each holds a transaction's read view; default 256).
	MaxReadViews int
	Logger       *slog.Logger
	// Clock is the wall clock: now() and CURRENT_TIMESTAMP on reads, the
	// timestamp pinned into each write (default time.Now). Applying a
	// write never reads it: the entry carries its time.
	Clock func() time.Time
	// Sleep backs pg_sleep() on read connections (default time.Sleep;
	// pg_sleep never sleeps on the apply connection).
	Sleep func(time.Duration)
	// Rand is the source of request ids and write seeds (default
	// crypto/rand).
	Rand io.Reader
	// StepBudget is the deterministic work budget of one log entry (and of
	// a transaction's speculation), in SQLite VM instructions: an entry
	// that needs more fails with 54000 on every node (budget.go). 0 means
	// DefaultStepBudget, negative means none. Every node must use the same
	// value (the node configuration does not expose it; tests set it).
	StepBudget int64
}

// DB is the replicated state machine: one SQLite file written only by Apply.
type DB struct {
	path string
	opts Options
	log  *slog.Logger

	mu sync.Mutex // apply lock: guards w and kept
	w  *lconn
	// kept: a transaction's speculative state left open on w between its
	// statements (keptspec.go).
	kept *keptSpec
	// turn: the applies waiting for mu, which a speculation yields it to
	// (preempt.go).
	turn applyTurn
	// commitWait, set for the duration of an ApplyBatchAfter call (mu
	// held), is called before each apply COMMIT with the last index that
	// COMMIT records (see ApplyBatchAfter).
	commitWait func(last uint64) error
	det        *detState // apply connection's deterministic environment
	notify     notifyHub // LISTEN registrations of this node's sessions (notify.go)
	applied    atomic.Uint64
	// schemaVer is SQLite's schema version as of the last apply commit;
	// read connections compare it with the version their cached
	// statements were compiled for (see lconn.syncSchema).
	schemaVer atomic.Int64
	// connGen counts openings of the connections (Open, Restore): with
	// schemaVer it names the schema a check was made against
	// (verdict.go), since a restored database may reuse a version number.
	connGen atomic.Uint64
	// identity: the GENERATED ALWAYS columns of the schema (identity.go)
	identity identityCache
	// views: the names of the schema's views (view_write.go)
	views viewNameCache
	// enums: the enum labels' order all connections compare by (enum_order.go)
	enums enumOrders
	// requests: the request ids of the de-duplication window (dedup.go);
	// guarded by mu.
	requests requestWindow

	// copyLive: some streamed COPY may be staged (copystage.go), as of
	// connGen copyGen; guarded by mu.
	copyLive bool
	copyGen  uint64

	// stopping stops every statement on the apply connection (the
	// progress handler checks it): set by Close and stopApply.
	stopping atomic.Bool

	rmu     sync.RWMutex // readers hold R while using a read conn; Restore holds W
	readers chan *lconn
	closed  bool
	// Held read transactions of pool connections (heldread.go): how many
	// are held, the releaser's wake-up and its stop.
	heldCount    atomic.Int64
	heldWake     chan struct{}
	heldStop     chan struct{}
	heldStopOnce sync.Once
	// temps: sessions' temporary spaces (temp.go), closed by Restore and
	// Close with the other connections (each holds the file open).
	tmu   sync.Mutex
	temps map[*tempSpace]struct{}

	// Read views held by open transactions (beyond the pool).
	vmu      sync.Mutex
	viewIdle []*lconn
	viewOpen int    // connections handed out
	viewGen  uint64 // bumped by Restore/Close: older connections are closed on release
	// viewDets: deterministic states (each with its clock VFS, which
	// SQLite cannot unregister safely) of closed read-view connections,
	// reused by the next ones.
	viewDets []*detState
}

// Entry is one log entry for ApplyBatch.
type Entry struct {
	Index uint64
	Data  []byte // nil/empty: no-op entry (only records the index)
}

// Open opens (creating if needed) the state machine database at path.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if opts.ReadConns <= 0 {
		// A read holds its connection for the whole statement: a fixed
		// pool of 4 capped point reads at 4 cores' worth on a many-core
		// machine (issue 15). Twice the cores lets every core run a read
		// while as many wait for their client, at a page cache (2 MB at
		// most) per connection.
		opts.ReadConns = max(4, 2*runtime.GOMAXPROCS(0))
	}
	if opts.DedupeWindow == 0 {
		opts.DedupeWindow = 100000
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if err := pgdialect.Register(pgdialect.Env{Now: opts.Clock, Rand: opts.Rand}); err != nil {
		opts.Logger.Warn("sqlexec: dialect registration failed", "err", err)
	}
	if opts.MaxReadViews <= 0 {
		opts.MaxReadViews = 256
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.Sleep == nil {
		opts.Sleep = time.Sleep
	}
	if opts.Rand == nil {
		opts.Rand = crand.Reader
	}
	pinLocaltimeUTC()
	removeBackupTemps(filepath.Dir(path))
	db := &DB{path: path, opts: opts, log: opts.Logger, det: newDetState(&opts)}
	db.det.apply = true
	if err := db.openConns(); err != nil {
		return nil, err
	}
	db.heldWake, db.heldStop = make(chan struct{}, 1), make(chan struct{})
	go db.releaseHeld(db.heldStop)
	return db, nil
}

func dsnFor(path string, params string) string {
	u := "file:" + (&url.URL{Path: path}).EscapedPath()
	if params != "" {
		u += "?" + params
	}
	return u
}

func (db *DB) openConns() error {
	vfsName, err := registerClockVFS(db.det)
	if err != nil {
		return err
	}
	w, err := openLConn(dsnFor(db.path, "vfs="+vfsName))
	if err != nil {
		return fmt.Errorf("sqlexec: open %s: %w", db.path, err)
	}
	for _, s := range []string{
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=NORMAL",
		"PRAGMA foreign_keys=ON",
		"PRAGMA busy_timeout=10000",
		"PRAGMA recursive_triggers=ON",
		"PRAGMA temp_store=MEMORY", // no temporary file names drawn from SQLite's PRNG
		`CREATE TABLE IF NOT EXISTS raftsql_meta(id INTEGER PRIMARY KEY CHECK (id = 1), applied_index INTEGER NOT NULL)`,
		`INSERT OR IGNORE INTO raftsql_meta(id, applied_index) VALUES (1, 0)`,
		`CREATE TABLE IF NOT EXISTS raftsql_config(id INTEGER PRIMARY KEY CHECK (id = 1), conf BLOB NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS raftsql_members(id INTEGER PRIMARY KEY CHECK (id = 1), members BLOB NOT NULL)`,
		requestsTableSQL, // dedup.go
		rolesTableSQL,
		pgdialect.SequencesTableSQL,
		pgdialect.ExtensionsTableSQL,
		pgdialect.EnumsTableSQL,
		pgdialect.CommentsTableSQL,
		pgdialect.BoolsTableSQL,
		pgdialect.BoolsRowsSQL,
	} {
		if err := w.exec(s); err != nil {
			w.close()
			return fmt.Errorf("sqlexec: init %q: %w", s, err)
		}
	}
	if err := installDetFunctions(w, db.det); err != nil {
		w.close()
		return err
	}
	if err := db.loadRequests(w); err != nil { // dedup.go
		w.close()
		return err
	}
	if err := installRowCapture(w); err != nil { // constraint_errors.go
		w.close()
		return err
	}
	db.det.conn = w
	if err := shareEnumOrders(w, &db.enums, true); err != nil { // enum_order.go
		w.close()
		return err
	}
	db.connGen.Add(1)
	db.connSetup(w)
	if err := registerModules(w); err != nil {
		w.close()
		return err
	}
	if err := installAuthorizer(w, db.det); err != nil {
		w.close()
		return err
	}
	// The authorizer now sees every statement: what it compiles tells
	// what may change the schema or settings (statetrack.go).
	w.soleWriter = true
	idx, err := readAppliedIndex(w)
	if err != nil {
		w.close()
		return err
	}
	db.noteSchema(w)
	db.applied.Store(idx)
	w.meter.stop = &db.stopping
	db.w = w
	db.readers = make(chan *lconn, db.opts.ReadConns)
	for i := 0; i < db.opts.ReadConns; i++ {
		r, err := db.openReader(nil)
		if err != nil {
			db.closeConns()
			return err
		}
		db.readers <- r
	}
	return nil
}

// openReader opens one read-only connection. With clock set, the
// connection uses it as its deterministic state, including SQLite's clock
// (a VFS of its own: CURRENT_TIMESTAMP follows clock's pinned time).
// The pragmas run before the authorizer (which refuses them) is installed.
func (db *DB) openReader(clock *detState, pragmas ...string) (*lconn, error) {
	return db.openConn(clock, authRead, pragmas...)
}

// openConn opens a connection that does not apply: a read connection
// (authRead, query_only) or a session's temporary space (authTemp, whose
// authorizer lets it write only its temporary schema).
func (db *DB) openConn(clock *detState, mode authMode, extra ...string) (*lconn, error) {
	params := ""
	if clock != nil {
		vfs, err := registerClockVFS(clock)
		if err != nil {
			return nil, err
		}
		params = "vfs=" + vfs
	}
	r, err := openLConn(dsnFor(db.path, params))
	if err != nil {
		return nil, err
	}
	r.sharedSchema = &db.schemaVer
	_ = shareEnumOrders(r, &db.enums, false) // enum_order.go
	r.det = clock
	if r.det == nil {
		r.det = newDetState(&db.opts)
	}
	if err := installDetFunctions(r, r.det); err != nil {
		r.close()
		return nil, err
	}
	// Set before the temp schema exists (changing it later drops it):
	// no temporary file names drawn from SQLite's PRNG.
	if err := r.exec("PRAGMA temp_store=MEMORY"); err != nil {
		r.close()
		return nil, err
	}
	// Catalog views live in the connection's temp schema: create
	// them before the connection becomes query_only.
	db.connSetup(r)
	pragmas := []string{"PRAGMA query_only=1", "PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON"}
	if mode != authRead {
		pragmas = pragmas[1:]
	}
	for _, s := range append(pragmas, extra...) {
		if err := r.exec(s); err != nil {
			r.close()
			return nil, err
		}
	}
	if err := installAuthorizer(r, r.det); err != nil {
		r.close()
		return nil, err
	}
	r.auth.mode = mode
	return r, nil
}

func (db *DB) connSetup(c *lconn) {
	setup := append([]string(nil), db.opts.ConnSetup...)
	setup = append(setup, pgdialect.RolesSourceSQL("SELECT name, superuser, login FROM main.raftsql_roles"))
	setup = append(setup, pgdialect.CatalogSQL()...)
	for _, s := range setup {
		if err := c.exec(s); err != nil {
			db.log.Warn("sqlexec: connection setup failed", "sql", s, "err", err)
		}
	}
}

func readAppliedIndex(c *lconn) (uint64, error) {
	var idx uint64
	st, _, err := c.prepare("SELECT applied_index FROM raftsql_meta WHERE id = 1")
	if err != nil {
		return 0, err
	}
	defer st.finalize()
	_, err = st.run(nil, func(r []any) error {
		if v, ok := r[0].(int64); ok {
			idx = uint64(v)
		}
		return nil
	})
	return idx, err
}

func (db *DB) closeConns() {
	if db.readers != nil {
	drain:
		for {
			select {
			case r := <-db.readers:
				if r.held.on { // closing ends it (heldread.go)
					db.heldCount.Add(-1)
				}
				r.close()
			default:
				break drain
			}
		}
	}
	if db.w != nil {
		db.w.close()
		db.w = nil
	}
	db.closeTemps()
}

// Close closes the database.
func (db *DB) Close() error {
	// Stop a running apply or speculation before waiting for it.
	db.stopApply()
	db.rmu.Lock()
	defer db.rmu.Unlock()
	db.lockApply()
	defer db.mu.Unlock()
	if db.closed {
		return nil
	}
	db.closed = true
	db.heldStopOnce.Do(func() { close(db.heldStop) })
	db.closeConns()
	db.dropReadViews()
	db.det.release()
	return nil
}

// Path returns the database file path.
func (db *DB) Path() string { return db.path }

// AppliedIndex is the index of the last applied log entry.
func (db *DB) AppliedIndex() uint64 { return db.applied.Load() }

var errClosed = errf(CodeInternal, "sqlexec: database is closed")

// withReader runs fn on a read-only connection, in autocommit (no read
// transaction held from an earlier read: heldread.go).
func (db *DB) withReader(ctx context.Context, fn func(c *lconn) error) error {
	return db.withReaderMode(ctx, false, nil, fn)
}

// withReaderMode runs fn on a pool connection; with hold, on one whose
// read transaction may be held across reads (withHeldReader). ctx's end
// stops fn's statements, through w when not nil (ctxWatch).
func (db *DB) withReaderMode(ctx context.Context, hold bool, w *ctxWatch, fn func(c *lconn) error) (err error) {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed {
		return errClosed
	}
	var r *lconn
	select {
	case r = <-db.readers:
	case <-ctx.Done():
		return ctx.Err()
	}
	var held bool
	var heldAt uint64
	defer func() {
		db.readers <- r
		if held && db.applied.Load() != heldAt {
			db.heldMayBeStale()
		}
	}()
	r.mu.Lock()
	defer r.mu.Unlock()
	if hold {
		db.holdRead(r)
	} else {
		db.endHeld(r)
	}
	defer func() {
		db.afterRead(r, err)
		held, heldAt = r.held.on, r.held.at
	}()
	if w != nil {
		defer w.watch(r, ctx, true)()
	} else {
		defer r.watch(ctx, true)()
	}
	return fn(r)
}

// withWriter runs fn on the apply connection under the apply lock (used by
// speculative transaction execution; fn must leave no transaction open).
// The work budget of one entry applies to all of fn's statements, and
// ctx's end (statement timeout, cancel request) stops them, so that no
// speculation holds the apply lock beyond either; the first such error is
// withWriter's. A speculation the apply may preempt and run again uses
// withSpeculation (preempt.go).
func (db *DB) withWriter(ctx context.Context, fn func(c *lconn, d *detState) error) error {
	_, err := db.writerRun(ctx, 0, false, nil, fn)
	return err
}

// withTxWriter is withWriter for a use of owner's speculative state
// (keptspec.go).
func (db *DB) withTxWriter(ctx context.Context, owner *txn, fn func(c *lconn, d *detState) error) error {
	_, err := db.writerRun(ctx, 0, false, owner, fn)
	return err
}

// writerRun is one run of fn under the apply lock. run numbers the runs of
// a speculation (from 1; 0: not one); with preemptible, an apply waiting
// for the lock stops fn's statements, and writerRun reports preempted
// instead of fn's outcome (preempt.go). A speculative state kept for a
// transaction other than owner is rolled back first; owner's is left for
// fn to take (keptspec.go).
func (db *DB) writerRun(ctx context.Context, run int, preemptible bool, owner *txn, fn func(c *lconn, d *detState) error) (preempted bool, err error) {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return false, errClosed
	}
	if db.kept != nil && (owner == nil || db.kept.owner != owner) {
		db.dropKept()
	}
	w := db.w
	defer db.det.unpin()
	defer db.det.unbindNames()
	w.meter.begin(db.opts.stepBudget())
	defer w.meter.end()
	w.meter.spec = run
	if preemptible {
		w.meter.preempt = &db.turn.waiting
	}
	unwatch := w.watch(ctx, false)
	w.fk = fkMode{} // SET CONSTRAINTS holds within one use (deferred.go)
	err = fn(w, db.det)
	w.meter.preempt = nil
	w.fk = fkMode{}
	unwatch()
	if w.meter.preempted || db.kept != nil && db.kept.owner != owner {
		db.dropKept()
	}
	if db.kept == nil {
		db.assertNoTx(w, "speculation")
	}
	if w.meter.preempted {
		return true, nil
	}
	if e := w.meter.unitErr; e != nil {
		return false, e
	}
	return false, err
}

// assertNoTx makes sure no transaction is left open on the apply
// connection: a transaction left open by speculative execution would
// otherwise be committed by the next ApplyBatch together with the log
// entries. It rolls such a transaction back and logs the bug.
func (db *DB) assertNoTx(w *lconn, where string) bool {
	if w.inTx() {
		db.log.Error("sqlexec: BUG: transaction left open on the apply connection; rolled back", "where", where)
		_ = w.exec("ROLLBACK")
		openTxAsserts.Add(1)
		return false
	}
	return true
}

// openTxAsserts counts assertNoTx failures (tests).
var openTxAsserts atomic.Int64

// noteSchema publishes the apply connection's schema version after a
// commit, before the applied index moves, so a reader that waited for that
// index sees the new version too.
func (db *DB) noteSchema(w *lconn) {
	if w.soleWriter && w.unsynced&unsyncedSchema == 0 && w.cacheSchema != 0 {
		// Nothing that may change it ran since syncSchema read it
		// (statetrack.go).
		db.schemaVer.Store(w.cacheSchema)
		return
	}
	if v, err := w.schemaVersion(); err == nil {
		db.schemaVer.Store(v)
	}
}
