package sqlexec

import (
	"database/sql/driver"
	"unsafe"

	"modernc.org/libc"
	lib "modernc.org/sqlite/lib"

	"github.com/raftsql/raftsql/sqlexec/pgdialect"
)

// det_datetime.go: the per-connection versions of pgdialect's date/time
// input functions. 'now', 'today', 'tomorrow' and 'yesterday' read the
// connection's clock (the entry's pinned time on the apply connection), so
// a write storing them is the same on every replica, and a timestamptz
// without a zone is read in the connection's session time zone (the
// entry's TimeZone on the apply connection; timezone.go); otherwise they
// are pure functions of their arguments. pg_in_col and pg_in_decl, the
// input paths of INSERT/UPDATE, convert date/time values the same way.

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
	{"pg_in_col", 4, cFuncPointer(fnInCol), lib.SQLITE_DETERMINISTIC},
	{"pg_in_col", 5, cFuncPointer(fnInCol), lib.SQLITE_DETERMINISTIC}, // a string literal (pgdialect/enforce.go)
	{"pg_in_col", 7, cFuncPointer(fnInCol), lib.SQLITE_DETERMINISTIC}, // the value's type and position (pgdialect/assign_cast.go)
	{"pg_in_decl", 2, cFuncPointer(fnInDecl), lib.SQLITE_DETERMINISTIC},
}

// zonedCallbacks keeps the callbacks of zonedDetFunctions reachable (SQLite
// holds only their addresses).
var zonedCallbacks []func(*libc.TLS, uintptr, int32, uintptr)

// zonedDetFunctions are pgdialect.ZonedFunctions computing in the
// connection's session time zone (the entry's TimeZone on the apply
// connection): date_trunc, EXTRACT, to_char, timestamptz arithmetic ...
// of a timestamptz work in its local time, as in PostgreSQL.
func zonedDetFunctions() []detFunction {
	var out []detFunction
	for _, z := range pgdialect.ZonedFunctions {
		f := z.F
		cb := func(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
			a := make([]driver.Value, argc)
			for i := range a {
				a[i] = argValue(tls, argv, i)
			}
			v, err := f(a, ctxDet(tls, ctx).zoneLoc())
			resultValue(tls, ctx, v, err)
		}
		zonedCallbacks = append(zonedCallbacks, cb)
		out = append(out, detFunction{z.Name, z.N, cFuncPointer(cb), lib.SQLITE_DETERMINISTIC})
	}
	return out
}

func inDateTime(tls *libc.TLS, ctx uintptr, argv uintptr, typ string, withTypmod bool) {
	typmod := int64(-1)
	if withTypmod {
		if n, ok := argValue(tls, argv, 1).(int64); ok {
			typmod = n
		}
	}
	d := ctxDet(tls, ctx)
	v, err := pgdialect.InDateTimeIn(typ, argValue(tls, argv, 0), typmod, d.now(), d.zoneLoc())
	resultValue(tls, ctx, v, err)
}

func fnInCol(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	if argc == 3 && inColKeeps(tls, argv) {
		// the value is its own conversion: SQLite's value back, never
		// copied to Go and back (pgdialect/incol_keep.go)
		lib.Xsqlite3_result_value(tls, ctx, *(*uintptr)(cptr(argv)))
		return
	}
	d := ctxDet(tls, ctx)
	a := make([]driver.Value, argc)
	for i := range a {
		a[i] = argValue(tls, argv, i)
	}
	v, err := pgdialect.InColAt(a, d.now, d.zoneLoc())
	resultValue(tls, ctx, v, err)
}

func fnInDecl(tls *libc.TLS, ctx uintptr, argc int32, argv uintptr) {
	v, err := pgdialect.InDeclAt(argValue(tls, argv, 0), argValue(tls, argv, 1), ctxDet(tls, ctx).now, ctxDet(tls, ctx).zoneLoc())
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

// inColKeeps reports whether pg_in_col(value, create_sql, column) returns
// its value unchanged (pgdialect.InColKeepFor), reading the three
// arguments in place in SQLite's memory.
func inColKeeps(tls *libc.TLS, argv uintptr) bool {
	arg := func(i int) uintptr { return *(*uintptr)(cptr(argv + uintptr(i)*8)) }
	v, create, col := arg(0), arg(1), arg(2)
	if lib.Xsqlite3_value_type(tls, create) != lib.SQLITE_TEXT {
		return false
	}
	var ref any
	switch lib.Xsqlite3_value_type(tls, col) {
	case lib.SQLITE_INTEGER:
		ref = lib.Xsqlite3_value_int64(tls, col)
	case lib.SQLITE_TEXT:
		ref = valueTextView(tls, col)
	default:
		return false
	}
	keep := pgdialect.InColKeepFor(valueTextView(tls, create), ref)
	switch lib.Xsqlite3_value_type(tls, v) {
	case lib.SQLITE_INTEGER:
		return keep.KeepsInt(lib.Xsqlite3_value_int64(tls, v))
	case lib.SQLITE_TEXT:
		return keep.KeepsText(valueTextView(tls, v))
	case lib.SQLITE_NULL:
		return true // InColAt: a NULL is NULL
	}
	return keep.Any
}

// valueTextView is the text of a TEXT value as a string over SQLite's
// memory, valid only until the value changes: for reading in place, never
// to be kept.
func valueTextView(tls *libc.TLS, v uintptr) string {
	p := lib.Xsqlite3_value_text(tls, v)
	n := int(lib.Xsqlite3_value_bytes(tls, v))
	if p == 0 || n == 0 {
		return ""
	}
	return unsafe.String((*byte)(cptr(p)), n)
}
