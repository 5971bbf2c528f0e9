package sqlexec

import (
	"context"
	"fmt"
	"strings"

	"github.com/raftsql/raftsql/pgwire"
	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	lib "modernc.org/sqlite/lib"
)

// Temporary objects (CREATE TEMP TABLE / TEMP VIEW).
//
// A session's temporary objects live in a temporary space of its own: one
// SQLite connection to the node's database file, opened at the session's
// first CREATE TEMP, whose temp schema holds them (SQLite's temp schema is
// per connection, like PostgreSQL's pg_temp per backend) and which closes
// with the session, dropping them. Nothing of it enters the log. The
// connection is not query_only (it writes its temp schema) but its
// authorizer (authTemp, authorize.go) refuses every write and schema
// change outside the temp schema, so it can never change the replicated
// database.
//
// While a session has temporary objects, each statement is first compiled
// on that connection and the authorizer tells which objects it touches:
// one that touches none takes the normal path; one that does runs there,
// on the node's latest applied state (after the read barrier, as any
// read). A statement that touches a temporary object and writes the
// replicated database is refused (0A000 naming the object): what it
// would write depends on data that exists on one node only, so it cannot
// enter the log. Inside a transaction block (also the implicit one of a
// multi-statement query string) temporary objects are refused too: the
// block's reads come from its read view and its writes are validated at
// COMMIT, and the temporary space takes part in neither.
//
// Restore (installing a snapshot) and Close replace or close the database
// file: they close every temporary space first (each holds the file
// open), and the session's next statement ends the session with 57P01.

// tempSpace is one session's temporary schema.
type tempSpace struct {
	db *DB
	c  *lconn // nil once closed by Restore/Close (the objects are lost)
	// builtin: the temp schema's objects at open (the catalog views).
	builtin map[string]bool
	// names: the session's temporary tables and views (lower case).
	names map[string]bool
	// deleteRows: tables created ON COMMIT DELETE ROWS.
	deleteRows map[string]bool
}

func (db *DB) openTemp() (*tempSpace, error) {
	db.rmu.RLock()
	defer db.rmu.RUnlock()
	if db.closed {
		return nil, errClosed
	}
	c, err := db.openConn(nil, authTemp)
	if err != nil {
		return nil, err
	}
	c.tempLookups = true
	ts := &tempSpace{db: db, c: c, names: map[string]bool{}, deleteRows: map[string]bool{}}
	ts.builtin, err = ts.tempObjects()
	if err != nil {
		c.close()
		return nil, err
	}
	db.tmu.Lock()
	if db.temps == nil {
		db.temps = make(map[*tempSpace]struct{})
	}
	db.temps[ts] = struct{}{}
	db.tmu.Unlock()
	return ts, nil
}

// closeTemps closes every temporary space; the caller holds db.rmu for
// writing, so none is in use.
func (db *DB) closeTemps() {
	db.tmu.Lock()
	defer db.tmu.Unlock()
	for ts := range db.temps {
		if ts.c != nil {
			ts.c.close()
			ts.c = nil
		}
	}
	db.temps = nil
}

// close drops the session's temporary objects (session end).
func (ts *tempSpace) close() {
	ts.db.tmu.Lock()
	defer ts.db.tmu.Unlock()
	if ts.c != nil {
		ts.c.close()
		ts.c = nil
	}
	delete(ts.db.temps, ts)
}

// with runs fn on the temporary space's connection.
func (ts *tempSpace) with(ctx context.Context, fn func(c *lconn) error) error {
	ts.db.rmu.RLock()
	defer ts.db.rmu.RUnlock()
	if ts.c == nil {
		return &Error{Code: "57P01", Sev: "FATAL", Statement: -1,
			Message: "terminating connection: the node replaced its database (snapshot installed) and this session's temporary objects are gone"}
	}
	c := ts.c
	c.mu.Lock()
	defer c.mu.Unlock()
	defer c.watch(ctx, true)()
	return fn(c)
}

// tempObjects lists the temp schema's tables and views.
func (ts *tempSpace) tempObjects() (map[string]bool, error) {
	st, _, err := ts.c.prepare("SELECT name FROM temp.sqlite_schema WHERE type IN ('table', 'view')")
	if err != nil {
		return nil, err
	}
	defer st.finalize()
	out := map[string]bool{}
	_, err = st.run(nil, func(r []any) error {
		if n, ok := r[0].(string); ok {
			out[strings.ToLower(n)] = true
		}
		return nil
	})
	return out, err
}

// refreshNames re-reads the session's objects after a schema change.
func (ts *tempSpace) refreshNames() error {
	all, err := ts.tempObjects()
	if err != nil {
		return err
	}
	ts.names = map[string]bool{}
	for n := range all {
		if !ts.builtin[n] {
			ts.names[n] = true
		}
	}
	for n := range ts.deleteRows {
		if !ts.names[n] {
			delete(ts.deleteRows, n)
		}
	}
	return nil
}

// tempUse is what compiling a statement on the temporary space saw.
type tempUse struct {
	temp       string // the first temporary object it touches ("" none)
	createTemp bool   // it creates or drops a temporary object
	writesMain bool   // it writes or changes the replicated database
	readsMain  bool
}

// classify compiles sqlText on c and reports what it touches.
func (ts *tempSpace) classify(c *lconn, sqlText string) tempUse {
	var u tempUse
	c.auth.seen = func(action int32, arg1, arg2, dbName, inner string) {
		isTemp := strings.EqualFold(dbName, "temp")
		switch action {
		case lib.SQLITE_CREATE_TEMP_TABLE, lib.SQLITE_CREATE_TEMP_VIEW, lib.SQLITE_CREATE_TEMP_INDEX, lib.SQLITE_CREATE_TEMP_TRIGGER,
			lib.SQLITE_DROP_TEMP_TABLE, lib.SQLITE_DROP_TEMP_VIEW, lib.SQLITE_DROP_TEMP_INDEX, lib.SQLITE_DROP_TEMP_TRIGGER:
			u.createTemp = true
			if u.temp == "" {
				u.temp = arg1
			}
			if action == lib.SQLITE_CREATE_TEMP_INDEX || action == lib.SQLITE_DROP_TEMP_INDEX {
				u.temp = arg2
			}
		case lib.SQLITE_INSERT, lib.SQLITE_UPDATE, lib.SQLITE_DELETE:
			if !isTemp {
				u.writesMain = true
			} else if ts.names[strings.ToLower(arg1)] && u.temp == "" {
				u.temp = arg1
			}
		case lib.SQLITE_READ:
			if isTemp && ts.names[strings.ToLower(arg1)] && u.temp == "" {
				u.temp = arg1
			}
			if !isTemp {
				u.readsMain = true
			}
		case lib.SQLITE_CREATE_TABLE, lib.SQLITE_CREATE_INDEX, lib.SQLITE_CREATE_VIEW, lib.SQLITE_CREATE_TRIGGER,
			lib.SQLITE_DROP_TABLE, lib.SQLITE_DROP_INDEX, lib.SQLITE_DROP_VIEW, lib.SQLITE_DROP_TRIGGER,
			lib.SQLITE_ALTER_TABLE, lib.SQLITE_REINDEX, lib.SQLITE_ANALYZE:
			if action == lib.SQLITE_ALTER_TABLE && strings.EqualFold(arg1, "temp") {
				if u.temp == "" {
					u.temp = arg2
				}
				break
			}
			if isTemp { // CREATE TABLE temp.x ... (SQLite's spelling)
				u.createTemp = true
				if u.temp == "" {
					u.temp = arg1
				}
				break
			}
			u.writesMain = true
		}
		// A temporary view is reported as the view through which a
		// table is read.
		if inner != "" && ts.names[strings.ToLower(inner)] && u.temp == "" {
			u.temp = inner
		}
	}
	defer func() { c.auth.seen = nil }()
	if st, _, err := c.prepare(sqlText); err == nil && st != nil {
		st.finalize()
	}
	if u.temp == "" && !u.writesMain {
		// SQLite authorizes column reads: a table read for no column
		// (SELECT count(*) FROM t) is not reported. Its name in the
		// text is enough for a statement that writes nothing
		// replicated (running a read here instead is only slower).
		for _, w := range sqlWords(sqlText) {
			if ts.names[w] {
				u.temp = w
				break
			}
		}
	}
	return u
}

// sqlWords lists the identifiers of a SQLite statement, lower case
// (quoted ones unquoted), over-approximating: words in strings and
// comments are included.
func sqlWords(sqlText string) []string {
	var out []string
	for i := 0; i < len(sqlText); {
		ch := sqlText[i]
		switch {
		case ch == '"' || ch == '`':
			j := strings.IndexByte(sqlText[i+1:], ch)
			if j < 0 {
				return out
			}
			out = append(out, strings.ToLower(sqlText[i+1:i+1+j]))
			i += j + 2
		case ch == '_' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= 0x80:
			j := i + 1
			for j < len(sqlText) && (sqlText[j] == '_' || sqlText[j] == '$' || sqlText[j] >= 'a' && sqlText[j] <= 'z' ||
				sqlText[j] >= 'A' && sqlText[j] <= 'Z' || sqlText[j] >= '0' && sqlText[j] <= '9' || sqlText[j] >= 0x80) {
				j++
			}
			out = append(out, strings.ToLower(sqlText[i:j]))
			i = j
		default:
			i++
		}
	}
	return out
}

// tempRefusal is the policy of a temporary space: a read connection's,
// and changes only to the temp schema.
func tempRefusal(action int32, arg1, arg2, dbName string) *Error {
	if e := readRefusal(action, arg1, arg2); e != nil {
		return e
	}
	isTemp := strings.EqualFold(dbName, "temp")
	switch action {
	case lib.SQLITE_INSERT, lib.SQLITE_UPDATE, lib.SQLITE_DELETE:
		if !isTemp {
			return Unsupported("writing replicated table " + arg1 + " in a statement that uses temporary objects")
		}
	case lib.SQLITE_CREATE_TABLE, lib.SQLITE_CREATE_INDEX, lib.SQLITE_CREATE_VIEW, lib.SQLITE_CREATE_TRIGGER,
		lib.SQLITE_DROP_TABLE, lib.SQLITE_DROP_INDEX, lib.SQLITE_DROP_VIEW, lib.SQLITE_DROP_TRIGGER,
		lib.SQLITE_REINDEX, lib.SQLITE_ANALYZE:
		if !isTemp {
			return Unsupported("changing the replicated schema in a statement that uses temporary objects")
		}
	case lib.SQLITE_ALTER_TABLE:
		if !strings.EqualFold(arg1, "temp") {
			return Unsupported("changing the replicated schema in a statement that uses temporary objects")
		}
	case lib.SQLITE_CREATE_TEMP_TRIGGER:
		return Unsupported("temporary triggers (CREATE TEMP TRIGGER / temp." + arg1 + ")")
	}
	switch action {
	case lib.SQLITE_CREATE_TRIGGER:
		return Unsupported("temporary triggers (CREATE TEMP TRIGGER / temp." + arg1 + ")")
	case lib.SQLITE_TRANSACTION, lib.SQLITE_SAVEPOINT:
		return Unsupported(arg1 + " on temporary objects")
	}
	return nil
}

// tempExec runs st in the session's temporary space when it creates or
// touches a temporary object; handled is false for any other statement.
func (s *Session) tempExec(ctx context.Context, st *pgdialect.Stmt, args []any, w pgwire.ResultWriter, describe bool) (handled bool, err error) {
	if !st.Temp && (s.temp == nil || len(s.temp.names) == 0) {
		return false, nil
	}
	if st.Temp && s.temp == nil {
		if s.tx != nil {
			return true, tempInBlock(st.Tag)
		}
		ts, err := s.e.db.openTemp()
		if err != nil {
			return true, err
		}
		s.temp = ts
	}
	ts := s.temp
	var uses []tempUse
	err = ts.with(ctx, func(c *lconn) error {
		for _, x := range st.Exec {
			u := ts.classify(c, x)
			u.createTemp = u.createTemp || st.Temp // (also when it does not compile: its error is reported from here)
			if u.temp == "" && !u.createTemp {
				if len(uses) > 0 {
					return Unsupported("a statement on both temporary and replicated tables")
				}
				return nil // not temporary: the normal path
			}
			uses = append(uses, u)
		}
		return nil
	})
	if err != nil || len(uses) == 0 {
		return err != nil, err
	}
	readsMain := false
	for _, u := range uses {
		if u.writesMain {
			return true, Unsupported(fmt.Sprintf("a statement that uses temporary object %s and changes replicated data (%s exists only in this session on this node; the change could not be replicated)", u.temp, u.temp))
		}
		readsMain = readsMain || u.readsMain
	}
	if s.tx != nil {
		return true, tempInBlock(uses[0].temp)
	}
	if s.defaultReadOnly() && isSchemaChange(st.Tag) {
		// A read-only transaction may write temporary tables' rows but
		// not the catalog, as in PostgreSQL (txmodes.go).
		return true, errf(CodeReadOnlyTransaction, "cannot execute %s in a read-only transaction", st.Tag)
	}
	if readsMain {
		// Reads of replicated tables are reads like any other: after
		// the read barrier (outside ts.with: the barrier may wait for
		// an apply that needs the database lock).
		if err := s.barrier(ctx); err != nil {
			return true, err
		}
	}
	var results []StatementResult
	renamed := false // a table renamed
	err = ts.with(ctx, func(c *lconn) error {
		for _, x := range st.Exec {
			x, err := tempTableChange(x)
			if err != nil {
				return err
			}
			renamed = renamed || strings.Contains(x, " RENAME TO ")
			q, _, err := c.prepare(x)
			if err != nil {
				return mapError(err, x)
			}
			if q == nil {
				continue
			}
			if c.det != nil {
				c.det.clearUpserted() // upsertxmax.go: a temporary table's upsert
			}
			res := runPrepared(c, q, x, args, tempVerb(st))
			q.finalize()
			results = append(results, res)
			if res.Err != nil {
				break
			}
		}
		if st.Temp && st.OnCommit == "DROP" && len(results) > 0 && results[0].Err == nil {
			// ON COMMIT DROP outside a transaction block: the
			// statement's own transaction ends at once.
			if err := c.exec("DROP TABLE temp." + quoteIdent(uses[0].temp)); err != nil {
				return mapError(err, "")
			}
		}
		if uses[0].createTemp || renamed {
			if err := ts.refreshNames(); err != nil { // (renamed: the new name routes)
				return err
			}
			if st.Temp && st.OnCommit == "DELETE ROWS" {
				ts.deleteRows[strings.ToLower(uses[0].temp)] = true
			}
		}
		// ON COMMIT DELETE ROWS: every statement outside a block
		// commits on its own.
		for n := range ts.deleteRows {
			if err := c.exec("DELETE FROM temp." + quoteIdent(n)); err != nil {
				return mapError(err, "")
			}
		}
		return nil
	})
	handled = true
	if !handled || err != nil {
		return handled, err
	}
	if st.TableAs != nil && !st.NoRows { // CREATE TEMP TABLE ... AS: the INSERT's count
		for _, r := range results {
			if r.Err != nil {
				return true, r.Err
			}
		}
		return true, w.Complete(makeTag("SELECT", results[len(results)-1].RowsAffected))
	}
	if st.NoRows { // DDL carried out by a SELECT of a function: only the tag is the client's
		for _, r := range results {
			if r.Err != nil {
				return true, r.Err
			}
		}
		return true, w.Complete(st.Tag)
	}
	if len(results) > 1 {
		// one statement, one answer: DROP TABLE t1, t2 of temporary
		// tables (a DROP per table here) sent two DROP TABLE tags
		return true, emitWrite(w, st, results, describe)
	}
	for i := range results {
		if err := emit(w, &results[i], describe, ""); err != nil {
			return true, err
		}
	}
	return true, nil
}

// tempTableChange is the statement x of a temporary table's ALTER TABLE
// as the temporary space runs it. A table change (pgdialect's TableChange,
// made at apply by tablechange.go on the replicated schema) is a
// placeholder that changes nothing by itself: a rename runs as SQLite's
// (no view of another session reads the table), any other is refused
// rather than answered ALTER TABLE with nothing done.
func tempTableChange(x string) (string, error) {
	ch, ok := pgdialect.ParseTableChange(x)
	if !ok {
		return x, nil
	}
	switch ch.Action {
	case "rename table":
		return "ALTER TABLE temp." + quoteIdent(ch.Table) + " RENAME TO " + quoteIdent(ch.Expr), nil
	case "rename column":
		return "ALTER TABLE temp." + quoteIdent(ch.Table) + " RENAME COLUMN " + quoteIdent(ch.Column) + " TO " + quoteIdent(ch.Expr), nil
	}
	return "", Unsupported(fmt.Sprintf("ALTER TABLE ... %s of temporary table %s", strings.ToUpper(ch.Action), ch.Table))
}

// tempVerb is the tag verb runPrepared gives each statement of st: a
// CREATE TEMP TABLE ... AS's CREATE and INSERT their own (the INSERT's
// count is the tag's).
func tempVerb(st *pgdialect.Stmt) string {
	if st.TableAs != nil {
		return ""
	}
	return st.Tag
}

func tempInBlock(what string) *Error {
	return Unsupported(fmt.Sprintf("temporary object %s inside a transaction block or a query string of several statements (temporary objects take part in no transaction here; use them in statements of their own outside BEGIN ... COMMIT)", what))
}

// mayUseTemp reports a query string that creates or may touch temporary
// objects: it runs statement by statement (as a transaction block, which
// refuses them clearly), never as one proposed entry.
func (s *Session) mayUseTemp(stmts []*pgdialect.Stmt) bool {
	if s.temp != nil && len(s.temp.names) > 0 {
		return true
	}
	for _, st := range stmts {
		if st.Temp {
			return true
		}
	}
	return false
}

// tempDescribe describes sqlText on the temporary space when it touches
// a temporary object (extended protocol Parse).
func (s *Session) tempDescribe(ctx context.Context, sqlText string, fn func(c *lconn) error) (bool, error) {
	if s.temp == nil || len(s.temp.names) == 0 {
		return false, nil
	}
	handled := false
	err := s.temp.with(ctx, func(c *lconn) error {
		if u := s.temp.classify(c, sqlText); u.temp == "" {
			return nil
		}
		handled = true
		return fn(c)
	})
	return handled, err
}

// tempLookupFrom is how a translation looks up a relation's row of
// sqlite_schema (pgdialect's relSchemaRow and the INSERT/UPDATE column
// conversions), and tempLookupBoth the same over the temporary schema
// first and then the replicated one.
const (
	tempLookupFrom = "FROM sqlite_schema WHERE type "
	tempLookupBoth = "FROM (SELECT type, name, sql FROM sqlite_temp_schema UNION ALL SELECT type, name, sql FROM main.sqlite_schema) WHERE type "
)

// withTempLookups makes a text compiled on a session's temporary space
// (lconn.tempLookups: its statements, their descriptions and the probes
// of their result types) read its temporary tables' column types: the translations look them up
// at run time in sqlite_schema, where a temporary table is not, so its
// columns had no type there (date + 1 refused, jsonb stored as sent,
// numeric division and float rounding as SQLite's). The temporary schema
// comes first, as pg_temp does in PostgreSQL's search_path. Only there,
// never in a translation: a replicated statement never reads a temporary
// schema. A temporary view's body is stored as written and compiled
// through this too when it is read.
func withTempLookups(sqlText string) string {
	if !strings.Contains(sqlText, tempLookupFrom) {
		return sqlText
	}
	return strings.ReplaceAll(sqlText, tempLookupFrom, tempLookupBoth)
}
