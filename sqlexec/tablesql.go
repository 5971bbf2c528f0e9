package sqlexec

// tablesql.go: pg_table_sql(name) on sqlexec's connections
// (pgdialect/tablesql.go says why it exists and what it answers). Its
// lookup is prepared once per connection and finalized when the
// connection closes; on a session's temporary space it reads the
// temporary schema first (withTempLookups), as the translations' other
// schema lookups do there. Nothing is cached across statements: a
// savepoint rolled back restores an older schema under a schema version
// number that a later DDL reuses.

import (
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// tableSQLFunctions are installed with detFunctions: a write's
// conversions read it on the apply connection.
var tableSQLFunctions = []detFunction{
	{pgdialect.TableSQLFunc, 1, cFuncPointer(fnTableSQL), lib.SQLITE_DETERMINISTIC},
}

// tableSQLConns maps a connection's sqlite3* to its tableSQLLookup.
var tableSQLConns sync.Map

// tableSQLLookup is one connection's lookup statement, prepared at its first
// use (0 before) and finalized when the connection closes.
type tableSQLLookup struct {
	c    *lconn
	stmt uintptr
}

// trackTableSQL lets pg_table_sql find c (installDetFunctions).
func trackTableSQL(c *lconn) {
	tableSQLConns.Store(c.db, &tableSQLLookup{c: c})
}

// untrackTableSQL forgets c and finalizes its lookup (close, before the
// connection itself closes).
func untrackTableSQL(c *lconn) {
	x, ok := tableSQLConns.LoadAndDelete(c.db)
	if !ok {
		return
	}
	if t := x.(*tableSQLLookup); t.stmt != 0 {
		lib.Xsqlite3_finalize(c.tls, t.stmt)
		t.stmt = 0
	}
}

// fnTableSQL is pg_table_sql(name): the sql column of table name's
// sqlite_schema row, NULL when there is none.
func fnTableSQL(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	x, _ := tableSQLConns.Load(lib.Xsqlite3_context_db_handle(tls, ctx))
	t, _ := x.(*tableSQLLookup)
	if t == nil {
		resultError(tls, ctx, "pg_table_sql: connection not tracked")
		return
	}
	if t.stmt == 0 {
		if rc := t.prepare(tls); rc != lib.SQLITE_OK {
			lib.Xsqlite3_result_error_code(tls, ctx, rc)
			return
		}
	}
	st := t.stmt
	defer lib.Xsqlite3_reset(tls, st)
	lib.Xsqlite3_bind_value(tls, st, 1, *(*uintptr)(cptr(argv)))
	switch rc := lib.Xsqlite3_step(tls, st); rc {
	case lib.SQLITE_ROW:
		lib.Xsqlite3_result_value(tls, ctx, lib.Xsqlite3_column_value(tls, st, 0))
	case lib.SQLITE_DONE:
		lib.Xsqlite3_result_null(tls, ctx)
	default:
		lib.Xsqlite3_result_error_code(tls, ctx, rc)
	}
}

// prepare compiles the lookup on t's connection.
func (t *tableSQLLookup) prepare(tls *libc.TLS) int32 {
	q := pgdialect.TableSQLQuery
	if t.c.tempLookups {
		q = withTempLookups(q) // temp.go
	}
	z, err := libc.CString(q)
	if err != nil {
		return lib.SQLITE_NOMEM
	}
	defer libc.Xfree(tls, z)
	pp := libc.Xmalloc(tls, 8)
	defer libc.Xfree(tls, pp)
	rc := lib.Xsqlite3_prepare_v3(tls, t.c.db, z, int32(len(q)), lib.SQLITE_PREPARE_PERSISTENT, pp, 0)
	if rc == lib.SQLITE_OK {
		t.stmt = *(*uintptr)(cptr(pp))
	}
	return rc
}
