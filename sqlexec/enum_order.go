package sqlexec

// Enum order at run time: the collations pg_enum_<type> that enum columns
// are declared with (pgdialect/enum_order.go) compare labels by their sort
// order in raftsql_enums, the replicated catalog (enums.go).
//
// Every connection this package opens (openLConn: the apply connection,
// read connections, temporary spaces, snapshot and import connections)
// installs a collation-needed callback: the first statement that needs
// pg_enum_<type> on that connection registers the collation there, bound
// to the connection's enumConn. The collation reads the labels from an
// enumOrders, an immutable map swapped atomically:
//
//   - a DB's connections share the DB's enumOrders. The apply connection
//     keeps it equal to what the table holds in its own transaction: every
//     enum state function reloads it after changing the table, and while an
//     enum changed in an unfinished transaction (dirty) each statement it
//     prepares reloads it first, and so does each ROLLBACK [TO] it runs
//     itself (lconn.exec), so an undone change is seen at once. Read connections see a superset of the labels their
//     snapshot holds, in the same relative order: ADD VALUE only inserts a
//     label between others, and a type is dropped or created only while no
//     column declares it, so nothing a read could sort changes order.
//   - a connection of its own (a snapshot or import file) loads the table
//     once when it is opened.
//
// So every node compares the same labels in the same order at the same log
// position (determinism), and indexes stay valid (the invariant in
// pgdialect/enum_order.go). A label of a known enum type that is not one of
// its labels (only a literal or parameter can be one) makes the statement
// fail with 22P02, as PostgreSQL's enum input does; a declared type that is
// no enum compares as text.

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// enumOrders holds the sort order of every enum label, by type name.
type enumOrders struct {
	m atomic.Pointer[map[string]map[string]float64]
	// gen counts the loads: what a label read under one generation
	// meant may differ under the next (planconst.go).
	gen atomic.Uint64
}

func (o *enumOrders) labels(typ string) map[string]float64 {
	p := o.m.Load()
	if p == nil {
		return nil
	}
	if l, ok := (*p)[typ]; ok {
		return l
	}
	// SQLite's collation names are case-insensitive: the name the
	// collation was first needed under may differ in case
	for k, l := range *p {
		if strings.EqualFold(k, typ) {
			return l
		}
	}
	return nil
}

// load replaces the orders with the table as c sees it (no table: none).
func (o *enumOrders) load(c *lconn) error {
	m := map[string]map[string]float64{}
	err := ownStatements(c, func() error {
		st, _, err := c.prepareFresh(`SELECT typname, label, sortorder FROM main.raftsql_enums`)
		if err != nil {
			if strings.Contains(err.Error(), "no such table") {
				return nil
			}
			return err
		}
		defer st.finalize()
		_, err = st.run(nil, func(r []any) error {
			t, _ := r[0].(string)
			l, _ := r[1].(string)
			f, _ := r[2].(float64)
			if m[t] == nil {
				m[t] = map[string]float64{}
			}
			m[t][l] = f
			return nil
		})
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlexec: load enum orders: %w", err)
	}
	o.m.Store(&m)
	o.gen.Add(1)
	return nil
}

// enumConn is one connection's state of its enum collations.
type enumConn struct {
	id     uintptr
	orders *enumOrders
	// dirty (apply connection): an enum changed in the transaction in
	// progress; loading: a reload is running (its own prepare must not
	// start another).
	dirty, loading bool
	// bad is the first value a collation met that is no label of its
	// enum (reset by each statement run; 22P02 after it).
	bad     string
	badType string
	// quiet: a value that is no label is not an error (reindexTable)
	quiet bool
	colls []uintptr // the registry ids of the collations installed
}

// enumColl is one installed collation: a connection and a type.
type enumColl struct {
	conn *enumConn
	typ  string
}

var (
	enumMu    sync.Mutex
	enumNext  uintptr
	enumConns = map[uintptr]*enumConn{}
	// enumByDB: sqlite3* -> *enumConn, for pg_enum_cast
	enumByDB sync.Map
	// enumColls: id -> *enumColl, read by every comparison
	enumColls sync.Map
)

// installEnumCollations gives c its enumConn (its own orders, loaded from
// its file) and the collation-needed callback.
func installEnumCollations(c *lconn) error {
	enumMu.Lock()
	enumNext++
	e := &enumConn{id: enumNext, orders: &enumOrders{}}
	enumConns[e.id] = e
	enumMu.Unlock()
	c.enums = e
	enumByDB.Store(c.db, e)
	if rc := lib.Xsqlite3_collation_needed(c.tls, c.db, e.id, cFuncPointer(enumCollationNeeded)); rc != lib.SQLITE_OK {
		return fmt.Errorf("sqlexec: sqlite3_collation_needed: %w", c.err(rc))
	}
	return e.orders.load(c)
}

// releaseEnumCollations forgets c's collations (at close).
func releaseEnumCollations(c *lconn) {
	e := c.enums
	if e == nil {
		return
	}
	enumByDB.CompareAndDelete(c.db, e)
	enumMu.Lock()
	delete(enumConns, e.id)
	for _, id := range e.colls {
		enumColls.Delete(id)
	}
	enumMu.Unlock()
}

// shareEnumOrders makes c use orders (its DB's), loaded as c sees them.
func shareEnumOrders(c *lconn, orders *enumOrders, reload bool) error {
	c.enums.orders = orders
	if reload {
		return orders.load(c)
	}
	return nil
}

// enumChanged is called by the enum state functions after they changed
// raftsql_enums on the apply connection c.
func enumChanged(c *lconn) error {
	if c.enums == nil {
		return nil
	}
	c.enums.dirty = true
	return c.enums.reload(c)
}

func (e *enumConn) reload(c *lconn) error {
	e.loading = true
	defer func() { e.loading = false }()
	return e.orders.load(c)
}

// beforePrepare reloads the orders while an enum change is in an
// unfinished transaction or was just rolled back (see the package comment
// above).
func (e *enumConn) beforePrepare(c *lconn) {
	if e == nil || !e.dirty || e.loading {
		return
	}
	if err := e.reload(c); err != nil {
		return // the statement will meet the same error
	}
	if !c.inTx() {
		e.dirty = false
	}
}

// afterExec reloads the orders after a ROLLBACK [TO] that may have undone
// an enum change (speculation and failed entries end so), so read
// connections do not keep the undone orders until the apply connection's
// next statement.
func (e *enumConn) afterExec(c *lconn, sqlText string) {
	if e != nil && e.dirty && strings.HasPrefix(sqlText, "ROLLBACK") {
		e.beforePrepare(c)
	}
}

// checkBad returns 22P02 when a collation met a value that is no label of
// its enum during the statement, and clears it.
func (e *enumConn) checkBad() error {
	if e == nil || e.badType == "" {
		return nil
	}
	typ, v := e.badType, e.bad
	e.bad, e.badType = "", ""
	return &Error{Code: CodeInvalidTextRepresentation, Message: fmt.Sprintf("invalid input value for enum %s: \"%s\"", typ, v)}
}

// enumCollationNeeded is sqlite3_collation_needed's callback: it installs
// pg_enum_<type> on db.
func enumCollationNeeded(tls *libc.TLS, pArg uintptr, db uintptr, eTextRep int32, zName uintptr) {
	name := libc.GoString(zName)
	if len(name) <= len(pgdialect.EnumCollationPrefix) || !strings.EqualFold(name[:len(pgdialect.EnumCollationPrefix)], pgdialect.EnumCollationPrefix) {
		return
	}
	enumMu.Lock()
	e := enumConns[pArg]
	if e == nil {
		enumMu.Unlock()
		return
	}
	enumNext++
	id := enumNext
	enumColls.Store(id, &enumColl{conn: e, typ: name[len(pgdialect.EnumCollationPrefix):]})
	e.colls = append(e.colls, id)
	enumMu.Unlock()
	lib.Xsqlite3_create_collation_v2(tls, db, zName, lib.SQLITE_UTF8, id, cFuncPointer(enumCompare), 0)
}

// enumCompare is the collation: labels by sort order; a value that is no
// label after all labels, by its bytes, and remembered (22P02).
func enumCompare(tls *libc.TLS, pArg uintptr, n1 int32, p1 uintptr, n2 int32, p2 uintptr) int32 {
	// the texts are read in place (SQLite's memory, valid for the call);
	// the map lookups of string(bytes) do not copy them
	a, b := cBytes(p1, n1), cBytes(p2, n2)
	x, _ := enumColls.Load(pArg)
	ec, _ := x.(*enumColl)
	var labels map[string]float64
	if ec != nil {
		labels = ec.conn.orders.labels(ec.typ)
	}
	if labels == nil {
		return int32(bytes.Compare(a, b))
	}
	oa, okA := labels[string(a)]
	ob, okB := labels[string(b)]
	if (!okA || !okB) && ec.conn.badType == "" && !ec.conn.quiet {
		ec.conn.badType = ec.typ
		if !okA {
			ec.conn.bad = string(a)
		} else {
			ec.conn.bad = string(b)
		}
	}
	switch {
	case okA && okB:
		return int32(cmp.Compare(oa, ob))
	case okA:
		return -1
	case okB:
		return 1
	}
	return int32(bytes.Compare(a, b))
}

func cBytes(p uintptr, n int32) []byte {
	if n <= 0 {
		return nil
	}
	return unsafe.Slice((*byte)(cptr(p)), n)
}

// reindexTable rebuilds the indexes of a table whose column changed its
// type at apply (tablechange.go), and so maybe its collation (an enum's,
// an array's, numeric's, citext's): the entries were sorted by the old
// one. Values not yet converted that are no label sort after the labels
// (a total order, kept by the conversion that follows).
func reindexTable(c *lconn, table string) error {
	if c.enums != nil {
		c.enums.quiet = true
		defer func() { c.enums.quiet = false }()
	}
	return c.exec("REINDEX " + quoteIdent(table))
}

// fnEnumCast(type, value) is a cast to an enum type (pgdialect/enum_order.go
// enumCast), on any connection: the value when it is one of the type's
// labels (NULL passes), 22P02 when it is not, 42704 when the type is no
// enum, by the orders the connection compares with (on the apply
// connection: the table at the entry's position).
func fnEnumCast(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v := argValue(tls, argv, 1)
	if v == nil {
		lib.Xsqlite3_result_null(tls, ctx)
		return
	}
	typ, _ := argValue(tls, argv, 0).(string)
	x, _ := enumByDB.Load(lib.Xsqlite3_context_db_handle(tls, ctx))
	e, _ := x.(*enumConn)
	var labels map[string]float64
	if e != nil {
		labels = e.orders.labels(typ)
	}
	if labels == nil {
		resultError(tls, ctx, stateErrText(errf(CodeUndefinedObject, "type \"%s\" does not exist", typ)))
		return
	}
	label, _ := v.(string)
	if _, ok := labels[label]; !ok {
		resultError(tls, ctx, stateErrText(errf(CodeInvalidTextRepresentation, "invalid input value for enum %s: \"%v\"", typ, v)))
		return
	}
	lib.Xsqlite3_result_value(tls, ctx, *(*uintptr)(cptr(argv + 8)))
}
