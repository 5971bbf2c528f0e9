package sqlexec

import (
	"database/sql/driver"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// det_datetime.go: the per-connection versions of pgdialect's date/time
// input functions. 'now', 'today', 'tomorrow' and 'yesterday' read the
// connection's clock (the entry's pinned time on the apply connection), so
// a write storing them is the same on every replica; otherwise they are
// pure functions of their arguments.

// datetimeDetFunctions are added to detFunctions (det.go).
var datetimeDetFunctions = []detFunction{
	{"pg_cast_time", 1, cFuncPointer(fnCastTime), lib.SQLITE_DETERMINISTIC},
	{"pg_cast_timetz", 1, cFuncPointer(fnCastTimetz), lib.SQLITE_DETERMINISTIC},
	{"pg_in_date", 2, cFuncPointer(fnInDate), lib.SQLITE_DETERMINISTIC},
	{"pg_in_time", 2, cFuncPointer(fnInTime), lib.SQLITE_DETERMINISTIC},
	{"pg_in_timetz", 2, cFuncPointer(fnInTimetz), lib.SQLITE_DETERMINISTIC},
	{"pg_in_timestamp", 2, cFuncPointer(fnInTimestamp), lib.SQLITE_DETERMINISTIC},
	{"pg_in_timestamptz", 2, cFuncPointer(fnInTimestamptz), lib.SQLITE_DETERMINISTIC},
	// The write paths' column conversions (pgdialect/enforce.go) reach
	// the date/time input functions too.
	{"pg_in_col", 3, cFuncPointer(fnInCol), lib.SQLITE_DETERMINISTIC},
	{"pg_in_decl", 2, cFuncPointer(fnInDecl), lib.SQLITE_DETERMINISTIC},
}

func inDateTime(tls *libc.TLS, ctx uintptr, argv uintptr, typ string, withTypmod bool) {
	typmod := int64(-1)
	if withTypmod {
		if n, ok := argValue(tls, argv, 1).(int64); ok {
			typmod = n
		}
	}
	v, err := pgdialect.InDateTimeAt(typ, argValue(tls, argv, 0), typmod, ctxDet(tls, ctx).now())
	resultValue(tls, ctx, v, err)
}

func fnInCol(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	d := ctxDet(tls, ctx)
	a := []driver.Value{argValue(tls, argv, 0), argValue(tls, argv, 1), argValue(tls, argv, 2)}
	v, err := pgdialect.InColAt(a, d.now)
	resultValue(tls, ctx, v, err)
}

func fnInDecl(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v, err := pgdialect.InDeclAt(argValue(tls, argv, 0), argValue(tls, argv, 1), ctxDet(tls, ctx).now)
	resultValue(tls, ctx, v, err)
}

func fnCastTime(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "time", false)
}

func fnCastTimetz(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "timetz", false)
}

func fnInDate(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "date", true)
}

func fnInTime(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "time", true)
}

func fnInTimetz(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "timetz", true)
}

func fnInTimestamp(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "timestamp", true)
}

func fnInTimestamptz(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	inDateTime(tls, ctx, argv, "timestamptz", true)
}
