package sqlexec

import (
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"modernc.org/libc"
	sqlite "modernc.org/sqlite"
	lib "modernc.org/sqlite/lib"
)

// Stopping the apply connection (Interrupt).
//
// sqlite3_interrupt alone is not enough to stop an apply batch safely: an
// interrupted write statement makes SQLite roll back the whole batch
// transaction, after which ApplyBatch would go on in autocommit mode and
// could commit later entries, their outcomes and the applied index on their
// own; an interrupted read-only statement would be recorded as that entry's
// (non-deterministic) failure. So every apply connection gets a commit hook
// when it is opened, and Interrupt first makes that hook veto every commit
// of the connection, then interrupts it: nothing the batch did is kept, the
// applied index does not move, and the entries are applied again after a
// restart.

var (
	// commitHookIDs maps an apply connection's sqlite3* to the id its
	// commit hook was installed with (a reused address gets a new id, so
	// a veto never outlives its connection).
	commitHookIDs sync.Map // uintptr -> uintptr
	commitHookSeq atomic.Uintptr
	commitVetoed  sync.Map // id -> struct{}
)

func init() {
	sqlite.RegisterConnectionHook(func(conn sqlite.ExecQuerierContext, dsn string) error {
		if !strings.Contains(dsn, "vfs=raftsql-apply-") {
			return nil
		}
		h, tls, ok := rawHandle(conn)
		if !ok {
			return nil
		}
		id := commitHookSeq.Add(1)
		commitHookIDs.Store(h, id)
		lib.Xsqlite3_commit_hook(tls, h, cFuncPointer(commitHook), id)
		return nil
	})
}

// commitHook vetoes (turns into a rollback) every commit of a connection
// that Interrupt stopped.
func commitHook(tls *libc.TLS, id uintptr) int32 {
	if _, ok := commitVetoed.Load(id); ok {
		return 1
	}
	return 0
}

// rawHandle takes the sqlite3* and TLS out of a modernc driver connection
// (as openLConn does).
func rawHandle(conn any) (uintptr, *libc.TLS, bool) {
	v := reflect.ValueOf(conn)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return 0, nil, false
	}
	e := v.Elem()
	fdb, ftls := e.FieldByName("db"), e.FieldByName("tls")
	if !fdb.IsValid() || !ftls.IsValid() || fdb.Kind() != reflect.Uintptr || ftls.Type() != reflect.TypeOf((*libc.TLS)(nil)) || !fdb.CanAddr() {
		return 0, nil, false
	}
	return *(*uintptr)(unsafe.Pointer(fdb.UnsafeAddr())), *(**libc.TLS)(unsafe.Pointer(ftls.UnsafeAddr())), true
}

// Interrupt stops the apply connection for good, for a node that is
// stopping: from now on no apply commits (ApplyBatch reports its entries
// as failed and leaves the applied index where it was, so they are applied
// again after a restart), and the statement running on it, if any, fails
// at once. A statement that starts after the call runs until its commit
// is refused, so a caller waiting for a batch to return calls Interrupt
// again until it does. Reads are not affected. It does not wait and may
// be called from any goroutine, but not concurrently with Close.
func (db *DB) Interrupt() {
	db.stopApply() // the progress handler stops statements that start later too
	w := db.w
	if w == nil || w.db == 0 {
		return
	}
	if id, ok := commitHookIDs.Load(w.db); ok {
		commitVetoed.Store(id, struct{}{})
	}
	interruptConn(w)
}
