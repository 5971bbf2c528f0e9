package sqlexec

// viewdecls.go: pg_view_decls(name), the types of a view's columns for
// the run-time type lookups of translated statements
// (pgdialect/viewdecls.go). A view's column computed by an expression
// has no declared type in SQLite; the view's query described as a
// statement (describeRel, derivedtypes.go: the one home of a view's
// column types) gives it one, which this function hands to the
// statements that read the view as a CREATE TABLE text.
//
// It runs inside a statement (an uncorrelated subquery, once per
// execution) on the connection that runs it, and describes the view
// there: it only compiles statements, never steps them, and a statement
// in use is never finalized under its caller (dropCache keeps busy
// ones). The answer depends only on the schema, the same on every node
// at a log position; it is cached per connection and schema version.

import (
	"strings"
	"sync"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// viewDeclFunctions are installed with detFunctions (pinned: a write may
// read a view's column types).
var viewDeclFunctions = []detFunction{
	{pgdialect.ViewDeclsFunc, 1, cFuncPointer(fnViewDecls), 0},
}

// viewDeclConns maps a connection's sqlite3* to its viewDecls.
var viewDeclConns sync.Map

// viewDecls is one connection's cache of pg_view_decls answers.
type viewDecls struct {
	c      *lconn
	ver    int64             // the schema version the answers hold for
	byName map[string]string // lower-cased view name -> CREATE TABLE text ("" none)
}

// trackViewDecls lets pg_view_decls find c (installDetFunctions).
func trackViewDecls(c *lconn) {
	viewDeclConns.Store(c.db, &viewDecls{c: c})
}

// untrackViewDecls forgets c (close).
func untrackViewDecls(c *lconn) {
	viewDeclConns.Delete(c.db)
}

// fnViewDecls is pg_view_decls(name): a CREATE TABLE text declaring the
// columns of view name with their PostgreSQL types, NULL when name is no
// view or its columns cannot be described.
func fnViewDecls(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	name, _ := argValue(tls, argv, 0).(string)
	x, _ := viewDeclConns.Load(lib.Xsqlite3_context_db_handle(tls, ctx))
	v, _ := x.(*viewDecls)
	if v == nil || name == "" {
		lib.Xsqlite3_result_null(tls, ctx)
		return
	}
	if create := v.lookup(name); create != "" {
		resultText(tls, ctx, create)
		return
	}
	lib.Xsqlite3_result_null(tls, ctx)
}

// lookup is pg_view_decls' answer for name ("" none), cached.
func (v *viewDecls) lookup(name string) string {
	ver, err := v.c.schemaVersion()
	if err != nil {
		return ""
	}
	if ver != v.ver || v.byName == nil {
		v.ver, v.byName = ver, map[string]string{}
	}
	key := strings.ToLower(name)
	if create, ok := v.byName[key]; ok {
		return create
	}
	v.byName[key] = "" // a view reading itself (it cannot) ends here
	create := viewDeclsOf(v.c, name)
	v.byName[key] = create
	return create
}

// viewDeclsOf describes view name's columns as pg_view_decls gives them.
func viewDeclsOf(c *lconn, name string) string {
	if _, ok := viewQuery(c, name); !ok {
		return ""
	}
	cols := describeRel(c, pgdialect.DerivedRel{Name: name})
	if cols == nil {
		return ""
	}
	names := make([]string, len(cols))
	decls := make([]string, len(cols))
	for i, ci := range cols {
		names[i] = ci.name
		decls[i] = viewColumnDecl(ci)
	}
	return pgdialect.ViewDeclsSQL(name, names, decls)
}

// viewColumnDecl is the declaration of a described view column: a
// table's column keeps its declared type; an expression's type is
// declared as a column holding such values would be (ColumnDecl). A
// bare INTEGER (SQLite's rowid alias, whatever its PostgreSQL integer
// type) stays unknown, as the table's own lookup leaves it.
func viewColumnDecl(ci colInfo) string {
	rowid := strings.EqualFold(strings.TrimSpace(ci.decl), "integer")
	switch {
	case ci.decl != "" && !rowid:
		return ci.decl
	case ci.hint != 0:
		return pgdialect.ColumnDecl(ci.hint)
	}
	return ""
}
