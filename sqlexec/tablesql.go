package sqlexec

// tablesql.go: pg_table_sql(name) and pg_rel_sql(name[, temp]) on
// sqlexec's connections (pgdialect/tablesql.go says why they exist and
// what they answer). Each lookup is prepared once per connection and
// finalized when the connection closes; on a session's temporary space it
// reads the temporary schema first (withTempLookups), as the
// translations' other schema lookups do there.
//
// Its answers are kept per connection while the schemas they were read
// from stay the same (schemaStamp). sqlite_schema has no index, so the
// lookup scans every table, index and trigger row of the schema: a tenth
// of a one-row INSERT's CPU on a small schema, and growing with the
// number of tables. The schema version number alone cannot tell that the
// schema is unchanged (a savepoint rolled back restores an older schema
// under a number that a later DDL reuses); SQLite's own test of a
// prepared statement's schema, the version number with the in-memory
// schema's generation, which a rollback's schema reset advances, can.

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"

	"modernc.org/libc"
	"modernc.org/libc/sys/types"
	lib "modernc.org/sqlite/lib"
)

// tableSQLFunctions are installed with detFunctions: a write's
// conversions and any statement's run-time column types read them.
var tableSQLFunctions = []detFunction{
	{pgdialect.TableSQLFunc, 1, cFuncPointer(fnTableSQL), lib.SQLITE_DETERMINISTIC},
	{pgdialect.RelSQLFunc, 1, cFuncPointer(fnRelSQL), lib.SQLITE_DETERMINISTIC},
	{pgdialect.RelSQLFunc, 2, cFuncPointer(fnRelSQL), lib.SQLITE_DETERMINISTIC},
}

// lookupKind is one of the lookups, each with its query.
type lookupKind uint8

const (
	lookupTable   lookupKind = iota // pg_table_sql
	lookupRel                       // pg_rel_sql(name)
	lookupRelTemp                   // pg_rel_sql(name, 1): the temporary schema's
	lookupKinds
)

func (k lookupKind) query() string {
	switch k {
	case lookupRel:
		return pgdialect.RelSQLQuery
	case lookupRelTemp:
		return pgdialect.RelSQLTempQuery
	}
	return pgdialect.TableSQLQuery
}

// tableSQLConns maps a connection's sqlite3* to its tableSQLLookup.
var tableSQLConns sync.Map

// tableSQLLookup is one connection's lookup statement, prepared at its first
// use (0 before) and finalized when the connection closes, and the answers
// it gave under the schemas of stamp.
type tableSQLLookup struct {
	c     *lconn
	stmt  [lookupKinds]uintptr
	busy  [lookupKinds]bool // stepping: a nested call (a view's columns read) prepares its own
	stamp schemaStamp
	known map[tableSQLKey]tableSQLText
}

// tableSQLKey names a kept answer.
type tableSQLKey struct {
	kind lookupKind
	name string
}

// tableSQLText is one kept answer: the text in C memory (z, n bytes), or
// NULL when z is 0.
type tableSQLText struct {
	z uintptr
	n int32
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
	t := x.(*tableSQLLookup)
	for k, st := range t.stmt {
		if st != 0 {
			lib.Xsqlite3_finalize(c.tls, st)
			t.stmt[k] = 0
		}
	}
	t.forget(c.tls)
}

// forget frees the kept answers.
func (t *tableSQLLookup) forget(tls *libc.TLS) {
	for _, a := range t.known {
		if a.z != 0 {
			libc.Xfree(tls, a.z)
		}
	}
	clear(t.known)
}

// fnTableSQL is pg_table_sql(name): the sql column of table name's
// sqlite_schema row, NULL when there is none.
func fnTableSQL(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	schemaLookup(tls, ctx, argv, lookupTable)
}

// fnRelSQL is pg_rel_sql(name[, temp]): the create text of table or view
// name (a view's as pg_view_decls declares it), from the temporary schema
// when temp is given.
func fnRelSQL(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	k := lookupRel
	if argc == 2 {
		k = lookupRelTemp
	}
	schemaLookup(tls, ctx, argv, k)
}

// schemaLookup answers lookup kind k of the name at argv[0], kept or
// read.
func schemaLookup(tls *libc.TLS, ctx, argv uintptr, k lookupKind) {
	x, _ := tableSQLConns.Load(lib.Xsqlite3_context_db_handle(tls, ctx))
	t, _ := x.(*tableSQLLookup)
	if t == nil {
		resultError(tls, ctx, "schema lookup: connection not tracked")
		return
	}
	arg := *(*uintptr)(cptr(argv))
	stamp, stamped := schemaStampOf(t.c.db)
	if stamped && stamp != t.stamp {
		t.forget(tls)
		t.stamp = stamp
	}
	var key tableSQLKey
	if stamped && lib.Xsqlite3_value_type(tls, arg) == lib.SQLITE_TEXT {
		p, n := lib.Xsqlite3_value_text(tls, arg), lib.Xsqlite3_value_bytes(tls, arg)
		key = tableSQLKey{k, unsafe.String((*byte)(cptr(p)), n)} // C memory: read here, cloned to keep
		if a, ok := t.known[key]; ok {
			if a.z == 0 {
				lib.Xsqlite3_result_null(tls, ctx)
			} else {
				lib.Xsqlite3_result_text(tls, ctx, a.z, a.n, sqliteTransient)
			}
			return
		}
		key.name = strings.Clone(key.name)
	} else {
		stamped = false
	}
	var st uintptr
	if t.busy[k] {
		// a call inside the lookup's own step: a statement of its own
		if rc := t.prepare(tls, k, &st, 0); rc != lib.SQLITE_OK {
			lib.Xsqlite3_result_error_code(tls, ctx, rc)
			return
		}
		defer lib.Xsqlite3_finalize(tls, st)
	} else {
		if t.stmt[k] == 0 {
			if rc := t.prepare(tls, k, &t.stmt[k], lib.SQLITE_PREPARE_PERSISTENT); rc != lib.SQLITE_OK {
				lib.Xsqlite3_result_error_code(tls, ctx, rc)
				return
			}
		}
		st = t.stmt[k]
		t.busy[k] = true
		defer func() { t.busy[k] = false }()
		defer lib.Xsqlite3_reset(tls, st)
	}
	lib.Xsqlite3_bind_value(tls, st, 1, arg)
	switch rc := lib.Xsqlite3_step(tls, st); rc {
	case lib.SQLITE_ROW:
		lib.Xsqlite3_result_value(tls, ctx, lib.Xsqlite3_column_value(tls, st, 0))
		switch lib.Xsqlite3_column_type(tls, st, 0) {
		case lib.SQLITE_TEXT:
			if stamped {
				t.keep(tls, key, lib.Xsqlite3_column_text(tls, st, 0), lib.Xsqlite3_column_bytes(tls, st, 0))
			}
		case lib.SQLITE_NULL:
			if stamped {
				t.keep(tls, key, 0, 0)
			}
		}
	case lib.SQLITE_DONE:
		lib.Xsqlite3_result_null(tls, ctx)
		if stamped {
			t.keep(tls, key, 0, 0)
		}
	default:
		lib.Xsqlite3_result_error_code(tls, ctx, rc)
	}
}

// keep copies answer z (n bytes; 0 for NULL) into C memory under key.
func (t *tableSQLLookup) keep(tls *libc.TLS, key tableSQLKey, z uintptr, n int32) {
	a := tableSQLText{n: n}
	if z != 0 {
		if a.z = libc.Xmalloc(tls, types.Size_t(n)+1); a.z == 0 {
			return
		}
		libc.Xmemcpy(tls, a.z, z, types.Size_t(n))
	}
	if t.known == nil {
		t.known = map[tableSQLKey]tableSQLText{}
	}
	t.known[key] = a
}

// schemaStamp identifies the schemas a lookup reads, main's and temp's:
// each one's version number (the file header's
// schema cookie, which every DDL advances) and generation (advanced each
// time SQLite resets its in-memory schema: a rollback that undid DDL,
// another connection's DDL seen). SQLite compares the same pair in
// OP_Transaction to know a prepared statement's schema is current; the
// calling statement has made that test on the schemas it reads before
// pg_table_sql runs.
type schemaStamp struct {
	mainCookie, mainGen, tempCookie, tempGen int32
}

// schemaStampOf reads db's stamp from SQLite's in-memory structures
// (false when a schema is not loaded: nothing is kept then).
func schemaStampOf(db uintptr) (schemaStamp, bool) {
	h := (*lib.Tsqlite3)(cptr(db))
	if h.FnDb < 2 {
		return schemaStamp{}, false
	}
	read := func(i uintptr) (cookie, gen int32, ok bool) {
		d := (*lib.TDb)(cptr(h.FaDb + i*unsafe.Sizeof(lib.TDb{})))
		if d.FpSchema == 0 {
			return 0, 0, false
		}
		s := (*lib.TSchema)(cptr(d.FpSchema))
		return s.Fschema_cookie, s.FiGeneration, true
	}
	var st schemaStamp
	var ok bool
	if st.mainCookie, st.mainGen, ok = read(0); !ok {
		return schemaStamp{}, false
	}
	if st.tempCookie, st.tempGen, ok = read(1); !ok {
		return schemaStamp{}, false
	}
	return st, true
}

// prepare compiles lookup k on t's connection into *st.
func (t *tableSQLLookup) prepare(tls *libc.TLS, k lookupKind, st *uintptr, flags uint32) int32 {
	q := k.query()
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
	rc := lib.Xsqlite3_prepare_v3(tls, t.c.db, z, int32(len(q)), flags, pp, 0)
	if rc == lib.SQLITE_OK {
		*st = *(*uintptr)(cptr(pp))
	}
	return rc
}
