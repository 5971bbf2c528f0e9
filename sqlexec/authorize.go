package sqlexec

// What may enter the log: an allow-list enforced by SQLite's authorizer.
//
// SQLite calls the authorizer while it compiles a statement, for every
// table read or written, every function called, every PRAGMA, every
// schema change, including the bodies of the views, triggers, column
// DEFAULTs, CHECKs and generated columns the statement expands. So the
// decision is taken on what SQLite parsed, never on the text: a string
// that merely mentions random() is data, and a function reached through a
// view or a trigger is seen. The decision depends only on the statement
// and the schema, so the same check gives the same answer on every node:
// it refuses writes before proposal (checkWrite, on a read connection)
// and again at apply (runSQL), which turns an entry that reached the log
// anyway (an older version logged it) into the same 0A000 on every node.

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	sqlite "modernc.org/sqlite"
	lib "modernc.org/sqlite/lib"
)

// authMode selects the policy of a connection's authorizer.
type authMode int

const (
	// authOff: raftsql's own statements (applied index, request ids,
	// savepoints of the apply batch, schema version reads).
	authOff authMode = iota
	// authWrite: a user statement that enters the log (or is checked or
	// speculated before it does).
	authWrite
	// authRead: the default of read connections, which a pool shares
	// between sessions: nothing may change the connection for the next
	// user (PRAGMA settings) or reach outside the database (ATTACH).
	authRead
	// authTemp: a session's temporary space (temp.go): authRead, and
	// writes and schema changes only in the temporary schema.
	authTemp
)

// authState is one connection's authorizer. It is only touched by the
// goroutine that holds the connection (SQLite calls the authorizer on the
// thread that prepares).
type authState struct {
	mode authMode
	// refused is the first refusal of the statement being compiled; the
	// prepare then fails with SQLITE_AUTH and this is the error reported.
	refused *Error
	// det is the connection's deterministic state: its pinned seed also
	// seeds SQLite's own PRNG for a user statement (pinsqlite.go).
	det *detState
	// seen, when set, is told every action in authTemp mode, and nothing
	// is refused: temp.go classifies statements with it, compiling them
	// without running them.
	seen func(action int32, arg1, arg2, dbName, inner string)
	// alters: the statement being compiled does more than read and
	// write rows (altersConn); prepareFresh reads it into lstmt.alters.
	alters bool
	// touch, when set, is told every table a statement compiled under
	// a policy reads or writes (dmlcte.go), before the policy decides.
	touch func(action int32, table, dbName string)
}

// installAuthorizer puts an authorizer (off until a user statement runs)
// on c.
func installAuthorizer(c *lconn, d *detState) error {
	reg, ok := c.drv.(sqlite.AuthorizerRegisterer)
	if !ok {
		return fmt.Errorf("sqlexec: sqlite driver connection %T has no authorizer", c.drv)
	}
	a := &authState{det: d}
	if err := reg.RegisterAuthorizer(a.authorize); err != nil {
		return fmt.Errorf("sqlexec: install authorizer: %w", err)
	}
	c.auth = a
	return nil
}

// enterAuth switches c to mode for one user statement and returns the
// function that restores the previous mode.
func (c *lconn) enterAuth(mode authMode) func() {
	a := c.auth
	if a == nil {
		return func() {}
	}
	prev := a.mode
	a.mode, a.refused = mode, nil
	return func() { a.mode = prev }
}

// replicatedMode is the policy for a statement runSQL runs on c: the
// write allow-list, except on read connections.
func (c *lconn) replicatedMode() authMode {
	if c.auth != nil && c.auth.mode == authRead {
		return authRead
	}
	return authWrite
}

// isRefusal reports an error of the allow-list (or of refuseStatementKind):
// it is the statement's, the same on every try, never a conflict.
func isRefusal(err error) bool {
	e, ok := err.(*Error)
	return ok && (e.Code == CodeFeatureNotSupported || e.Code == CodeInsufficientPrivs)
}

// authRefusal is the refusal recorded while compiling or re-compiling the
// current statement, if any.
func (c *lconn) authRefusal() *Error {
	if c.auth == nil {
		return nil
	}
	return c.auth.refused
}

// forgetRefusal clears the refusal of an earlier statement, so that
// authRefusal after the next one is that statement's own.
func (c *lconn) forgetRefusal() {
	if c.auth != nil {
		c.auth.refused = nil
	}
}

// sqliteSeed is the seed of SQLite's PRNG for the statement about to run
// on c: ok only while c's deterministic state is pinned to an entry.
func (c *lconn) sqliteSeed() (uint32, bool) {
	if c.auth == nil || c.auth.det == nil {
		return 0, false
	}
	return c.auth.det.sqliteSeed()
}

// checkWrite compiles sqlText under the write allow-list on a read
// connection, before it is proposed, and returns the refusal if there is
// one. Other compile errors (a table this replica has not applied yet) are
// left to the log: at its position the statement fails, or is refused,
// the same way on every node.
func (db *DB) checkWrite(ctx context.Context, sqlText string) error {
	if e := refuseStatementKind(sqlText); e != nil {
		return e
	}
	refusal, _, err := db.compileWrite(ctx, sqlText)
	if refusal != nil {
		return refusal
	}
	return err
}

// compileWrite compiles sqlText under the write allow-list on a read
// connection: refusal is the allow-list's, compileErr any other compile
// error, err a failure to get a connection.
func (db *DB) compileWrite(ctx context.Context, sqlText string) (refusal *Error, compileErr, err error) {
	err = db.withReader(ctx, func(c *lconn) error {
		refusal, compileErr = compileWriteOn(c, sqlText)
		return nil
	})
	return refusal, compileErr, err
}

// compileWriteOn is compileWrite on the read connection c, held.
func compileWriteOn(c *lconn, sqlText string) (refusal *Error, compileErr error) {
	c.syncSchema()
	defer c.enterAuth(authWrite)()
	// Cached: a statement is authorized when compiled, and the cache
	// is emptied when the schema changes.
	st, _, err := c.prepareCached(sqlText)
	if st != nil {
		st.release()
	}
	if err != nil {
		return c.authRefusal(), err
	}
	return nil, nil
}

func (a *authState) deny(e *Error) sqlite.AuthorizerReturnCode {
	if a.refused == nil {
		a.refused = e
	}
	return sqlite.AuthorizerDeny
}

func (a *authState) authorize(action sqlite.AuthorizerActionCode, arg1, arg2, dbName, inner string) sqlite.AuthorizerReturnCode {
	if altersConn(int32(action), arg1) {
		a.alters = true
	}
	if a.mode == authOff {
		return sqlite.AuthorizerOK
	}
	if a.touch != nil {
		switch int32(action) {
		case lib.SQLITE_READ, lib.SQLITE_INSERT, lib.SQLITE_UPDATE, lib.SQLITE_DELETE:
			a.touch(int32(action), arg1, dbName)
		}
	}
	var e *Error
	if a.mode == authRead {
		e = readRefusal(int32(action), arg1, arg2)
	} else if a.mode == authTemp {
		if a.seen != nil {
			// Classifying: the statement is compiled to see what it
			// touches and finalized without running.
			a.seen(int32(action), arg1, arg2, dbName, inner)
			return sqlite.AuthorizerOK
		}
		e = tempRefusal(int32(action), arg1, arg2, dbName)
	} else {
		e = writeRefusal(int32(action), arg1, arg2, dbName)
	}
	if e != nil {
		return a.deny(e)
	}
	return sqlite.AuthorizerOK
}

// readRefusal is the policy of pooled read connections: PRAGMAs only read
// (no argument) or inspect an object named by their argument.
func readRefusal(action int32, arg1, arg2 string) *Error {
	switch action {
	case lib.SQLITE_PRAGMA:
		name := strings.ToLower(arg1)
		if arg2 == "" && !pragmaActsWithoutArg[name] || pragmaInspects[name] {
			return nil
		}
		return Unsupported(pragmaConstruct(arg1, arg2, "") + " (connection settings cannot be changed; the connection is shared)")
	case lib.SQLITE_ATTACH:
		return Unsupported("ATTACH")
	case lib.SQLITE_DETACH:
		return Unsupported("DETACH")
	case lib.SQLITE_READ:
		// Raw database pages hold every table, the internal ones too
		// (raftsql_roles' password verifiers): reading them would bypass
		// the refusal of raftsql_* names.
		if strings.EqualFold(arg1, "sqlite_dbpage") {
			return internalRefusal()
		}
	}
	return nil
}

// pragmaInspects: PRAGMAs whose argument names what they report on.
var pragmaInspects = setOf("table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
	"foreign_key_list", "foreign_key_check", "integrity_check", "quick_check")

// pragmaCostly: inspecting PRAGMAs that read the whole database in one
// virtual machine step (beyond any step budget).
var pragmaCostly = setOf("integrity_check", "quick_check", "foreign_key_check")

// pragmaActsWithoutArg: PRAGMAs that do something even without an argument.
var pragmaActsWithoutArg = setOf("optimize", "shrink_memory", "wal_checkpoint", "incremental_vacuum")

// writeRefusal is the allow-list for statements that enter the log: nil
// when the action is allowed, else the error naming what is refused.
func writeRefusal(action int32, arg1, arg2, dbName string) *Error {
	switch action {
	case lib.SQLITE_SELECT, lib.SQLITE_RECURSIVE:
		return nil
	case lib.SQLITE_FUNCTION:
		if strings.EqualFold(arg2, "set_config") {
			return errSetConfigHere() // setconfig.go
		}
		if strings.EqualFold(arg2, explainRowFunc) {
			// only raftsql's own triggers call it (view_check.go); a
			// user's statement cannot name it (guardInternal)
			return nil
		}
		if !writeFunctionAllowed(arg2) {
			return Unsupported(fmt.Sprintf("function %s() in a replicated statement (its value is not the same on every replica)", strings.ToLower(arg2)))
		}
		return nil
	case lib.SQLITE_READ, lib.SQLITE_INSERT, lib.SQLITE_UPDATE, lib.SQLITE_DELETE:
		if isInternalName(arg1) && !(action == lib.SQLITE_READ && catalogReadable(arg1, arg2)) {
			return internalRefusal()
		}
		// A module's name used as a table is its eponymous virtual
		// table: dbstat (page layout), sqlite_dbpage (raw pages,
		// writable) ... are not the replicated data. (A user table that
		// has a module's name is refused too.)
		if m := strings.ToLower(arg1); sqliteModules()[m] && !vtabModules[m] {
			return Unsupported("virtual table " + arg1 + " in a replicated statement")
		}
		// The temporary schema is per connection, so nothing in it is
		// replicated. It holds raftsql's catalog views (pg_class,
		// information_schema ...), created from the same SQL on every
		// connection at open and a function of the main schema: a write
		// may read them. Nothing may create, write, alter or drop a
		// temporary object, so it stays that way. SQLite itself rewrites
		// the temp schema table when a table is renamed.
		if strings.EqualFold(dbName, "temp") && action != lib.SQLITE_READ &&
			!(action == lib.SQLITE_UPDATE && isSchemaTable(arg1)) {
			return Unsupported("temporary table or view " + arg1 + " in a replicated statement (temporary objects are not replicated)")
		}
		return nil
	case lib.SQLITE_CREATE_TABLE, lib.SQLITE_CREATE_INDEX, lib.SQLITE_CREATE_VIEW, lib.SQLITE_CREATE_TRIGGER,
		lib.SQLITE_DROP_TABLE, lib.SQLITE_DROP_INDEX, lib.SQLITE_DROP_VIEW, lib.SQLITE_DROP_TRIGGER,
		lib.SQLITE_REINDEX:
		if isInternalName(arg1) || isInternalName(arg2) {
			return internalRefusal()
		}
		if strings.EqualFold(dbName, "temp") { // CREATE TABLE temp.x, "temp".x ...
			return Unsupported("temporary objects (temp." + arg1 + "; temporary objects are not replicated)")
		}
		return nil
	case lib.SQLITE_ANALYZE:
		// ANALYZE without a table name analyzes raftsql's tables too;
		// that only writes statistics, the same on every node.
		return nil
	case lib.SQLITE_ALTER_TABLE: // arg1 database, arg2 table
		if isInternalName(arg2) {
			return internalRefusal()
		}
		if strings.EqualFold(arg1, "temp") {
			return Unsupported("ALTER TABLE of a temporary table")
		}
		return nil
	case lib.SQLITE_CREATE_TEMP_TABLE, lib.SQLITE_CREATE_TEMP_INDEX, lib.SQLITE_CREATE_TEMP_VIEW, lib.SQLITE_CREATE_TEMP_TRIGGER,
		lib.SQLITE_DROP_TEMP_TABLE, lib.SQLITE_DROP_TEMP_INDEX, lib.SQLITE_DROP_TEMP_VIEW, lib.SQLITE_DROP_TEMP_TRIGGER:
		return Unsupported("temporary objects (CREATE TEMP/temp. " + arg1 + "; sessions are not pinned to one replica)")
	case lib.SQLITE_SAVEPOINT: // arg1 BEGIN/RELEASE/ROLLBACK, arg2 name
		if isInternalName(arg2) {
			return internalRefusal()
		}
		return nil
	case lib.SQLITE_TRANSACTION:
		return Unsupported(arg1 + " inside a replicated statement")
	case lib.SQLITE_PRAGMA:
		// The catalog views read the schema through pragma table-valued
		// functions (pragma_table_info(...)), which SQLite authorizes as
		// PRAGMAs: those only read.
		if pragmaInspects[strings.ToLower(arg1)] && !pragmaCostly[strings.ToLower(arg1)] {
			return nil
		}
		// ALTER TABLE ADD COLUMN with a constraint checks the existing
		// rows with quick_check(table): one table, deterministic.
		if strings.EqualFold(arg1, "quick_check") && arg2 != "" {
			return nil
		}
		// Reading the page size (R*Tree sizes its nodes with it): a
		// property of the database file, the same on every replica.
		if strings.EqualFold(arg1, "page_size") && arg2 == "" {
			return nil
		}
		return Unsupported(pragmaConstruct(arg1, arg2, dbName) + " in a replicated statement (connection settings are not replicated)")
	case lib.SQLITE_ATTACH:
		return Unsupported("ATTACH")
	case lib.SQLITE_DETACH:
		return Unsupported("DETACH")
	case lib.SQLITE_CREATE_VTABLE, lib.SQLITE_DROP_VTABLE: // arg1 table, arg2 module
		if isInternalName(arg1) {
			return internalRefusal()
		}
		if !vtabModules[strings.ToLower(arg2)] {
			return Unsupported("virtual table module " + arg2)
		}
		return nil
	}
	return Unsupported(fmt.Sprintf("SQLite operation %d in a replicated statement", action))
}

func pragmaConstruct(name, arg, dbName string) string {
	s := "PRAGMA "
	if dbName != "" {
		s += dbName + "."
	}
	s += name
	if arg != "" {
		s += "(" + arg + ")"
	}
	return s
}

// catalogInternal: internal tables the catalog views read (pg_class,
// pg_sequence, pg_extension ...). Their rows are replicated state, so a
// write may read them through a view; a statement cannot name them itself
// (guardInternal).
//
// raftsql_bools, the two constant rows that type a view's boolean columns
// (pgdialect/viewbools.go), is read by every statement reading such a
// view, writes included (INSERT ... SELECT FROM v).
var catalogInternal = map[string]bool{"raftsql_sequences": true, "raftsql_extensions": true, "raftsql_enums": true,
	"raftsql_bools": true}

// catalogReadable reports whether a replicated statement may read column
// of the internal table: the catalog tables above, and raftsql_roles but
// for its password verifiers (pg_roles reads the rest, also inside a
// transaction that has written).
func catalogReadable(table, column string) bool {
	t := strings.ToLower(table)
	return catalogInternal[t] || t == "raftsql_roles" && !strings.EqualFold(column, "verifier")
}

func internalRefusal() *Error {
	return errf(CodeInsufficientPrivs, "permission denied: raftsql internal tables are not accessible")
}

// isInternalName reports raftsql's own objects (tables raftsql_*, the
// apply batch's savepoint raftsql_entry).
func isInternalName(name string) bool {
	return len(name) >= 8 && strings.EqualFold(name[:8], "raftsql_")
}

func isSchemaTable(name string) bool {
	switch strings.ToLower(name) {
	case "sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema":
		return true
	}
	return false
}

var (
	modulesOnce sync.Once
	modules     map[string]bool
)

// sqliteModules are the virtual table modules compiled into SQLite
// (registerModules fills it when the first database opens).
func sqliteModules() map[string]bool { return modules }

// registerModules records the modules of c's SQLite (the same library for
// every connection of the process).
func registerModules(c *lconn) error {
	var err error
	modulesOnce.Do(func() {
		m := map[string]bool{}
		var st *lstmt
		st, _, err = c.prepareFresh("SELECT name FROM pragma_module_list")
		if err != nil || st == nil {
			return
		}
		defer st.finalize()
		_, err = st.run(nil, func(r []any) error {
			if s, ok := r[0].(string); ok {
				m[strings.ToLower(s)] = true
			}
			return nil
		})
		modules = m
	})
	if err != nil {
		return fmt.Errorf("sqlexec: list sqlite modules: %w", err)
	}
	return nil
}

// vtabModules are the virtual table modules whose contents are a
// deterministic function of the statements applied to them. Not the FTS
// modules: FTS5 compiles PRAGMA data_version (a per-connection counter)
// for its own caching, which the allow-list cannot tell from a user's.
var vtabModules = map[string]bool{"rtree": true, "rtree_i32": true}

// writeFunctionAllowed reports whether a function may be called by a
// statement that enters the log: SQLite's built-ins whose value depends
// only on their arguments (and, for the date functions, the clock, which
// is the entry's pinned time on the apply connection), the functions
// pinned per connection by det.go, and pgdialect's deterministic ones.
func writeFunctionAllowed(name string) bool {
	n := strings.ToLower(name)
	return sqliteDeterministic[n] || pinnedFunctions[n] || pgdialect.IsDeterministic(n)
}

// sqliteDeterministic: SQLite's built-in scalar, aggregate, window, JSON,
// math and date functions, and the internal ones ALTER TABLE compiles.
// Left out on purpose (so refused in writes): changes(), total_changes(),
// last_insert_rowid() (per-connection counters), sqlite_version(),
// sqlite_source_id(), sqlite_compileoption_get/used() (per binary: a
// rolling upgrade would split replicas), sqlite_offset() (file layout),
// load_extension(), fts5_source_id().
var sqliteDeterministic = setOf(
	// core scalar
	"abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "if", "ifnull", "iif",
	"instr", "length", "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif",
	"octet_length", "printf", "quote", "replace", "round", "rtrim", "sign", "soundex", "substr",
	"substring", "trim", "typeof", "unhex", "unicode", "unistr", "unistr_quote", "unlikely", "upper",
	"zeroblob", "match",
	// date and time: 'now' is the VFS clock, pinned to the entry's time;
	// 'localtime' is UTC on every node (pinLocaltimeUTC).
	"date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
	"current_date", "current_time", "current_timestamp",
	// aggregate and window
	"avg", "count", "group_concat", "string_agg", "sum", "total", "median", "percentile",
	"percentile_cont", "percentile_disc", "row_number", "rank", "dense_rank", "percent_rank",
	"cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value",
	// math
	"acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh",
	"degrees", "exp", "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians",
	"sin", "sinh", "sqrt", "tan", "tanh", "trunc",
	// JSON
	"json", "jsonb", "json_array", "jsonb_array", "json_array_length", "json_error_position",
	"json_extract", "jsonb_extract", "->", "->>", "json_insert", "jsonb_insert", "json_object",
	"jsonb_object", "json_patch", "jsonb_patch", "json_pretty", "json_remove", "jsonb_remove",
	"json_replace", "jsonb_replace", "json_set", "jsonb_set", "json_type", "json_valid", "json_quote",
	"json_group_array", "jsonb_group_array", "json_group_object", "jsonb_group_object",
	// compiled by ALTER TABLE itself
	"sqlite_rename_column", "sqlite_rename_table", "sqlite_rename_test", "sqlite_drop_column",
	"sqlite_rename_quotefix",
)

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}
