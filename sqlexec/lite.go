package sqlexec

// Thin wrapper over the SQLite C API as transpiled by modernc.org/sqlite/lib.
// Connections are opened through the registered "sqlite" database/sql driver
// so that functions registered globally with the driver (pgdialect.Register)
// are installed on them; the raw sqlite3* handle and libc TLS are then taken
// out of the driver connection and used directly, which gives access to
// sqlite3_stmt_readonly, column decltypes, extended error codes, per
// connection functions and a per connection VFS.

import (
	"database/sql"
	"database/sql/driver"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	sqlite "modernc.org/sqlite"
	lib "modernc.org/sqlite/lib"
)

var (
	driverOnce sync.Once
	sqlDriver  driver.Driver
)

func getDriver() driver.Driver {
	driverOnce.Do(func() {
		db, err := sql.Open("sqlite", "")
		if err != nil {
			sqlDriver = &sqlite.Driver{}
			return
		}
		sqlDriver = db.Driver()
		_ = db.Close()
	})
	return sqlDriver
}

// lconn is one SQLite connection. Not safe for concurrent use: callers hold mu.
type lconn struct {
	mu    sync.Mutex
	held  heldRead // a read connection's held read transaction (heldread.go)
	drv   driver.Conn
	tls   *libc.TLS
	db    uintptr
	cache map[stmtKey]*lstmt // prepared statement cache
	// tempLookups: a session's temporary space (temp.go): every text it
	// compiles reads column types from its temporary schema first
	// (withTempLookups).
	tempLookups bool
	// catalog: answers of raftsql's own catalog reads for the cached
	// statements' schema (catalogcache.go), dropped with them
	catalog catalogCache
	// cacheSchema is the schema version the cached statements were
	// compiled against. SQLite recompiles a stale statement at its first
	// step, but its column count before that step is the old one, so a
	// cached "SELECT *" would drop a column added since; the cache is
	// emptied when the schema version moves.
	cacheSchema int64
	schemaStmt  *lstmt
	// notices: what the statement running on this connection reports to
	// its client as NOTICEs (notice.go)
	notices []notice
	// notified: a NOTIFY ran on this (apply) connection since the last
	// takeNotifications (notify.go).
	notified bool
	// sharedSchema, for read connections, is the schema version the apply
	// connection last committed: while it equals cacheSchema no check of
	// SQLite's own version is needed.
	sharedSchema *atomic.Int64
	det          *detState  // per-connection function state (read connections)
	auth         *authState // authorizer (authorize.go); nil: none installed
	// meter is the progress handler's state: work budget and
	// cancellation (budget.go).
	meter   *meter
	meterID uintptr
	// explain keeps the row a constraint violation's explanation captures
	// (constraint_errors.go); nil on connections that do not write.
	explain *rowCapture
	// serials caches serialDecl (resulttypes.go) by "table\x00column"
	// for schema version serialsAt.
	serials   map[string]string
	serialsAt int64
	// soleWriter: the apply connection, the only writer of its database,
	// whose schema and settings change only by statements it runs
	// itself; unsynced says which of them may have changed since they
	// were last read (stateTrack below).
	soleWriter bool
	unsynced   unsyncedState
	// enums: the connection's enum collations (enum_order.go)
	enums *enumConn
	// fk: SET CONSTRAINTS' state in the running entry or speculation
	// (deferred.go)
	fk fkMode
	// deriving: how deep derivedTypes (derivedtypes.go) is in describing
	// the queries of derived relations, which may nest or, a recursive
	// CTE's, read themselves
	deriving int
	// notValid: the main schema's tables with CHECKs added NOT VALID
	// (notvalid_update.go), nil until read for the cached statements'
	// schema
	notValid *notValidTables
}

const stmtCacheSize = 256

// stmtKey keys the statement cache: the text and the authorizer policy it
// was compiled under (a struct, not a prefixed string, so that a lookup
// copies nothing).
type stmtKey struct {
	mode authMode
	sql  string
}

// prepareCached is prepare with a statement cache (single statements only).
// Call release, not finalize, when done.
func (c *lconn) prepareCached(sqlText string) (*lstmt, string, error) {
	c.syncSchema()
	// A statement is authorized when it is compiled: one compiled under
	// one policy (raftsql's own statements: none; reads; writes) must not
	// serve the same text under another.
	key := stmtKey{sql: sqlText}
	if c.auth != nil {
		key.mode = c.auth.mode
	}
	if st, ok := c.cache[key]; ok && st.p != 0 && !st.busy {
		st.busy = true
		return st, "", nil
	}
	st, tail, err := c.prepareFresh(sqlText)
	if err != nil || st == nil {
		return st, tail, err
	}
	if strings.TrimSpace(tail) == "" {
		if c.cache == nil {
			c.cache = map[stmtKey]*lstmt{}
		}
		if len(c.cache) >= stmtCacheSize {
			for k, old := range c.cache {
				old.cached = false
				if !old.busy {
					old.finalize()
				}
				delete(c.cache, k)
				break
			}
		}
		// If the cached copy is busy (a nested use of the same SQL), this
		// one stays uncached and is finalized by its release.
		if _, taken := c.cache[key]; !taken {
			st.cached = true
			st.busy = true
			c.cache[key] = st
		}
	}
	return st, tail, nil
}

// schemaVersion reads PRAGMA schema_version (changed by every DDL commit).
func (c *lconn) schemaVersion() (int64, error) {
	if c.schemaStmt == nil {
		st, _, err := c.prepareFresh("PRAGMA schema_version")
		if err != nil {
			return 0, err
		}
		if st == nil {
			return 0, fmt.Errorf("sqlexec: cannot prepare PRAGMA schema_version")
		}
		c.schemaStmt = st
	}
	st := c.schemaStmt
	defer lib.Xsqlite3_reset(c.tls, st.p)
	if rc := lib.Xsqlite3_step(c.tls, st.p); rc != lib.SQLITE_ROW {
		return 0, c.err(rc)
	}
	return lib.Xsqlite3_column_int64(c.tls, st.p, 0), nil
}

func (c *lconn) dropCache() {
	c.catalog = catalogCache{}
	c.notValid = nil
	for k, st := range c.cache {
		st.cached = false
		if !st.busy { // a statement still in use is finalized by its release
			st.finalize()
		}
		delete(c.cache, k)
	}
}

// dropCachedReading drops from the statement cache every statement whose
// text names table: one whose table is a temporary table made anew by
// each statement (dmlcte.go's RETURNING tables), which no schema version
// of the main database tracks, so a cached statement and the result
// description kept on it would describe the previous statement's table.
func (c *lconn) dropCachedReading(table string) {
	c.catalog = catalogCache{}
	for k, st := range c.cache {
		if !strings.Contains(k.sql, table) {
			continue
		}
		st.cached = false
		if !st.busy { // a statement still in use is finalized by its release
			st.finalize()
		}
		delete(c.cache, k)
	}
}

// release returns a statement to the cache (or finalizes an uncached one).
func (s *lstmt) release() {
	s.busy = false
	if !s.cached {
		s.finalize()
		return
	}
	s.reset()
}

// reset readies s to run again with other arguments.
func (s *lstmt) reset() {
	lib.Xsqlite3_reset(s.c.tls, s.p)
	lib.Xsqlite3_clear_bindings(s.c.tls, s.p)
	for _, b := range s.binds {
		libc.Xfree(s.c.tls, b)
	}
	s.binds = s.binds[:0]
}

func openLConn(dsn string) (*lconn, error) {
	dc, err := getDriver().Open(dsn)
	if err != nil {
		return nil, err
	}
	v := reflect.ValueOf(dc)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		dc.Close()
		return nil, fmt.Errorf("sqlexec: unexpected sqlite driver connection type %T", dc)
	}
	e := v.Elem()
	fdb := e.FieldByName("db")
	ftls := e.FieldByName("tls")
	if !fdb.IsValid() || !ftls.IsValid() || fdb.Kind() != reflect.Uintptr || ftls.Type() != reflect.TypeOf((*libc.TLS)(nil)) {
		dc.Close()
		return nil, fmt.Errorf("sqlexec: cannot access sqlite handle of %T", dc)
	}
	c := &lconn{drv: dc, unsynced: unsyncedAll}
	c.db = *(*uintptr)(unsafe.Pointer(fdb.UnsafeAddr()))
	c.tls = *(**libc.TLS)(unsafe.Pointer(ftls.UnsafeAddr()))
	installMeter(c)
	noDoubleQuotedStrings(c)                         // dqs.go
	if err := installEnumCollations(c); err != nil { // enum_order.go
		c.close()
		return nil, err
	}
	return c, nil
}

func (c *lconn) close() error {
	if c.drv == nil {
		return nil
	}
	c.dropCache()
	untrackViewDecls(c)
	untrackTableSQL(c)
	if c.schemaStmt != nil {
		c.schemaStmt.finalize()
		c.schemaStmt = nil
	}
	if c.det != nil {
		c.det.release()
		c.det = nil
	}
	err := c.drv.Close()
	removeMeter(c)
	c.explain.remove()
	releaseEnumCollations(c)
	c.drv = nil
	c.db = 0
	return err
}

// sqliteErr is a raw SQLite error.
type sqliteErr struct {
	code   int // extended result code
	msg    string
	offset int // byte offset of the error in the SQL, -1 if unknown
}

func (e *sqliteErr) Error() string { return e.msg }

func (c *lconn) err(rc int32) *sqliteErr {
	ext := lib.Xsqlite3_extended_errcode(c.tls, c.db)
	msg := libc.GoString(lib.Xsqlite3_errmsg(c.tls, c.db))
	if ext&0xff != rc&0xff {
		ext = rc
		msg = libc.GoString(lib.Xsqlite3_errstr(c.tls, rc))
	}
	off := int(lib.Xsqlite3_error_offset(c.tls, c.db))
	return &sqliteErr{code: int(ext), msg: msg, offset: off}
}

// exec runs SQL without arguments or results (all statements of it).
func (c *lconn) exec(sqlText string) error {
	defer c.enums.afterExec(c, sqlText) // enum_order.go: a ROLLBACK may undo an enum change
	for rest := sqlText; ; {
		st, tail, err := c.prepareCached(rest)
		if err != nil {
			return err
		}
		if st == nil {
			return nil
		}
		_, err = st.run(nil, nil)
		st.release()
		if err != nil {
			return err
		}
		rest = tail
	}
}

type lstmt struct {
	c      *lconn
	p      uintptr
	binds  []uintptr // C memory to free after finalize
	cached bool
	busy   bool // checked out of the cache
	// alters: compiling it showed more than reads and writes of rows
	// (a schema change, a PRAGMA, a rollback: see altersConn), so
	// running it may change what the connection has cached.
	alters bool
	ro     int8 // readonly's answer: 0 not asked yet, 1 read-only, 2 not
	// groupChecked: the statement passed the grouping check
	// (groupcheck.go); a cached copy is not checked again
	groupChecked bool
	// desc: the result description of a read (readdesc.go)
	desc *readDesc
	// conv: the statement converted by its columns' declared types
	// (compiledconvert.go): 0 not asked yet, 1 nothing to convert, 2
	// convSQL is the converted statement, 3 convErr refuses it
	conv    int8
	convSQL string
	convErr *Error
	// armDecls: a compound SELECT's operands' declared column types, once
	// asked (compounddecl.go)
	armDecls [][]string
	// unionWrap: 0 not asked yet, 1 a UNION that keeps the first of
	// equal rows (pgdialect/unionfirst.go), 2 not
	unionWrap int8
}

// prepare compiles the first statement of sqlText. It returns nil if there is
// nothing but whitespace/comments left.
func (c *lconn) prepare(sqlText string) (*lstmt, string, error) {
	c.syncSchema()
	return c.prepareFresh(sqlText)
}

// syncSchema makes the connection's in-memory schema current before a
// prepare. SQLite compiles against the schema it last loaded and only
// notices a newer one (written by the apply connection) when a statement
// steps; until then the statement's columns are the old ones, so a "SELECT *"
// after ALTER TABLE would be described with a column missing. When the
// schema version moved, cached statements are dropped and a read of
// sqlite_schema makes SQLite reload the schema.
func (c *lconn) syncSchema() {
	if c.sharedSchema != nil && c.sharedSchema.Load() == c.cacheSchema && c.cacheSchema != 0 {
		return
	}
	if c.soleWriter && c.unsynced&unsyncedSchema == 0 && c.cacheSchema != 0 {
		return // nothing ran since the last read that could change it
	}
	if a := c.auth; a != nil && a.mode != authOff {
		// raftsql's own statements, not the user's: not authorized.
		prev := a.mode
		a.mode = authOff
		defer func() { a.mode = prev }()
	}
	v, err := c.schemaVersion()
	if err != nil {
		return
	}
	c.unsynced &^= unsyncedSchema
	if v == c.cacheSchema {
		return
	}
	c.dropCache()
	c.cacheSchema = v
	if st, _, err := c.prepareFresh("SELECT count(*) FROM sqlite_schema"); err == nil && st != nil {
		lib.Xsqlite3_step(c.tls, st.p)
		st.finalize()
	}
}

func (c *lconn) prepareFresh(sqlText string) (*lstmt, string, error) {
	c.enums.beforePrepare(c) // enum_order.go
	if c.tempLookups {
		sqlText = withTempLookups(sqlText) // temp.go
	}
	for {
		if len(sqlText) == 0 {
			return nil, "", nil
		}
		z, err := libc.CString(sqlText)
		if err != nil {
			return nil, "", err
		}
		if c.auth != nil {
			c.auth.refused = nil
			c.auth.alters = false
		}
		pp := libc.Xmalloc(c.tls, 16)
		rc := lib.Xsqlite3_prepare_v2(c.tls, c.db, z, int32(len(sqlText)), pp, pp+8)
		p := *(*uintptr)(cptr(pp))
		tailp := *(*uintptr)(cptr(pp + 8))
		libc.Xfree(c.tls, pp)
		consumed := len(sqlText)
		if tailp != 0 {
			consumed = int(tailp - z)
		}
		libc.Xfree(c.tls, z)
		if rc != lib.SQLITE_OK {
			if c.auth != nil && c.auth.refused != nil {
				return nil, "", c.auth.refused // what the authorizer refused, by name
			}
			return nil, "", c.err(rc)
		}
		rest := sqlText[consumed:]
		if p == 0 {
			if consumed == 0 {
				return nil, "", nil
			}
			sqlText = rest
			continue
		}
		return &lstmt{c: c, p: p, alters: c.auth == nil || c.auth.alters}, rest, nil
	}
}

func (s *lstmt) finalize() {
	if s.p != 0 {
		lib.Xsqlite3_finalize(s.c.tls, s.p)
		s.p = 0
	}
	for _, b := range s.binds {
		libc.Xfree(s.c.tls, b)
	}
	s.binds = nil
}

// readonly reports a statement that does not write. A call of a sequence
// function writes (sequences.go), which SQLite cannot see.
func (s *lstmt) readonly() bool {
	// Memoized: a compiled statement's text, and so its answer, is
	// fixed, and a cached statement is asked at every Execute.
	if s.ro == 0 {
		s.ro = 2
		if lib.Xsqlite3_stmt_readonly(s.c.tls, s.p) != 0 &&
			!pgdialect.CallsStateFunction(libc.GoString(lib.Xsqlite3_sql(s.c.tls, s.p))) {
			s.ro = 1
		}
	}
	return s.ro == 1
}

func (s *lstmt) paramCount() int { return int(lib.Xsqlite3_bind_parameter_count(s.c.tls, s.p)) }

func (s *lstmt) columnCount() int { return int(lib.Xsqlite3_column_count(s.c.tls, s.p)) }

func (s *lstmt) columnName(i int) string {
	return libc.GoString(lib.Xsqlite3_column_name(s.c.tls, s.p, int32(i)))
}

// sqlText is the statement's SQL text (sqlite3_sql).
func (s *lstmt) sqlText() string {
	return libc.GoString(lib.Xsqlite3_sql(s.c.tls, s.p))
}

func (s *lstmt) columnDecl(i int) string {
	p := lib.Xsqlite3_column_decltype(s.c.tls, s.p, int32(i))
	if p == 0 {
		return ""
	}
	return libc.GoString(p)
}

// columnOrigin is the table and column result column i reads, "" for an
// expression (SQLite's column metadata).
func (s *lstmt) columnOrigin(i int) (table, column string) {
	t := lib.Xsqlite3_column_table_name(s.c.tls, s.p, int32(i))
	c := lib.Xsqlite3_column_origin_name(s.c.tls, s.p, int32(i))
	if t == 0 || c == 0 {
		return "", ""
	}
	return libc.GoString(t), libc.GoString(c)
}

func (s *lstmt) bind(args []any) error {
	n := s.paramCount()
	if len(args) < n {
		return &Error{Code: "08P01", Message: fmt.Sprintf("bind message supplies %d parameters, but prepared statement requires %d", len(args), n)}
	}
	tls := s.c.tls
	for i := 0; i < n; i++ {
		idx := int32(i + 1)
		var rc int32
		switch v := args[i].(type) {
		case nil:
			rc = lib.Xsqlite3_bind_null(tls, s.p, idx)
		case int64:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, idx, v)
		case int:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, idx, int64(v))
		case int32:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, idx, int64(v))
		case int16:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, idx, int64(v))
		case uint32:
			rc = lib.Xsqlite3_bind_int64(tls, s.p, idx, int64(v))
		case bool:
			b := int64(0)
			if v {
				b = 1
			}
			rc = lib.Xsqlite3_bind_int64(tls, s.p, idx, b)
		case float64:
			if math.IsNaN(v) {
				// SQLite binds a NaN as NULL: a float8 parameter's NaN
				// (binary or text format) would be stored as NULL
				return &Error{Code: "0A000", Message: pgdialect.FloatNaNMessage("double precision")}
			}
			rc = lib.Xsqlite3_bind_double(tls, s.p, idx, v)
		case float32:
			if math.IsNaN(float64(v)) {
				return &Error{Code: "0A000", Message: pgdialect.FloatNaNMessage("real")}
			}
			rc = lib.Xsqlite3_bind_double(tls, s.p, idx, float64(v))
		case string:
			rc = s.bindText(idx, v)
		case time.Time:
			rc = s.bindText(idx, formatTime(v))
		case []byte:
			if len(v) == 0 {
				rc = lib.Xsqlite3_bind_zeroblob(tls, s.p, idx, 0)
			} else {
				m := libc.Xmalloc(tls, uint64(len(v)))
				copy((*libc.RawMem)(cptr(m))[:len(v):len(v)], v)
				s.binds = append(s.binds, m)
				rc = lib.Xsqlite3_bind_blob(tls, s.p, idx, m, int32(len(v)), 0)
			}
		default:
			rc = s.bindText(idx, fmt.Sprint(v))
		}
		if rc != lib.SQLITE_OK {
			return s.c.err(rc)
		}
	}
	return nil
}

func (s *lstmt) bindText(idx int32, v string) int32 {
	m := libc.Xmalloc(s.c.tls, uint64(len(v)+1))
	b := (*libc.RawMem)(cptr(m))[: len(v)+1 : len(v)+1]
	copy(b, v)
	b[len(v)] = 0
	s.binds = append(s.binds, m)
	return lib.Xsqlite3_bind_text(s.c.tls, s.p, idx, m, int32(len(v)), 0)
}

func formatTime(t time.Time) string {
	if t.Location() == time.UTC {
		return t.Format("2006-01-02 15:04:05.999999")
	}
	return t.Format("2006-01-02 15:04:05.999999-07:00")
}

// run binds args and steps the statement to completion, calling row for
// each result row (values valid after return). It returns sqlite3_changes64
// (only meaningful for DML).
func (s *lstmt) run(args []any, row func([]any) error) (int64, error) {
	if s.alters {
		s.c.unsynced = unsyncedAll
	}
	n, err := s.step(args, row)
	if s.alters || err != nil {
		// After it too: a nested statement (a function's, a row
		// callback's) may have read the state in between. A failed
		// statement may have rolled the transaction back, undoing
		// schema changes made before it.
		s.c.unsynced = unsyncedAll
	}
	return n, err
}

func (s *lstmt) step(args []any, row func([]any) error) (int64, error) {
	if len(args) > 0 || s.paramCount() > 0 {
		if err := s.bind(args); err != nil {
			return 0, err
		}
	}
	tls := s.c.tls
	m := s.c.meter
	e := s.c.enums
	if e != nil {
		e.badType = ""
	}
	if m != nil && m.spec > 0 {
		if err := m.speculationGuard(s.c, s.p); err != nil {
			return 0, err
		}
	}
	var prev stmtMark
	if m != nil {
		prev = m.startStmt(tls, s.p)
	}
	for {
		rc := lib.Xsqlite3_step(tls, s.p)
		switch rc {
		case lib.SQLITE_ROW:
			if err := e.checkBad(); err != nil { // enum_order.go
				lib.Xsqlite3_reset(tls, s.p)
				if m != nil {
					m.finishStmt(tls, s.p, prev, false)
				}
				return 0, err
			}
			if row != nil {
				// Counted after the step: a statement recompiled for a
				// changed schema may have a different column count.
				ncol := s.columnCount()
				vals := make([]any, ncol)
				for i := 0; i < ncol; i++ {
					vals[i] = s.value(i)
				}
				if err := row(vals); err != nil {
					lib.Xsqlite3_reset(tls, s.p)
					if m != nil {
						m.finishStmt(tls, s.p, prev, false)
					}
					return 0, err
				}
			}
		case lib.SQLITE_DONE:
			n := int64(lib.Xsqlite3_changes64(tls, s.c.db))
			if m != nil {
				if e := m.finishStmt(tls, s.p, prev, true); e != nil {
					return 0, e
				}
			}
			if err := e.checkBad(); err != nil { // enum_order.go
				return 0, err
			}
			return n, nil
		default:
			e := s.c.err(rc)
			lib.Xsqlite3_reset(tls, s.p)
			if m != nil {
				// The handler's reason (budget, timeout, shutdown)
				// replaces SQLite's bare "interrupted".
				me := m.finishStmt(tls, s.p, prev, false)
				if me == nil && m.cancel != nil {
					// sqlite3_interrupt came before the handler's call.
					me = m.cancel.reason.Load()
				}
				if me != nil && rc&0xff == lib.SQLITE_INTERRUPT {
					return 0, me
				}
			}
			return 0, e
		}
	}
}

func (s *lstmt) value(i int) any {
	tls := s.c.tls
	ic := int32(i)
	switch lib.Xsqlite3_column_type(tls, s.p, ic) {
	case lib.SQLITE_INTEGER:
		return lib.Xsqlite3_column_int64(tls, s.p, ic)
	case lib.SQLITE_FLOAT:
		return lib.Xsqlite3_column_double(tls, s.p, ic)
	case lib.SQLITE_TEXT:
		p := lib.Xsqlite3_column_text(tls, s.p, ic)
		n := int(lib.Xsqlite3_column_bytes(tls, s.p, ic))
		if p == 0 || n == 0 {
			return ""
		}
		return string((*libc.RawMem)(cptr(p))[:n:n])
	case lib.SQLITE_BLOB:
		p := lib.Xsqlite3_column_blob(tls, s.p, ic)
		n := int(lib.Xsqlite3_column_bytes(tls, s.p, ic))
		b := make([]byte, n)
		if p != 0 && n > 0 {
			copy(b, (*libc.RawMem)(cptr(p))[:n:n])
		}
		return b
	default:
		return nil
	}
}

var _ = math.MaxInt64

// releaseMemory frees the page-cache pages of c that no statement holds
// (sqlite3_db_release_memory): for a connection put aside, whose cache
// would otherwise stay allocated while it idles.
func (c *lconn) releaseMemory() {
	if c.db != 0 {
		lib.Xsqlite3_db_release_memory(c.tls, c.db)
	}
}

// inTx reports whether a transaction is open on c.
func (c *lconn) inTx() bool { return c.db != 0 && lib.Xsqlite3_get_autocommit(c.tls, c.db) == 0 }

// interruptConn aborts the statement running on c (sqlite3_interrupt is
// safe to call from another thread).
func interruptConn(c *lconn) {
	tls := libc.NewTLS()
	defer tls.Close()
	if db := c.db; db != 0 {
		lib.Xsqlite3_interrupt(tls, db)
	}
}

// cptr turns an address in modernc's C heap (memory from libc.Xmalloc or
// SQLite, which the Go garbage collector neither tracks nor moves) into a
// pointer. Reading the uintptr's bits instead of converting it keeps
// go vet's unsafeptr check meaningful for real Go pointers.
func cptr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }
