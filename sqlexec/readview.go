package sqlexec

import (
	"context"
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// Read views: a transaction reads one consistent state of the database (a
// SQLite read transaction held open on a dedicated read connection, pinned
// by its first read) until it first writes. These connections are separate
// from the read pool, opened on demand and capped by Options.MaxReadViews.
// ("Snapshot" is kept for the Raft snapshot: the database image of
// SnapshotTo/Restore.)

// readView is a read connection held by one transaction.
type readView struct {
	c     *lconn
	gen   uint64
	begun bool
}

// maxIdleReadViews is how many released read-view connections are kept open.
const maxIdleReadViews = 64

// readViewCache is the page cache of a read-view connection (SQLite's
// cache_size: negative is KiB). Every open transaction holds its own
// connection, and so its own page cache: at SQLite's default (2,000 KiB,
// about twice that once allocated) a transaction that scanned a few
// megabytes holds 4 MiB while it stays open, 1 GiB for the 256 that
// MaxReadViews allows. A smaller cache bounds that; pages read again come
// from the operating system's cache (docs/benchmarks.md, "How cost
// grows"). The read pool, shared by autocommit reads, keeps the default.
const readViewCache = "PRAGMA cache_size = -256"

func (db *DB) acquireReadView() (*readView, error) {
	db.vmu.Lock()
	if db.viewOpen >= db.opts.MaxReadViews {
		db.vmu.Unlock()
		return nil, &Error{Code: "53000", Statement: -1,
			Message:  fmt.Sprintf("too many open transactions: %d transactions already hold a read snapshot on this node", db.opts.MaxReadViews),
			HintText: "End idle transactions, or raise the read view limit (sqlexec.Options.MaxReadViews)."}
	}
	db.viewOpen++
	gen := db.viewGen
	var c *lconn
	var det *detState
	if n := len(db.viewIdle); n > 0 {
		c = db.viewIdle[n-1]
		db.viewIdle = db.viewIdle[:n-1]
	} else if n := len(db.viewDets); n > 0 {
		det = db.viewDets[n-1]
		db.viewDets = db.viewDets[:n-1]
	}
	db.vmu.Unlock()
	if c == nil {
		if det == nil {
			det = newDetState(&db.opts)
		}
		db.rmu.RLock()
		closed := db.closed
		var err error
		if !closed {
			c, err = db.openReader(det, readViewCache)
		}
		db.rmu.RUnlock()
		if closed || err != nil {
			db.vmu.Lock()
			db.viewOpen--
			db.viewDets = append(db.viewDets, det)
			db.vmu.Unlock()
			if closed {
				return nil, errClosed
			}
			return nil, toError(err)
		}
	}
	return &readView{c: c, gen: gen}, nil
}

// releaseReadView ends sc's read transaction and returns the connection.
func (db *DB) releaseReadView(sc *readView) {
	if sc == nil || sc.c == nil {
		return
	}
	c := sc.c
	sc.c = nil
	c.mu.Lock()
	if c.db != 0 && c.inTx() {
		_ = c.exec("ROLLBACK")
	}
	// An idle read view keeps no pages: its next transaction most likely
	// starts after writes that make them stale anyway.
	c.releaseMemory()
	c.mu.Unlock()
	db.vmu.Lock()
	db.viewOpen--
	keep := sc.gen == db.viewGen && len(db.viewIdle) < maxIdleReadViews
	if keep {
		db.viewIdle = append(db.viewIdle, c)
	}
	db.vmu.Unlock()
	if !keep {
		c.mu.Lock()
		db.closeReadView(c)
		c.mu.Unlock()
	}
}

// closeReadView closes a read-view connection, keeping its deterministic
// state (and clock VFS) for reuse.
func (db *DB) closeReadView(c *lconn) {
	det := c.det
	c.det = nil
	c.close()
	if det != nil {
		det.unpin()
		db.vmu.Lock()
		db.viewDets = append(db.viewDets, det)
		db.vmu.Unlock()
	}
}

// dropReadViews closes the idle read-view connections; connections in use
// are closed when released (Close, Restore).
func (db *DB) dropReadViews() {
	db.vmu.Lock()
	idle := db.viewIdle
	db.viewIdle = nil
	db.viewGen++
	db.vmu.Unlock()
	for _, c := range idle {
		db.closeReadView(c)
	}
}

// withReadView runs fn on sc's connection. The first use begins the read
// transaction and pins its read view at once.
func (db *DB) withReadView(ctx context.Context, sc *readView, fn func(c *lconn) error) error {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed || sc.c == nil || sc.c.db == 0 {
		return errClosed
	}
	c := sc.c
	c.mu.Lock()
	defer c.mu.Unlock()
	if !sc.begun {
		if err := c.exec("BEGIN"); err != nil {
			return mapError(err, "")
		}
		// A read pins the read view (SQLite's WAL snapshot) now.
		if err := c.exec("SELECT count(*) FROM main.sqlite_schema"); err != nil {
			_ = c.exec("ROLLBACK")
			return mapError(err, "")
		}
		sc.begun = true
	}
	defer c.watch(ctx, true)()
	return fn(c)
}

// ---- session side ----

// bindConn makes a read connection answer current_setting(),
// current_database() and current_user for this session.
func (s *Session) bindConn(c *lconn) func() {
	if c.det == nil {
		return func() {}
	}
	// Pointers into the session, not copies: the session runs nothing
	// else while c is bound to it, and binding allocates nothing (it is
	// done for every read).
	c.det.settings.Store(&s.settings)
	c.det.setConfig.Store(&s.setConfigFn)
	if s.boundNames == nil {
		db, user := s.names()
		s.boundNames = &[2]string{db, user}
	}
	c.det.dbName.Store(&s.boundNames[0])
	c.det.userName.Store(&s.boundNames[1])
	c.det.bindZone(s.zone())
	// now() is the statement's start, the same for every row and call
	// (PostgreSQL's is the transaction's: a transaction's reads pin its
	// time over this, readview.go); unbinding lets the clock run again
	c.det.nowUS.Store(c.det.clock().UnixMicro())
	return c.det.unbindSession()
}

// names are the database and user names the client connected with.
func (s *Session) names() (db, user string) {
	db, user = s.info.Database, s.info.User
	if user == "" {
		user = pgdialect.DefaultName
	}
	if db == "" {
		db = user
	}
	return db, user
}

// The names are not folded into the SQLite text sent to the log: they
// travel with the entry (Command.User, Command.Database) and the apply
// connection answers current_user and current_database() with them
// (apply.go), so a column DEFAULT current_user written by CREATE TABLE
// is the inserting session's user, as PostgreSQL evaluates it per row.

// callRepl replaces the text fn (lower case, a function name and what
// follows it) by val; or, with call, by what call returns for the text
// after fn (ok false: leave it).
type callRepl struct {
	fn, val string
	call    func(sqlText string, at int) (val string, end int, ok bool)
}

// replaceCalls applies repl to sqlText (SQLite text) where each fn starts
// a word outside quoted strings and identifiers, case-insensitively.
func replaceCalls(sqlText string, repl []callRepl) string {
	low := strings.ToLower(sqlText)
	var b strings.Builder
	for i := 0; i < len(sqlText); {
		c := sqlText[i]
		if c == '\'' || c == '"' || c == '`' || c == '[' {
			end := c
			if c == '[' {
				end = ']'
			}
			j := i + 1
			for j < len(sqlText) {
				if sqlText[j] == end {
					if j+1 < len(sqlText) && sqlText[j+1] == end && end != ']' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			if j < len(sqlText) {
				j++
			}
			b.WriteString(sqlText[i:j])
			i = j
			continue
		}
		matched := false
		if i == 0 || !isIdentByte(sqlText[i-1]) {
			for _, r := range repl {
				if !strings.HasPrefix(low[i:], r.fn) {
					continue
				}
				if r.call == nil {
					b.WriteString(r.val)
					i += len(r.fn)
					matched = true
					break
				}
				if v, end, ok := r.call(sqlText, i+len(r.fn)); ok {
					b.WriteString(v)
					i = end
					matched = true
					break
				}
			}
		}
		if !matched {
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// runInReadView runs one statement of a transaction on its read view. ro is false
// (and nothing ran) when SQLite says the statement writes. A statement's
// own SQL error (also one found preparing it) is in res.Err with ro true;
// err is for failures that are not the statement's outcome.
func (s *Session) runInReadView(ctx context.Context, tx *txn, x Statement) (res StatementResult, ro bool, err error) {
	if tx.view == nil {
		if err := s.barrier(ctx); err != nil {
			return res, false, err
		}
		sc, err := s.e.db.acquireReadView()
		if err != nil {
			return res, false, err
		}
		tx.view = sc
	}
	err = s.e.db.withReadView(ctx, tx.view, func(c *lconn) error {
		if err := guardInternal(x.SQL); err != nil {
			return err
		}
		st, tail, err := c.prepareUser(x.SQL)
		if err != nil {
			e := mapError(err, x.SQL)
			if !isOutcome(e) {
				return e
			}
			// Not preparable on this state (a missing table, a syntax
			// error): that is the statement's outcome, recorded like a
			// result (a write replayed later may see it differently).
			ro = true
			res.Err = e
			return nil
		}
		if st == nil {
			ro = true
			res.Tag = "EMPTY"
			return nil
		}
		readonly := st.readonly()
		st.release()
		if !readonly || strings.TrimSpace(tail) != "" || isPragmaWrite(x.SQL) {
			return nil
		}
		ro = true
		defer s.bindConn(c)()
		c.det.pin(tx.ts, tx.seed, len(tx.stmts))
		defer c.det.unpin()
		res, _ = runSQL(c, x.SQL, x.Args, x.Tag)
		return nil
	})
	return res, ro, err
}

// rwConflict is the 40001 raised when the transaction's earlier reads no
// longer hold on the latest state (PostgreSQL's SSI message).
func rwConflict() *Error {
	return &Error{Code: CodeSerialization, Message: "could not serialize access due to read/write dependencies among transactions",
		HintText: "The transaction might succeed if retried.", Statement: -1}
}
