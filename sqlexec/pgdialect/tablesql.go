package pgdialect

// tablesql.go: pg_table_sql(name), the CREATE TABLE text of table name as
// the running statement sees it: the schema argument of the column
// conversions of writes (pg_in_col's second argument, declOf). It was an
// uncorrelated subquery per converted value, (SELECT sql FROM
// sqlite_schema WHERE ...); SQLite compiles each on its own and keeps its
// cursor open to the end of the statement, and opening a cursor walks the
// open cursors of its table, so a 5,000-row VALUES list compiled 10,000
// subqueries and spent a quarter of its INSERT's time opening their
// cursors. A deterministic function of a constant is evaluated once per
// execution (SQLite factors constant expressions out of the row loop and
// shares equal ones), so a statement reads each table's text once,
// whatever its row count.
//
// The lookup is a statement on the caller's own connection, stepped
// inside the caller's: it sees the caller's transaction, uncommitted DDL
// included, exactly as the subquery did. sqlexec installs its own
// version on its connections (a prepared lookup kept per connection, and
// the temporary schema first on a session's temporary space); the one
// registered here serves connections sqlexec did not open (this
// package's tests, an embedder's database/sql connections) and compiles
// the lookup per call.

import (
	"database/sql/driver"
	"fmt"
	"reflect"
	"unsafe"

	"modernc.org/libc"
	sqlite "modernc.org/sqlite"
	lib "modernc.org/sqlite/lib"
)

// TableSQLFunc names the function; TableSQLQuery is its lookup, with the
// table's name as ?1.
const (
	TableSQLFunc  = "pg_table_sql"
	TableSQLQuery = "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1 COLLATE NOCASE"
)

// tableSQLExpr is the SQL expression of table tbl's CREATE TABLE text.
func tableSQLExpr(tbl string) string { return TableSQLFunc + "(" + quoteLit(tbl) + ")" }

// pg_rel_sql(name[, temp]) is the same for a table or a view (a view's
// columns declared as pg_view_decls declares them, viewdecls.go), from
// the temporary schema when temp is given: the create text the run-time
// type reads of a column (colTypeQuery: pg_col_numtype(pg_rel_sql('t'),
// 'n')) take. It was an uncorrelated subquery over sqlite_schema, which
// has no index: a scan of the whole schema per execution of every
// statement that reads a column's type at run time (UPDATE t SET n = n +
// $1 over a numeric column, sum(n)), slower the more tables there are.
const (
	RelSQLFunc      = "pg_rel_sql"
	RelSQLQuery     = "SELECT " + relCreateSQL + " FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ?1 COLLATE NOCASE"
	RelSQLTempQuery = "SELECT " + relCreateSQL + " FROM sqlite_temp_schema WHERE type IN ('table', 'view') AND name = ?1 COLLATE NOCASE"
)

// relSQLExpr is the SQL expression of table or view tbl's create text;
// the temporary tables a translation names itself (MERGE's kept rows,
// merge.go, mergesource.go) are in the temporary schema.
func relSQLExpr(tbl string) string {
	if isMergeTable(tbl) {
		return RelSQLFunc + "(" + quoteLit(tbl) + ", 1)"
	}
	return RelSQLFunc + "(" + quoteLit(tbl) + ")"
}

// fcTLS and fcCtx are the offsets of the SQLite handles inside the
// driver's FunctionContext (unexported: read as sqlexec reads a driver
// connection's), checked by name and type once (fcErr when they moved).
var fcTLS, fcCtx, fcErr = func() (tls, ctx uintptr, err error) {
	t := reflect.TypeOf(sqlite.FunctionContext{})
	ft, ok1 := t.FieldByName("tls")
	fc, ok2 := t.FieldByName("ctx")
	if !ok1 || !ok2 || ft.Type != reflect.TypeOf((*libc.TLS)(nil)) || fc.Type.Kind() != reflect.Uintptr {
		return 0, 0, fmt.Errorf("pgdialect: %s: modernc.org/sqlite's FunctionContext has changed", TableSQLFunc)
	}
	return ft.Offset, fc.Offset, nil
}()

// fnTableSQLPlain is pg_table_sql on a connection sqlexec did not set up.
func fnTableSQLPlain(fc *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	return plainLookup(fc, TableSQLFunc, TableSQLQuery, a[0])
}

// fnRelSQLPlain is pg_rel_sql on a connection sqlexec did not set up.
func fnRelSQLPlain(fc *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
	if len(a) == 2 {
		return plainLookup(fc, RelSQLFunc, RelSQLTempQuery, a[0])
	}
	return plainLookup(fc, RelSQLFunc, RelSQLQuery, a[0])
}

// plainLookup steps query (function fn's) with name as ?1 on fc's
// connection, compiled for the call.
func plainLookup(fc *sqlite.FunctionContext, fn, query string, arg driver.Value) (driver.Value, error) {
	name, ok := arg.(string)
	if !ok {
		return nil, nil
	}
	if fcErr != nil {
		return nil, fcErr
	}
	tls := *(**libc.TLS)(unsafe.Add(unsafe.Pointer(fc), fcTLS))
	ctx := *(*uintptr)(unsafe.Add(unsafe.Pointer(fc), fcCtx))
	db := lib.Xsqlite3_context_db_handle(tls, ctx)
	q, err := libc.CString(query)
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(tls, q)
	pp := libc.Xmalloc(tls, 8)
	defer libc.Xfree(tls, pp)
	if rc := lib.Xsqlite3_prepare_v2(tls, db, q, -1, pp, 0); rc != lib.SQLITE_OK {
		return nil, fmt.Errorf("%s: prepare: %s", fn, libc.GoString(lib.Xsqlite3_errstr(tls, rc)))
	}
	// pp is C memory: its bits read as a pointer, not converted
	// (sqlexec's cptr), keeps vet's unsafeptr check for Go pointers
	st := *(*uintptr)(*(*unsafe.Pointer)(unsafe.Pointer(&pp)))
	defer lib.Xsqlite3_finalize(tls, st)
	z, err := libc.CString(name)
	if err != nil {
		return nil, err
	}
	defer libc.Xfree(tls, z)
	lib.Xsqlite3_bind_text(tls, st, 1, z, int32(len(name)), 0)
	switch rc := lib.Xsqlite3_step(tls, st); rc {
	case lib.SQLITE_ROW:
		if lib.Xsqlite3_column_type(tls, st, 0) == lib.SQLITE_NULL {
			return nil, nil
		}
		return libc.GoString(lib.Xsqlite3_column_text(tls, st, 0)), nil
	case lib.SQLITE_DONE:
		return nil, nil
	default:
		return nil, fmt.Errorf("%s: %s", fn, libc.GoString(lib.Xsqlite3_errstr(tls, rc)))
	}
}
