package sqlexec

import (
	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"
)

// RETURNING xmax of INSERT ... ON CONFLICT DO UPDATE
// (pgdialect/upsert_xmax.go): pg_upsert_mark(value, rowid), written
// around the first DO UPDATE SET assignment, keeps the rowid of each row
// the statement updates and returns value; pg_upsert_xmax(rowid) in the
// RETURNING list is 1 for a row so kept and 0 for one the statement
// inserted. The marks belong to one statement: the connection's statement
// start clears them (detState.beginStatement on the apply and
// speculation connections, tempExec on a session's temporary space).
// Both run at apply like the statement, so every node returns the same.

func (d *detState) clearUpserted() {
	d.mu.Lock()
	d.upserted = nil
	d.mu.Unlock()
}

func fnUpsertMark(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	d := ctxDet(tls, ctx)
	if id, ok := argValue(tls, argv, 1).(int64); ok {
		d.mu.Lock()
		if d.upserted == nil {
			d.upserted = map[int64]struct{}{}
		}
		d.upserted[id] = struct{}{}
		d.mu.Unlock()
	}
	lib.Xsqlite3_result_value(tls, ctx, *(*uintptr)(cptr(argv)))
}

func fnUpsertXmax(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	d := ctxDet(tls, ctx)
	updated := false
	if id, ok := argValue(tls, argv, 0).(int64); ok {
		d.mu.Lock()
		_, updated = d.upserted[id]
		d.mu.Unlock()
	}
	if updated {
		lib.Xsqlite3_result_int64(tls, ctx, 1)
		return
	}
	lib.Xsqlite3_result_int64(tls, ctx, 0)
}
