package sqlexec

import (
	"context"
	crand "crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	lib "modernc.org/sqlite/lib"
)

// Options configure Open.
type Options struct {
	// ReadConns is the size of the read-only connection pool (default 4).
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
	// Rand is the source of request ids and write seeds (default
	// crypto/rand).
	Rand io.Reader
}

// DB is the replicated state machine: one SQLite file written only by Apply.
type DB struct {
	path string
	opts Options
	log  *slog.Logger

	mu      sync.Mutex // apply lock: guards w
	w       *lconn
	det     *detState // apply connection's deterministic environment
	applied atomic.Uint64
	// schemaVer is SQLite's schema version as of the last apply commit;
	// read connections compare it with the version their cached
	// statements were compiled for (see lconn.syncSchema).
	schemaVer atomic.Int64

	rmu     sync.RWMutex // readers hold R while using a read conn; Restore holds W
	readers chan *lconn
	closed  bool

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
		opts.ReadConns = 4
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
	if opts.Rand == nil {
		opts.Rand = crand.Reader
	}
	db := &DB{path: path, opts: opts, log: opts.Logger, det: newDetState(opts.Clock)}
	db.det.apply = true
	if err := db.openConns(); err != nil {
		return nil, err
	}
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
		`CREATE TABLE IF NOT EXISTS raftsql_meta(id INTEGER PRIMARY KEY CHECK (id = 1), applied_index INTEGER NOT NULL)`,
		`INSERT OR IGNORE INTO raftsql_meta(id, applied_index) VALUES (1, 0)`,
		`CREATE TABLE IF NOT EXISTS raftsql_requests(id BLOB PRIMARY KEY, idx INTEGER NOT NULL, outcome TEXT) WITHOUT ROWID`,
		`CREATE INDEX IF NOT EXISTS raftsql_requests_idx ON raftsql_requests(idx)`,
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
	db.connSetup(w)
	idx, err := readAppliedIndex(w)
	if err != nil {
		w.close()
		return err
	}
	db.noteSchema(w)
	db.applied.Store(idx)
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
func (db *DB) openReader(clock *detState) (*lconn, error) {
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
	r.det = clock
	if r.det == nil {
		r.det = newDetState(db.opts.Clock)
	}
	if err := installDetFunctions(r, r.det); err != nil {
		r.close()
		return nil, err
	}
	// Catalog views live in the connection's temp schema: create
	// them before the connection becomes query_only.
	db.connSetup(r)
	for _, s := range []string{"PRAGMA query_only=1", "PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON"} {
		if err := r.exec(s); err != nil {
			r.close()
			return nil, err
		}
	}
	return r, nil
}

func (db *DB) connSetup(c *lconn) {
	setup := append([]string(nil), db.opts.ConnSetup...)
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
}

// Close closes the database.
func (db *DB) Close() error {
	db.rmu.Lock()
	defer db.rmu.Unlock()
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return nil
	}
	db.closed = true
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

// withReader runs fn on a read-only connection.
func (db *DB) withReader(ctx context.Context, fn func(c *lconn) error) error {
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
	defer func() { db.readers <- r }()
	r.mu.Lock()
	defer r.mu.Unlock()
	if ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() { interruptConn(r) })
		defer func() {
			if !stop() {
				// The interrupt may have fired; clear nothing: SQLite resets
				// the interrupt flag when no statement is running.
			}
		}()
	}
	return fn(r)
}

// withWriter runs fn on the apply connection under the apply lock (used by
// speculative transaction execution; fn must leave no transaction open).
func (db *DB) withWriter(fn func(c *lconn, d *detState) error) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		return errClosed
	}
	defer db.det.unpin()
	defer db.det.unbindNames()
	err := fn(db.w, db.det)
	db.assertNoTx(db.w, "speculation")
	return err
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

// ApplyNoop records index as applied (empty or configuration entries).
func (db *DB) ApplyNoop(index uint64) error {
	res := db.ApplyBatch([]Entry{{Index: index}})
	if len(res) == 1 && res[0].Err != nil && !res[0].Skipped {
		if e, ok := res[0].Err.(*Error); ok && e.Code == CodeInternal {
			return e
		}
	}
	return nil
}

// Apply applies one committed log entry. It never panics on bad input; a
// statement error rolls the entry back and is reported in the result.
func (db *DB) Apply(index uint64, data []byte) *ApplyResult {
	return db.ApplyBatch([]Entry{{Index: index, Data: data}})[0]
}

// ApplyBatch applies consecutive entries in one SQLite transaction, with a
// savepoint per entry.
func (db *DB) ApplyBatch(entries []Entry) []*ApplyResult {
	out := make([]*ApplyResult, len(entries))
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed || db.w == nil {
		for i, e := range entries {
			out[i] = &ApplyResult{Index: e.Index, Err: errClosed}
		}
		return out
	}
	w := db.w
	defer db.det.unpin()
	db.det.unbindNames()
	applied := db.applied.Load()
	db.assertNoTx(w, "apply")
	if err := w.exec("BEGIN IMMEDIATE"); err != nil {
		for i, e := range entries {
			out[i] = &ApplyResult{Index: e.Index, Err: mapError(err, "")}
		}
		return out
	}
	last := applied
	for i, e := range entries {
		if e.Index <= last {
			out[i] = &ApplyResult{Index: e.Index, Skipped: true}
			if len(e.Data) >= 18 && e.Data[0] == cmdMagic {
				copy(out[i].RequestID[:], e.Data[2:18])
			}
			continue
		}
		out[i] = db.applyEntry(w, e)
		last = e.Index
	}
	if last != applied {
		if err := execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(last)); err != nil {
			return db.failBatch(w, entries, out, err)
		}
		if err := w.exec("COMMIT"); err != nil {
			_ = w.exec("ROLLBACK")
			var se *sqliteErr
			if errors.As(err, &se) && se.code&0xff == lib.SQLITE_CONSTRAINT {
				return db.commitFailed(w, entries, out, applied, err)
			}
			return db.failBatch(w, entries, out, err)
		}
		db.noteSchema(w)
		db.applied.Store(last)
	} else {
		_ = w.exec("ROLLBACK")
	}
	return out
}

// commitFailed handles a constraint failure at COMMIT (deferred
// constraints): each entry is applied again on its own, and an entry that
// still cannot commit is recorded as failed, so the apply loop always makes
// progress.
func (db *DB) commitFailed(w *lconn, entries []Entry, out []*ApplyResult, applied uint64, cause error) []*ApplyResult {
	for i, e := range entries {
		if e.Index <= applied {
			continue
		}
		if err := w.exec("BEGIN IMMEDIATE"); err != nil {
			return db.failBatch(w, entries, out, err)
		}
		r := db.applyEntry(w, e)
		if err := execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(e.Index)); err != nil {
			return db.failBatch(w, entries, out, err)
		}
		if err := w.exec("COMMIT"); err != nil {
			_ = w.exec("ROLLBACK")
			// Record the entry as failed: only its request id and index.
			r = &ApplyResult{Index: e.Index, Err: mapError(err, "")}
			if cmd, derr := DecodeCommand(e.Data); derr == nil {
				r.RequestID = cmd.RequestID
			}
			if err := w.exec("BEGIN IMMEDIATE"); err != nil {
				return db.failBatch(w, entries, out, err)
			}
			var zero [16]byte
			if r.RequestID != zero {
				_ = execArgs(w, "INSERT OR REPLACE INTO raftsql_requests(id, idx) VALUES (?, ?)", r.RequestID[:], int64(e.Index))
			}
			_ = execArgs(w, "UPDATE raftsql_meta SET applied_index = ? WHERE id = 1", int64(e.Index))
			if err := w.exec("COMMIT"); err != nil {
				_ = w.exec("ROLLBACK")
				return db.failBatch(w, entries, out, err)
			}
		}
		db.noteSchema(w)
		db.applied.Store(e.Index)
		applied = e.Index
		out[i] = r
	}
	_ = cause
	return out
}

func (db *DB) failBatch(w *lconn, entries []Entry, out []*ApplyResult, err error) []*ApplyResult {
	_ = w.exec("ROLLBACK")
	db.log.Error("sqlexec: apply commit failed", "err", err)
	for i, e := range entries {
		out[i] = &ApplyResult{Index: e.Index, Err: errf(CodeInternal, "apply failed: %v", err)}
	}
	return out
}

func execArgs(c *lconn, sqlText string, args ...any) error {
	st, _, err := c.prepareCached(sqlText)
	if err != nil {
		return err
	}
	defer st.release()
	_, err = st.run(args, nil)
	return err
}

func queryInt(c *lconn, sqlText string, args ...any) (int64, bool, error) {
	st, _, err := c.prepareCached(sqlText)
	if err != nil {
		return 0, false, err
	}
	defer st.release()
	var v int64
	found := false
	_, err = st.run(args, func(r []any) error {
		if x, ok := r[0].(int64); ok && !found {
			v, found = x, true
		}
		return nil
	})
	return v, found, err
}

// applyEntry runs inside the batch transaction.
func (db *DB) applyEntry(w *lconn, e Entry) *ApplyResult {
	res := &ApplyResult{Index: e.Index}
	if len(e.Data) == 0 {
		return res
	}
	cmd, err := DecodeCommand(e.Data)
	if err != nil {
		res.Err = errf(CodeInternal, "undecodable log entry %d: %v", e.Index, err)
		return res
	}
	res.RequestID = cmd.RequestID
	var zero [16]byte
	hasID := cmd.RequestID != zero
	if hasID {
		found, outcome, err := lookupRequest(w, cmd.RequestID)
		if err != nil {
			res.Err = mapError(err, "")
			return res
		}
		if found {
			res.Duplicate = true
			res.Results, res.Err = decodeOutcome(outcome)
			return res
		}
	}
	if err := w.exec("SAVEPOINT raftsql_entry"); err != nil {
		res.Err = mapError(err, "")
		return res
	}
	if cmd.Database != "" || cmd.User != "" {
		db.det.bindNames(cmd.Database, cmd.User)
	} else {
		db.det.unbindNames()
	}
	results, execErr := executeCommand(w, db.det, cmd)
	db.det.unbindNames()
	res.Results = results
	if execErr != nil {
		res.Err = execErr
		_ = w.exec("ROLLBACK TO raftsql_entry")
	}
	_ = w.exec("RELEASE raftsql_entry")
	if hasID {
		if err := execArgs(w, "INSERT OR REPLACE INTO raftsql_requests(id, idx, outcome) VALUES (?, ?, ?)",
			cmd.RequestID[:], int64(e.Index), encodeOutcome(res)); err != nil {
			db.log.Error("sqlexec: record request id", "err", err)
		}
	}
	// Deterministic pruning: every node prunes at the same indexes.
	if win := db.opts.DedupeWindow; e.Index%1024 == 0 && e.Index > win {
		_ = execArgs(w, "DELETE FROM raftsql_requests WHERE idx < ?", int64(e.Index-win))
	}
	return res
}

// executeCommand runs cmd's statements on w (inside a transaction or
// savepoint owned by the caller). On the first error it stops and returns
// the error (the caller rolls back). For commands with a digest, a
// mismatch is reported as 40001.
func executeCommand(w *lconn, det *detState, cmd *Command) ([]StatementResult, error) {
	results := make([]StatementResult, 0, len(cmd.Statements))
	var dg *digester
	if len(cmd.Digest) > 0 {
		dg = newDigester()
	}
	for k, s := range cmd.Statements {
		det.pin(cmd.Timestamp, cmd.Seed, k)
		r, _ := runSQL(w, s.SQL, s.Args, s.Tag)
		if dg != nil && s.Digest {
			dg.add(&r)
		}
		if r.Err != nil {
			e := *(r.Err.(*Error))
			e.Statement = k
			r.Err = &e
			results = append(results, r)
			if dg != nil {
				return results, serializationFailure()
			}
			return results, &e
		}
		results = append(results, r)
	}
	if dg != nil && !dg.equal(cmd.Digest) {
		return results, serializationFailure()
	}
	return results, nil
}

func serializationFailure() *Error {
	return &Error{Code: CodeSerialization, Message: "could not serialize access due to concurrent update",
		HintText: "The transaction might succeed if retried.", Statement: -1}
}

// ---- digests ----

type digester struct {
	h   [32]byte
	buf []byte
}

func newDigester() *digester { return &digester{} }

func (d *digester) add(r *StatementResult) {
	b := d.buf[:0]
	if r.Err != nil {
		code := "XX000"
		if e, ok := r.Err.(*Error); ok {
			code = e.Code
		}
		b = append(b, 'E')
		b = append(b, code...)
	}
	b = append(b, r.Tag...)
	b = append(b, 0)
	for _, c := range r.Columns {
		b = append(b, c.Name...)
		b = binary.AppendUvarint(b, uint64(c.TypeOID))
	}
	for _, row := range r.Rows {
		b = append(b, 'R')
		for _, v := range row {
			b = hashValue(b, v)
		}
	}
	h := sha256.New()
	h.Write(d.h[:])
	h.Write(b)
	copy(d.h[:], h.Sum(nil))
	d.buf = b
}

func (d *digester) sum() []byte { return append([]byte(nil), d.h[:]...) }

func (d *digester) equal(x []byte) bool { return string(d.h[:]) == string(x) }

func hashValue(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, 'n')
	case int64:
		return binary.BigEndian.AppendUint64(append(b, 'i'), uint64(x))
	case float64:
		return binary.BigEndian.AppendUint64(append(b, 'f'), math.Float64bits(x))
	case bool:
		if x {
			return append(b, 'b', 1)
		}
		return append(b, 'b', 0)
	case string:
		b = binary.AppendUvarint(append(b, 't'), uint64(len(x)))
		return append(b, x...)
	case []byte:
		b = binary.AppendUvarint(append(b, 'x'), uint64(len(x)))
		return append(b, x...)
	default:
		s := fmt.Sprint(x)
		b = binary.AppendUvarint(append(b, 's'), uint64(len(s)))
		return append(b, s...)
	}
}

// ---- checksum / snapshots ----

// Checksum hashes the user-visible schema and content at the applied index,
// in one read transaction on a pool connection.
func (db *DB) Checksum(ctx context.Context) (sum string, index uint64, err error) {
	err = db.withReader(ctx, func(c *lconn) error {
		if err := c.exec("BEGIN"); err != nil {
			return err
		}
		defer c.exec("COMMIT")
		idx, err := readAppliedIndex(c)
		if err != nil {
			return err
		}
		index = idx
		s, err := checksumConn(c)
		sum = s
		return err
	})
	return sum, index, err
}

func checksumConn(c *lconn) (string, error) {
	h := sha256.New()
	type obj struct{ typ, name, sql string }
	var objs []obj
	st, _, err := c.prepare(`SELECT type, name, coalesce(sql, '') FROM main.sqlite_schema
		WHERE name NOT LIKE 'raftsql\_%' ESCAPE '\' AND name NOT LIKE 'sqlite\_stat%' ESCAPE '\'
		AND name NOT LIKE 'sqlite\_autoindex%' ESCAPE '\' ORDER BY type, name`)
	if err != nil {
		return "", err
	}
	_, err = st.run(nil, func(r []any) error {
		objs = append(objs, obj{r[0].(string), r[1].(string), r[2].(string)})
		return nil
	})
	st.finalize()
	if err != nil {
		return "", err
	}
	var b []byte
	for _, o := range objs {
		b = hashValue(b[:0], o.typ+"\x00"+o.name+"\x00"+o.sql)
		h.Write(b)
	}
	for _, o := range objs {
		if o.typ != "table" || strings.HasPrefix(strings.ToUpper(o.sql), "CREATE VIRTUAL") {
			continue
		}
		tbl := `main."` + strings.ReplaceAll(o.name, `"`, `""`) + `"`
		q := `SELECT * FROM ` + tbl
		// Rowid tables: include the rowid (it is state: later inserts and
		// rowid references depend on it).
		st, _, err := c.prepare(`SELECT _rowid_, * FROM ` + tbl + ` ORDER BY _rowid_`)
		if err != nil {
			// WITHOUT ROWID: order by every column.
			st2, _, err2 := c.prepare(q)
			if err2 != nil {
				return "", err2
			}
			n := st2.columnCount()
			st2.finalize()
			ord := make([]string, n)
			for i := range ord {
				ord[i] = strconv.Itoa(i + 1)
			}
			st, _, err = c.prepare(q + " ORDER BY " + strings.Join(ord, ","))
			if err != nil {
				return "", err
			}
		}
		h.Write([]byte("\x01" + o.name))
		_, err = st.run(nil, func(r []any) error {
			b = append(b[:0], 'R')
			for _, v := range r {
				b = hashValue(b, v)
			}
			h.Write(b)
			return nil
		})
		st.finalize()
		if err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// SnapshotTo writes a consistent copy of the database to path (VACUUM
// INTO, fsynced) and returns the applied index it contains.
func (db *DB) SnapshotTo(ctx context.Context, path string) (uint64, error) {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed {
		return 0, errClosed
	}
	_ = os.Remove(path)
	c, err := openLConn(dsnFor(db.path, ""))
	if err != nil {
		return 0, err
	}
	_ = c.exec("PRAGMA busy_timeout=10000")
	err = execArgs(c, "VACUUM INTO ?", path)
	c.close()
	if err != nil {
		return 0, fmt.Errorf("sqlexec: snapshot: %w", err)
	}
	if err := syncFile(path); err != nil {
		return 0, err
	}
	_ = syncDir(filepath.Dir(path))
	s, err := openLConn(dsnFor(path, "mode=ro"))
	if err != nil {
		return 0, err
	}
	defer s.close()
	return readAppliedIndex(s)
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// Restore atomically replaces the database with the snapshot file at path
// (which is consumed) whose applied index is index.
func (db *DB) Restore(path string, index uint64) error {
	// Validate the snapshot first.
	s, err := openLConn(dsnFor(path, "mode=ro"))
	if err != nil {
		return fmt.Errorf("sqlexec: restore: %w", err)
	}
	got, err := readAppliedIndex(s)
	s.close()
	if err != nil {
		return fmt.Errorf("sqlexec: restore: %w", err)
	}
	if got != index {
		return fmt.Errorf("sqlexec: restore: snapshot holds index %d, want %d", got, index)
	}
	db.rmu.Lock()
	defer db.rmu.Unlock()
	db.mu.Lock()
	defer db.mu.Unlock()
	if db.closed {
		return errClosed
	}
	db.closeConns()
	db.dropReadViews()
	for _, suf := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(db.path + suf); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(path, db.path); err != nil {
		return err
	}
	_ = syncDir(filepath.Dir(db.path))
	if err := db.openConns(); err != nil {
		db.closed = true
		return err
	}
	return nil
}

func lookupRequest(c *lconn, id [16]byte) (found bool, outcome string, err error) {
	st, _, err := c.prepareCached("SELECT coalesce(outcome, '') FROM raftsql_requests WHERE id = ?")
	if err != nil {
		return false, "", err
	}
	defer st.release()
	_, err = st.run([]any{id[:]}, func(r []any) error {
		found = true
		outcome, _ = r[0].(string)
		return nil
	})
	return found, outcome, err
}

// encodeOutcome summarises an entry's outcome (command tags or the error)
// so that a duplicate proposal of the same request can be answered.
func encodeOutcome(res *ApplyResult) string {
	if res.Err != nil {
		code, msg := CodeInternal, res.Err.Error()
		if e, ok := res.Err.(*Error); ok {
			code = e.Code
		}
		return "E" + code + "\n" + msg
	}
	var b strings.Builder
	b.WriteByte('T')
	for i, r := range res.Results {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(r.Tag)
	}
	return b.String()
}

func decodeOutcome(s string) ([]StatementResult, error) {
	switch {
	case strings.HasPrefix(s, "E"):
		code, msg, _ := strings.Cut(s[1:], "\n")
		return nil, &Error{Code: code, Message: msg, Statement: -1}
	case strings.HasPrefix(s, "T"):
		var out []StatementResult
		if len(s) > 1 {
			for _, tag := range strings.Split(s[1:], "\n") {
				out = append(out, StatementResult{Tag: tag})
			}
		}
		return out, nil
	}
	return nil, nil
}

// noteSchema publishes the apply connection's schema version after a
// commit, before the applied index moves, so a reader that waited for that
// index sees the new version too.
func (db *DB) noteSchema(w *lconn) {
	if v, err := w.schemaVersion(); err == nil {
		db.schemaVer.Store(v)
	}
}
